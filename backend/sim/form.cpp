#include "backend/sim/form.hpp"

namespace vd::sim {
namespace {

// The value of one hex digit, or -1.
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string percent_decode(std::string_view s, bool plus_is_space) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '%' && i + 2 < s.size()) {
            int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(plus_is_space && c == '+' ? ' ' : c);
    }
    return out;
}

Params parse_form(std::string_view text) {
    Params out;
    while (!text.empty()) {
        size_t amp = text.find('&');
        std::string_view item = text.substr(0, amp);
        if (!item.empty()) {
            size_t eq = item.find('=');
            out.emplace_back(percent_decode(item.substr(0, eq), true),
                             eq == std::string_view::npos ? std::string{} : percent_decode(item.substr(eq + 1), true));
        }
        if (amp == std::string_view::npos) break;
        text.remove_prefix(amp + 1);
    }
    return out;
}

std::optional<std::string> param(const Params& params, std::string_view name) {
    for (const auto& [k, v] : params) {
        if (k == name) return v;
    }
    return std::nullopt;
}

std::vector<std::string> split_path(std::string_view raw_path) {
    std::vector<std::string> out;
    if (!raw_path.empty() && raw_path.front() == '/') raw_path.remove_prefix(1);
    while (true) {
        size_t slash = raw_path.find('/');
        out.emplace_back(raw_path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        raw_path.remove_prefix(slash + 1);
    }
    return out;
}

}  // namespace vd::sim
