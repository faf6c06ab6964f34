// Glyphs: box drawing and symbols in UTF-8, with ASCII fallbacks for
// terminals whose locale is not UTF-8. Widgets draw only through these, so
// every widget works in both modes.
#pragma once

#include <array>
#include <string_view>

namespace vd::widgets {

// The characters widgets draw structure and symbols with.
struct Glyphs {
    bool utf8 = true;
    std::string_view hline, vline;            // ─ │
    std::string_view top_left, top_right;     // ┌ ┐
    std::string_view bottom_left, bottom_right;  // └ ┘
    std::string_view tee_left, tee_right;     // ├ ┤
    std::string_view tee_down;                // ┬ (a tick on an axis)
    std::string_view double_hline;            // ═ (a continuous bar: PITR)
    std::string_view dotted;                  // ┄ (deleted, expired)
    std::string_view arrow_up, arrow_down;    // ▲ ▼
    std::string_view dot_full, dot_empty;     // ● ○
    std::string_view check, cross;            // ✓ ✗
    std::string_view ellipsis;                // …
    std::string_view full_block;              // █
    std::string_view shade;                   // ░ (a light fill: cold storage)
    std::string_view scroll_track, scroll_thumb;
    // Horizontal eighth blocks ▏▎▍▌▋▊▉█ (index 0 = 1/8, 7 = full).
    std::array<std::string_view, 8> eighths;
    // Vertical levels ▁▂▃▄▅▆▇█ for sparklines (index 0 = lowest).
    std::array<std::string_view, 8> levels;
};

// Box drawing and symbols in UTF-8.
const Glyphs& utf8_glyphs();

// The ASCII fallbacks: + - | ^ v * o x ok X # and .:-=+*# levels.
const Glyphs& ascii_glyphs();

// True when the current LC_CTYPE codeset is UTF-8; call after
// setlocale(LC_ALL, "").
bool locale_is_utf8();

// utf8_glyphs() when the locale is UTF-8, else ascii_glyphs().
const Glyphs& glyphs_for_locale();

}  // namespace vd::widgets
