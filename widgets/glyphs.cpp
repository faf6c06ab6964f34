// The UTF-8 and ASCII glyph sets, and the locale check that picks one.
#include "widgets/glyphs.hpp"

#include <langinfo.h>

#include <string>

namespace vd::widgets {

const Glyphs& utf8_glyphs() {
    static const Glyphs g{
        .utf8 = true,
        .hline = "─", .vline = "│",
        .top_left = "┌", .top_right = "┐",
        .bottom_left = "└", .bottom_right = "┘",
        .tee_left = "├", .tee_right = "┤",
        .tee_down = "┬", .double_hline = "═", .dotted = "┄",
        .arrow_up = "▲", .arrow_down = "▼",
        .dot_full = "●", .dot_empty = "○",
        .check = "✓", .cross = "✗",
        .ellipsis = "…",
        .full_block = "█",
        .shade = "░",
        .scroll_track = "│", .scroll_thumb = "█",
        .eighths = {"▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"},
        .levels = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"},
    };
    return g;
}

const Glyphs& ascii_glyphs() {
    static const Glyphs g{
        .utf8 = false,
        .hline = "-", .vline = "|",
        .top_left = "+", .top_right = "+",
        .bottom_left = "+", .bottom_right = "+",
        .tee_left = "+", .tee_right = "+",
        .tee_down = "+", .double_hline = "=", .dotted = ".",
        .arrow_up = "^", .arrow_down = "v",
        .dot_full = "*", .dot_empty = "o",
        .check = "ok", .cross = "X",
        .ellipsis = "~",
        .full_block = "#",
        .shade = ":",
        .scroll_track = "|", .scroll_thumb = "#",
        .eighths = {"#", "#", "#", "#", "#", "#", "#", "#"},
        .levels = {".", ":", "-", "=", "+", "*", "#", "#"},
    };
    return g;
}

bool locale_is_utf8() {
    const char* codeset = nl_langinfo(CODESET);
    if (codeset == nullptr) {
        return false;
    }
    std::string cs(codeset);
    for (char& c : cs) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return cs == "UTF-8" || cs == "UTF8";
}

const Glyphs& glyphs_for_locale() {
    return locale_is_utf8() ? utf8_glyphs() : ascii_glyphs();
}

}  // namespace vd::widgets
