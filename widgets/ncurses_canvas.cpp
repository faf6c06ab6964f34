// Drawing into an ncurses WINDOW with cchar_t cells. UI thread only.
#include "widgets/ncurses_canvas.hpp"

#include <curses.h>

#include <string>
#include <vector>

namespace vd::widgets {
namespace {

// The ncurses attribute bits of a style.
attr_t curses_attrs(const Style& s) {
    attr_t a = A_NORMAL;
    if (s.attrs & kAttrBold) a |= A_BOLD;
    if (s.attrs & kAttrDim) a |= A_DIM;
    if (s.attrs & kAttrUnderline) a |= A_UNDERLINE;
    if (s.attrs & kAttrReverse) a |= A_REVERSE;
    if (s.attrs & kAttrItalic) a |= A_ITALIC;
    return a;
}

// A colour the terminal can show, else the default colour.
int usable_color(Color c) {
    return (c >= 0 && c < COLORS) ? c : -1;
}

// The colour pair for a style, allocated on first use (0 without colour).
int color_pair(const Style& s) {
    if (!has_colors() || (s.fg < 0 && s.bg < 0)) {
        return 0;
    }
    const int pair = alloc_pair(usable_color(s.fg), usable_color(s.bg));
    return pair < 0 ? 0 : pair;
}

// Appends the wide characters of a UTF-8 string.
std::wstring widen(std::string_view utf8) {
    std::wstring out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto ch = decode_utf8(utf8, i);
        out += static_cast<wchar_t>(ch.code);
        i += ch.bytes;
    }
    return out;
}

// Writes one grapheme (base plus combining marks) at (x, y).
void put_grapheme(WINDOW* w, int x, int y, const std::wstring& g, attr_t attrs, int pair) {
    cchar_t cc;
    setcchar(&cc, g.c_str(), attrs, static_cast<short>(pair), &pair);
    mvwadd_wch(w, y, x, &cc);
}

}  // namespace

int setup_ncurses_colors() {
    if (!has_colors()) {
        return 0;
    }
    start_color();
    use_default_colors();
    return COLORS;
}

NcursesCanvas::NcursesCanvas(WINDOW* window) : window_(window) {}

int NcursesCanvas::width() const { return getmaxx(window_); }

int NcursesCanvas::height() const { return getmaxy(window_); }

int NcursesCanvas::put(int x, int y, std::string_view text, const Style& style) {
    const ClippedRun run = clip_run(text, x, 0, width());
    if (y < 0 || y >= height() || run.text.empty()) {
        return run.end;
    }
    const attr_t attrs = curses_attrs(style);
    const int pair = color_pair(style);
    const std::wstring wide = widen(run.text);
    int col = run.x;
    std::wstring grapheme;
    int grapheme_width = 0;
    for (wchar_t wc : wide) {
        const int w = char_width(static_cast<char32_t>(wc));
        if (w == 0 && !grapheme.empty()) {
            grapheme += wc;
            continue;
        }
        if (!grapheme.empty()) {
            put_grapheme(window_, col, y, grapheme, attrs, pair);
            col += grapheme_width;
        }
        grapheme.assign(1, wc);
        grapheme_width = w;
    }
    if (!grapheme.empty()) {
        put_grapheme(window_, col, y, grapheme, attrs, pair);
    }
    return run.end;
}

void NcursesCanvas::fill(Rect area, std::string_view glyph, const Style& style) {
    const Rect r = intersect(area, {0, 0, width(), height()});
    if (r.empty()) {
        return;
    }
    const std::wstring g = widen(glyph.empty() ? std::string_view(" ") : glyph);
    const attr_t attrs = curses_attrs(style);
    const int pair = color_pair(style);
    cchar_t cc;
    setcchar(&cc, g.c_str(), attrs, static_cast<short>(pair), &pair);
    for (int y = r.y; y < r.y + r.height; ++y) {
        mvwhline_set(window_, y, r.x, &cc, r.width);
    }
}

void NcursesCanvas::hide_cursor() { curs_set(0); }

void NcursesCanvas::show_cursor(int x, int y) {
    wmove(window_, y, x);
    curs_set(1);
}

void NcursesCanvas::present() { wnoutrefresh(window_); }

}  // namespace vd::widgets
