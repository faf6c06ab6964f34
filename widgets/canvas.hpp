// Canvas: the one surface every widget draws on.
//
// Usage:
//   void MyWidget::render(Canvas& c, const Theme& t) {
//       c.fill({0, 0, c.width(), c.height()}, " ", t.style(Role::Normal));
//       c.put(0, 0, "Recovery points", t.style(Role::Title));
//       Canvas& body = ...; auto sub = c.region({0, 1, c.width(), c.height() - 1});
//       table.render(sub, t);   // the table sees (0,0) at the region's corner
//   }
// Coordinates are columns (x) and rows (y) from the top left, relative to the
// canvas. Everything is clipped: drawing outside never fails and never
// touches cells outside the canvas (or the region). Text is UTF-8; a wide
// character takes two cells and one that would straddle the right edge is
// replaced by a space.
//
// Implementations: NcursesCanvas (ncurses_canvas.hpp, production, one WINDOW)
// and MemoryCanvas (memory_canvas.hpp, tests, `render`, screenshots).
//
// Redraw discipline (how a cursor move repaints two rows, not the screen):
// widgets are cheap to redraw in full because they format only what is
// visible, so a frame redraws the widgets whose state changed into the
// window; NcursesCanvas only calls wnoutrefresh, and the app calls one
// doupdate() per frame, which compares the new virtual screen with what the
// terminal already shows and writes only the cells that differ. Moving the
// table selection therefore sends the two changed rows over the wire. Nothing
// ever calls clearok()/wclear() except on resize. MemoryCanvas::changed_rows()
// computes the same diff in memory so tests (and the performance issue) can
// check how many rows a change touches.
#pragma once

#include <string>
#include <string_view>

#include "widgets/style.hpp"
#include "widgets/text.hpp"

namespace vd::widgets {

// A rectangle in cells.
struct Rect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    bool empty() const { return width <= 0 || height <= 0; }
    bool contains(int px, int py) const {
        return px >= x && py >= y && px < x + width && py < y + height;
    }
    bool operator==(const Rect&) const = default;
};

// The overlap of two rectangles (empty when they do not overlap).
Rect intersect(Rect a, Rect b);

class RegionCanvas;

// An abstract drawing surface.
class Canvas {
public:
    virtual ~Canvas() = default;

    // Width in columns.
    virtual int width() const = 0;
    // Height in rows.
    virtual int height() const = 0;

    // Draws UTF-8 text from (x, y) to the right, clipped; returns the column
    // after the last cell written (x + display width, when nothing is clipped).
    virtual int put(int x, int y, std::string_view text, const Style& style) = 0;

    // Fills a rectangle with one glyph (a single-width grapheme, e.g. " ").
    virtual void fill(Rect area, std::string_view glyph, const Style& style) = 0;

    // Hides the terminal cursor (no-op in memory).
    virtual void hide_cursor() = 0;
    // Shows the terminal cursor at (x, y), e.g. in a text field.
    virtual void show_cursor(int x, int y) = 0;

    // A view of a sub-rectangle: (0, 0) is the rectangle's top left corner
    // and drawing is clipped to it. The view must not outlive this canvas.
    RegionCanvas region(Rect area);

    // Draws text padded or truncated (with "…" or "~") to exactly `width`
    // columns; returns x + width.
    int put_fit(int x, int y, std::string_view text, int width, const Style& style,
                Align align = Align::Left, std::string_view ellipsis = "…");
};

// A clipped, translated window onto another canvas (see Canvas::region).
class RegionCanvas final : public Canvas {
public:
    RegionCanvas(Canvas& parent, Rect area);

    int width() const override { return area_.width; }
    int height() const override { return area_.height; }
    int put(int x, int y, std::string_view text, const Style& style) override;
    void fill(Rect area, std::string_view glyph, const Style& style) override;
    void hide_cursor() override { parent_->hide_cursor(); }
    void show_cursor(int x, int y) override;

private:
    Canvas* parent_;
    Rect area_;  // in the parent's coordinates, already clipped to it
};

// A run of text cut to the columns [left, right): wide characters cut in
// half become spaces. Canvas implementations share it.
struct ClippedRun {
    std::string text;
    int x = 0;      // the column the clipped text starts at
    int end = 0;    // the column after the unclipped text would end
};

// Cuts `text` drawn from column x to the columns [left, right).
ClippedRun clip_run(std::string_view text, int x, int left, int right);

}  // namespace vd::widgets
