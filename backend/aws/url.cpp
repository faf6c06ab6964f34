#include "backend/aws/url.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "backend/aws/sigv4.hpp"

namespace vd::aws {

std::string UrlParts::host_header() const {
    std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    bool default_port = (scheme == "https" && port == 443) || (scheme == "http" && port == 80);
    if (port != 0 && !default_port) h += ":" + std::to_string(port);
    return h;
}

std::string UrlParts::origin() const { return scheme + "://" + host_header(); }

std::optional<UrlParts> parse_url(std::string_view url) {
    size_t sep = url.find("://");
    if (sep == std::string_view::npos || sep == 0) return std::nullopt;
    UrlParts out;
    out.scheme = std::string(url.substr(0, sep));
    std::transform(out.scheme.begin(), out.scheme.end(), out.scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (out.scheme != "http" && out.scheme != "https") return std::nullopt;
    std::string_view rest = url.substr(sep + 3);
    size_t auth_end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, auth_end);
    rest = auth_end == std::string_view::npos ? std::string_view{} : rest.substr(auth_end);
    if (authority.find('@') != std::string_view::npos) return std::nullopt;  // no userinfo in endpoints
    std::string_view port_text;
    if (!authority.empty() && authority.front() == '[') {
        size_t close = authority.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        out.host = std::string(authority.substr(1, close - 1));
        std::string_view after = authority.substr(close + 1);
        if (!after.empty() && after.front() != ':') return std::nullopt;
        if (!after.empty()) port_text = after.substr(1);
    } else {
        size_t colon = authority.rfind(':');
        out.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
    }
    if (out.host.empty()) return std::nullopt;
    if (!port_text.empty()) {
        auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), out.port);
        if (ec != std::errc{} || ptr != port_text.data() + port_text.size() || out.port <= 0 || out.port > 65535) {
            return std::nullopt;
        }
    }
    size_t hash = rest.find('#');
    if (hash != std::string_view::npos) rest = rest.substr(0, hash);
    size_t q = rest.find('?');
    out.path = std::string(rest.substr(0, q));
    if (out.path.empty()) out.path = "/";
    if (q != std::string_view::npos) out.query = std::string(rest.substr(q + 1));
    return out;
}

std::string encode_query(const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::vector<std::pair<std::string, std::string>> encoded;
    encoded.reserve(pairs.size());
    for (const auto& [name, value] : pairs) {
        encoded.emplace_back(sigv4::uri_encode(name, true), sigv4::uri_encode(value, true));
    }
    std::sort(encoded.begin(), encoded.end());
    std::string out;
    for (const auto& [name, value] : encoded) {
        if (!out.empty()) out += "&";
        out += name + "=" + value;
    }
    return out;
}

bool is_loopback_host(std::string_view host) {
    if (host == "localhost" || host == "::1" || host == "[::1]") return true;
    if (host.substr(0, 4) != "127.") return false;
    int parts = 0;
    std::string_view rest = host;
    while (true) {
        size_t dot = rest.find('.');
        std::string_view part = rest.substr(0, dot);
        int value = -1;
        auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || ec != std::errc{} || ptr != part.data() + part.size() || value < 0 || value > 255) {
            return false;
        }
        ++parts;
        if (dot == std::string_view::npos) break;
        rest.remove_prefix(dot + 1);
    }
    return parts == 4;
}

}  // namespace vd::aws
