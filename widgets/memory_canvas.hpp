// MemoryCanvas: an in-memory grid of cells, for tests, `vaultdeck render`
// and screenshots.
//
// Usage:
//   MemoryCanvas c(80, 24);
//   table.render(c, theme);
//   EXPECT_EQ(c.to_string(), "...\n...\n");   // plain text, one line per row
//   std::cout << c.to_ansi();                  // with SGR colours
#pragma once

#include <string>
#include <vector>

#include "widgets/canvas.hpp"

namespace vd::widgets {

// A grid of cells that renders to plain text or ANSI-coloured text.
class MemoryCanvas final : public Canvas {
public:
    // One cell: a grapheme (base character plus combining marks) and its style.
    struct Cell {
        std::string glyph = " ";
        Style style{};
        int width = 1;  // 1, 2 (the left half of a wide character) or 0 (its right half)

        bool operator==(const Cell&) const = default;
    };

    MemoryCanvas(int width, int height);

    int width() const override { return width_; }
    int height() const override { return height_; }
    int put(int x, int y, std::string_view text, const Style& style) override;
    void fill(Rect area, std::string_view glyph, const Style& style) override;
    void hide_cursor() override { cursor_visible_ = false; }
    void show_cursor(int x, int y) override;

    // Resizes the grid and clears it.
    void resize(int width, int height);
    // Resets every cell to a blank in the default style.
    void clear();

    // The cell at (x, y); (x, y) must be inside the canvas.
    const Cell& cell(int x, int y) const;
    // One row as plain text, trailing spaces trimmed.
    std::string row_text(int y) const;
    // Every row as plain text, trailing spaces trimmed, each ending in '\n'.
    std::string to_string() const;
    // Every row with SGR escape sequences for colours and attributes; each
    // row ends with a reset and '\n'.
    std::string to_ansi() const;

    // Whether the cursor is shown, and where.
    bool cursor_visible() const { return cursor_visible_; }
    int cursor_x() const { return cursor_x_; }
    int cursor_y() const { return cursor_y_; }

private:
    // The cell at (x, y), unchecked.
    Cell& at(int x, int y) { return cells_[static_cast<std::size_t>(y * width_ + x)]; }
    // Writes one grapheme of width w, blanking wide characters it cuts in half.
    void set_cell(int x, int y, std::string_view glyph, int w, const Style& style);

    int width_;
    int height_;
    std::vector<Cell> cells_;
    bool cursor_visible_ = false;
    int cursor_x_ = 0;
    int cursor_y_ = 0;
};

// The rows (ascending) whose cells differ between two canvases of the same
// size: what a terminal diff like ncurses' doupdate() would repaint.
std::vector<int> changed_rows(const MemoryCanvas& before, const MemoryCanvas& after);

// The SGR escape sequence that selects a style ("\x1b[0;1;38;5;196m").
std::string sgr(const Style& style);

}  // namespace vd::widgets
