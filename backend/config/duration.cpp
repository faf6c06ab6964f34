#include "backend/config/duration.hpp"

#include <cctype>

#include <fmt/format.h>

namespace vd::config {

std::optional<Duration> parse_duration(std::string_view text) {
    if (text.empty()) return std::nullopt;
    int64_t total = 0;
    size_t i = 0;
    while (i < text.size()) {
        size_t start = i;
        int64_t n = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
            n = n * 10 + (text[i] - '0');
            if (n > 100000000) return std::nullopt;
            ++i;
        }
        if (i == start || i == text.size()) return std::nullopt;
        int64_t unit = 0;
        switch (text[i]) {
        case 's': unit = 1; break;
        case 'm': unit = 60; break;
        case 'h': unit = 3600; break;
        case 'd': unit = 86400; break;
        case 'w': unit = 7 * 86400; break;
        default: return std::nullopt;
        }
        total += n * unit;
        ++i;
    }
    return Duration(total);
}

std::string format_duration(Duration d) {
    int64_t s = d.count();
    if (s == 0) return "0s";
    std::string out;
    if (s < 0) {
        out = "-";
        s = -s;
    }
    for (auto [unit, suffix] : {std::pair<int64_t, char>{86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}}) {
        if (s >= unit) {
            out += fmt::format("{}{}", s / unit, suffix);
            s %= unit;
        }
    }
    return out;
}

std::string format_age(Duration d) {
    double s = static_cast<double>(d.count());
    const char* sign = s < 0 ? "-" : "";
    if (s < 0) s = -s;
    auto trim = [](double v) {
        auto text = fmt::format("{:.1f}", v);
        if (text.size() > 2 && text.substr(text.size() - 2) == ".0") text.resize(text.size() - 2);
        return text;
    };
    if (s < 120) return fmt::format("{}{} s", sign, trim(s));
    if (s < 2 * 3600) return fmt::format("{}{} min", sign, trim(s / 60));
    if (s < 72 * 3600) return fmt::format("{}{} h", sign, trim(s / 3600));
    return fmt::format("{}{} d", sign, trim(s / 86400));
}

}  // namespace vd::config
