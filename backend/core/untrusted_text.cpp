#include "backend/core/untrusted_text.hpp"

#include <fmt/format.h>

namespace vd {
namespace {

}  // namespace

// Code points that change how a terminal lays text out or reads it.
bool is_format_control(char32_t c) {
    return (c >= 0x80 && c <= 0x9F) ||                      // C1: CSI, OSC, ST as single characters
           c == 0x061C ||                                   // Arabic letter mark
           c == 0x200E || c == 0x200F ||                    // left-to-right and right-to-left marks
           (c >= 0x202A && c <= 0x202E) ||                  // embeddings and overrides
           (c >= 0x2066 && c <= 0x2069) ||                  // isolates
           c == 0x2028 || c == 0x2029;                      // line and paragraph separators
}

namespace {

// The code point at text[i] and its length in bytes; length 0 when the bytes
// there are not well-formed UTF-8 (overlong, surrogate, cut short, > U+10FFFF).
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) return {b0, 1};
    std::size_t n = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 <= 0xDF ? 2 : 0;
    if (b0 >= 0xF5) n = 0;
    if (n == 0 || i + n > text.size()) return {0, 0};
    char32_t c = b0 & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80) return {0, 0};
        c = (c << 6) | (b & 0x3F);
    }
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF)) return {0, 0};
    return {c, n};
}

std::string gate(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, n] = decode(text, i);
        if (n == 0) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        if (c == '\n' && keep_newlines) {
            out += '\n';
        } else if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
        } else if (is_format_control(c)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
            out.append(text, i, n);
        }
        i += n;
    }
    return out;
}

}  // namespace

std::string visible(std::string_view text) { return gate(text, false); }

std::string visible_lines(std::string_view text) { return gate(text, true); }

std::string visible_json(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size();) {
        const auto [c, n] = decode(json, i);
        if (n > 1 && is_format_control(c)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
            out.append(json, i, n == 0 ? 1 : n);
        }
        i += n == 0 ? 1 : n;
    }
    return out;
}

bool is_visible(std::string_view text) { return visible(text) == text; }

}  // namespace vd
