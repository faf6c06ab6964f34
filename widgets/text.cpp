// Display width, truncation, padding and human forms of numbers and times.
#include "widgets/text.hpp"

#include <clocale>
#include <cmath>
#include <cwchar>
#include <locale.h>

#include <fmt/format.h>

namespace vd::widgets {
namespace {

// A UTF-8 C locale of our own, so widths do not depend on the process locale.
locale_t utf8_locale() {
    static const locale_t loc = [] {
        locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
        if (l == static_cast<locale_t>(nullptr)) {
            l = newlocale(LC_CTYPE_MASK, "C.utf8", static_cast<locale_t>(nullptr));
        }
        return l;
    }();
    return loc;
}

// wcwidth() of a non-ASCII code point, in the UTF-8 locale.
int wide_width(char32_t code) {
    locale_t loc = utf8_locale();
    if (loc == static_cast<locale_t>(nullptr)) {
        return 1;
    }
    locale_t old = uselocale(loc);
    int w = wcwidth(static_cast<wchar_t>(code));
    uselocale(old);
    return w;
}

}  // namespace

Utf8Char decode_utf8(std::string_view s, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        return {b0, 1};
    }
    std::size_t len = 0;
    char32_t code = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        code = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        code = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        code = b0 & 0x07;
    } else {
        return {0xFFFD, 1};
    }
    if (pos + len > s.size()) {
        return {0xFFFD, 1};
    }
    for (std::size_t i = 1; i < len; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) {
            return {0xFFFD, 1};
        }
        code = (code << 6) | (b & 0x3F);
    }
    const bool overlong = (len == 2 && code < 0x80) || (len == 3 && code < 0x800) ||
                          (len == 4 && code < 0x10000);
    if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return {0xFFFD, 1};
    }
    return {code, len};
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

int char_width(char32_t code) {
    if (code < 0x20 || code == 0x7F) {
        return 0;
    }
    if (code < 0x7F) {
        return 1;
    }
    const int w = wide_width(code);
    return w < 0 ? 1 : w;
}

int display_width(std::string_view s) {
    int width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto ch = decode_utf8(s, i);
        width += char_width(ch.code);
        i += ch.bytes;
    }
    return width;
}

std::string clip(std::string_view s, int width) {
    std::string out;
    int used = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto ch = decode_utf8(s, i);
        const int w = char_width(ch.code);
        if (used + w > width) {
            break;
        }
        out.append(s.substr(i, ch.bytes));
        used += w;
        i += ch.bytes;
    }
    return out;
}

std::string ellipsize(std::string_view s, int width, std::string_view ellipsis) {
    if (width <= 0) {
        return {};
    }
    if (display_width(s) <= width) {
        return std::string(s);
    }
    const int ew = display_width(ellipsis);
    if (ew > width) {
        return clip(s, width);
    }
    std::string head = clip(s, width - ew);
    while (!head.empty() && head.back() == ' ') {
        head.pop_back();
    }
    return head + std::string(ellipsis);
}

std::string pad_right(std::string_view s, int width) {
    std::string out(s);
    const int w = display_width(s);
    if (w < width) {
        out.append(static_cast<std::size_t>(width - w), ' ');
    }
    return out;
}

std::string pad_left(std::string_view s, int width) {
    const int w = display_width(s);
    std::string out;
    if (w < width) {
        out.append(static_cast<std::size_t>(width - w), ' ');
    }
    out.append(s);
    return out;
}

std::string fit(std::string_view s, int width, Align align, std::string_view ellipsis) {
    if (width <= 0) {
        return {};
    }
    std::string t = ellipsize(s, width, ellipsis);
    const int w = display_width(t);
    const int spare = width - w;
    if (spare <= 0) {
        return t;
    }
    switch (align) {
    case Align::Left:
        return t.append(static_cast<std::size_t>(spare), ' ');
    case Align::Right:
        return std::string(static_cast<std::size_t>(spare), ' ') + t;
    case Align::Center:
        break;
    }
    const int left = spare / 2;
    return std::string(static_cast<std::size_t>(left), ' ') + t +
           std::string(static_cast<std::size_t>(spare - left), ' ');
}

std::vector<std::string> wrap(std::string_view text, int width) {
    std::vector<std::string> lines;
    if (width <= 0) {
        return lines;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::string_view para =
            text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        std::string line;
        int line_width = 0;
        std::size_t i = 0;
        while (i < para.size()) {
            const std::size_t space = para.find(' ', i);
            std::string_view word = para.substr(i, space == std::string_view::npos ? std::string_view::npos : space - i);
            i = space == std::string_view::npos ? para.size() : space + 1;
            if (word.empty()) {
                continue;
            }
            int w = display_width(word);
            if (line_width > 0 && line_width + 1 + w > width) {
                lines.push_back(line);
                line.clear();
                line_width = 0;
            }
            while (w > width) {  // a word longer than a line is cut
                const std::string head = clip(word, width - line_width - (line_width > 0 ? 1 : 0));
                if (head.empty()) {
                    lines.push_back(line);
                    line.clear();
                    line_width = 0;
                    continue;
                }
                lines.push_back(line_width > 0 ? line + " " + head : head);
                line.clear();
                line_width = 0;
                word.remove_prefix(head.size());
                w = display_width(word);
            }
            if (word.empty()) {
                continue;
            }
            if (line_width > 0) {
                line += ' ';
                ++line_width;
            }
            line.append(word);
            line_width += w;
        }
        lines.push_back(line);
        if (nl == std::string_view::npos) {
            break;
        }
        start = nl + 1;
    }
    return lines;
}

std::string human_duration(std::chrono::seconds d) {
    long long s = d.count();
    std::string sign;
    if (s < 0) {
        sign = "-";
        s = -s;
    }
    constexpr long long kMinute = 60, kHour = 3600, kDay = 86400;
    if (s < kMinute) {
        return fmt::format("{}{} s", sign, s);
    }
    if (s < kHour) {
        return fmt::format("{}{} min", sign, s / kMinute);
    }
    if (s < kDay) {
        const long long m = (s % kHour) / kMinute;
        return m == 0 ? fmt::format("{}{} h", sign, s / kHour)
                      : fmt::format("{}{} h {} min", sign, s / kHour, m);
    }
    const long long h = (s % kDay) / kHour;
    return h == 0 ? fmt::format("{}{} d", sign, s / kDay)
                  : fmt::format("{}{} d {} h", sign, s / kDay, h);
}

std::string human_size(std::uint64_t bytes) {
    if (bytes < 1024) {
        return fmt::format("{} B", bytes);
    }
    static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = static_cast<double>(bytes) / 1024.0;
    std::size_t unit = 0;
    while (v >= 1024.0 && unit + 1 < std::size(kUnits)) {
        v /= 1024.0;
        ++unit;
    }
    return fmt::format("{:.1f} {}", v, kUnits[unit]);
}

std::string relative_time(std::chrono::system_clock::time_point t,
                          std::chrono::system_clock::time_point now) {
    const auto diff = std::chrono::duration_cast<std::chrono::seconds>(t - now);
    if (diff.count() == 0) {
        return "now";
    }
    if (diff.count() > 0) {
        return "in " + human_duration(diff);
    }
    return human_duration(-diff) + " ago";
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) {
        return true;
    }
    if (needle.size() > haystack.size()) {
        return false;
    }
    const auto fold = [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    const std::size_t last = haystack.size() - needle.size();
    for (std::size_t i = 0; i <= last; ++i) {
        if (fold(haystack[i]) != needle[0]) {
            continue;
        }
        std::size_t j = 1;
        while (j < needle.size() && fold(haystack[i + j]) == needle[j]) {
            ++j;
        }
        if (j == needle.size()) {
            return true;
        }
    }
    return false;
}

}  // namespace vd::widgets
