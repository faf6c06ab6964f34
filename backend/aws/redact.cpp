#include "backend/aws/redact.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace vd::aws {
namespace {

// Lower-case letters and digits only: "X-Amz-Security_Token" -> "xamzsecuritytoken".
std::string squash(std::string_view name) {
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out;
}

// A span of text to replace with kRedacted.
struct Span {
    size_t start;
    size_t length;
};

// Replaces the spans (sorted, not overlapping) with kRedacted.
std::string replace_spans(std::string_view text, const std::vector<Span>& spans) {
    std::string out;
    size_t copied = 0;
    for (const Span& s : spans) {
        out.append(text.substr(copied, s.start - copied));
        out.append(kRedacted);
        copied = s.start + s.length;
    }
    out.append(text.substr(copied));
    return out;
}

// The end of the JSON string starting at the quote at `open` (index of the closing quote, or npos).
size_t json_string_end(std::string_view t, size_t open) {
    for (size_t i = open + 1; i < t.size(); ++i) {
        if (t[i] == '\\') {
            ++i;
        } else if (t[i] == '"') {
            return i;
        }
    }
    return std::string_view::npos;
}

// Values of JSON "name": "value" members whose names look secret.
std::string redact_json_members(std::string_view t) {
    std::vector<Span> spans;
    size_t i = t.find('"');
    while (i != std::string_view::npos) {
        size_t close = json_string_end(t, i);
        if (close == std::string_view::npos) break;
        std::string_view name = t.substr(i + 1, close - i - 1);
        size_t j = close + 1;
        while (j < t.size() && std::isspace(static_cast<unsigned char>(t[j]))) ++j;
        if (j < t.size() && t[j] == ':') {
            ++j;
            while (j < t.size() && std::isspace(static_cast<unsigned char>(t[j]))) ++j;
            if (j < t.size() && t[j] == '"') {
                size_t value_end = json_string_end(t, j);
                if (value_end == std::string_view::npos) value_end = t.size();
                if (is_secret_name(name) && value_end > j + 1) spans.push_back({j + 1, value_end - j - 1});
                close = value_end;
            }
        }
        i = close >= t.size() ? std::string_view::npos : t.find('"', close + 1);
    }
    return replace_spans(t, spans);
}

// Texts of XML <Name>value</Name> elements whose names look secret.
std::string redact_xml_elements(std::string_view t) {
    std::vector<Span> spans;
    size_t i = t.find('<');
    while (i != std::string_view::npos) {
        size_t gt = t.find('>', i);
        if (gt == std::string_view::npos) break;
        std::string_view name = t.substr(i + 1, gt - i - 1);
        size_t next = t.find('<', gt);
        bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
        });
        if (plain && next != std::string_view::npos && next > gt + 1 && is_secret_name(name) &&
            t.substr(next, name.size() + 3) == "</" + std::string(name) + ">") {
            spans.push_back({gt + 1, next - gt - 1});
        }
        i = next;
    }
    return replace_spans(t, spans);
}

// Values of "Name: value" lines whose names look secret.
std::string redact_header_lines(std::string_view t) {
    std::vector<Span> spans;
    size_t line = 0;
    while (line < t.size()) {
        size_t eol = t.find('\n', line);
        if (eol == std::string_view::npos) eol = t.size();
        std::string_view l = t.substr(line, eol - line);
        size_t colon = l.find(':');
        if (colon != std::string_view::npos) {
            std::string_view name = l.substr(0, colon);
            while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
            bool token = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
                return std::isalnum(c) || c == '-' || c == '_';
            });
            size_t v = colon + 1;
            while (v < l.size() && (l[v] == ' ' || l[v] == '\t')) ++v;
            size_t end = l.size();
            if (end > v && l[end - 1] == '\r') --end;
            if (token && is_secret_name(name) && end > v) spans.push_back({line + v, end - v});
        }
        line = eol + 1;
    }
    return replace_spans(t, spans);
}

// Values of name=value pairs whose names look secret.
std::string redact_pairs(std::string_view t) {
    auto name_char = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c == '.'; };
    auto value_end_char = [](char c) {
        return c == '&' || c == ',' || c == ';' || c == '"' || c == '\'' || c == '<' || c == '>' ||
               std::isspace(static_cast<unsigned char>(c));
    };
    std::vector<Span> spans;
    for (size_t eq = t.find('='); eq != std::string_view::npos; eq = t.find('=', eq + 1)) {
        size_t start = eq;
        while (start > 0 && name_char(static_cast<unsigned char>(t[start - 1]))) --start;
        size_t end = eq + 1;
        while (end < t.size() && !value_end_char(t[end])) ++end;
        if (start < eq && end > eq + 1 && is_secret_name(t.substr(start, eq - start))) {
            spans.push_back({eq + 1, end - eq - 1});
            eq = end - 1;
        }
    }
    return replace_spans(t, spans);
}

}  // namespace

bool is_secret_name(std::string_view name) {
    static constexpr std::array<std::string_view, 14> kMarks = {
        "authorization", "secret",       "password",      "passwd",         "sessiontoken",
        "securitytoken", "accesstoken",  "refreshtoken",  "metadatatoken",  "idtoken",
        "privatekey",    "signature",    "credential",    "cookie"};
    std::string s = squash(name);
    if (s.empty()) return false;
    return std::any_of(kMarks.begin(), kMarks.end(), [&](std::string_view m) { return s.find(m) != std::string::npos; });
}

Headers redact_headers(const Headers& headers) {
    Headers out = headers;
    for (auto& [name, value] : out) {
        if (is_secret_name(name)) value = std::string(kRedacted);
    }
    return out;
}

std::string redact_query(std::string_view query) {
    std::string out;
    size_t pos = 0;
    while (pos <= query.size()) {
        size_t amp = query.find('&', pos);
        std::string_view item = query.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
        size_t eq = item.find('=');
        if (eq != std::string_view::npos && is_secret_name(item.substr(0, eq))) {
            out += std::string(item.substr(0, eq + 1)) + std::string(kRedacted);
        } else {
            out += std::string(item);
        }
        if (amp == std::string_view::npos) break;
        out += "&";
        pos = amp + 1;
    }
    return out;
}

std::string redact_url(std::string_view url) {
    size_t q = url.find('?');
    if (q == std::string_view::npos) return std::string(url);
    size_t hash = url.find('#', q);
    std::string_view query = url.substr(q + 1, hash == std::string_view::npos ? std::string_view::npos : hash - q - 1);
    std::string out = std::string(url.substr(0, q + 1)) + redact_query(query);
    if (hash != std::string_view::npos) out += std::string(url.substr(hash));
    return out;
}

std::string redact_text(std::string_view text) {
    std::string out = redact_json_members(text);
    out = redact_xml_elements(out);
    out = redact_header_lines(out);
    return redact_pairs(out);
}

std::string dump_request(const HttpRequest& request) {
    std::string out = request.method + " " + redact_url(request.url) + "\n";
    for (const auto& [name, value] : redact_headers(request.headers)) out += name + ": " + value + "\n";
    if (!request.body.empty()) out += "\n" + redact_text(request.body) + "\n";
    return out;
}

std::string dump_response(const HttpResponse& response) {
    std::string out = "HTTP " + std::to_string(response.status) + "\n";
    for (const auto& [name, value] : redact_headers(response.headers)) out += name + ": " + value + "\n";
    if (!response.body.empty()) out += "\n" + redact_text(response.body) + "\n";
    return out;
}

}  // namespace vd::aws
