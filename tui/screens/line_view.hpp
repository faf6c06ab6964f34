// A scrollable list of styled lines with a cursor that lands on selectable
// lines (the Plans screen; anything that reads like a document).
#pragma once

#include <string_view>
#include <vector>

#include "tui/screens/screen.hpp"
#include "tui/screens/text_lines.hpp"

namespace vd::tui {

class LineView {
public:
    // Draws the lines with the cursor highlighted, keeping it in view.
    void render(widgets::Canvas& canvas, const std::vector<Line>& lines, const widgets::Theme& theme);
    // Runs a cursor command (down, up, page-down, page-up, top, bottom) over
    // the lines last drawn; kNone when it is not one.
    Flags command(std::string_view name);
    // The index of the line under the cursor (-1 when none is selectable).
    int cursor() const { return cursor_; }
    // Moves the cursor to a line (e.g. after a click), if it is selectable.
    void select_row(int y);

private:
    // The selectable line at or after (dir > 0) / before (dir < 0) `from`.
    int find_selectable(int from, int dir) const;

    std::vector<bool> selectable_;
    int cursor_ = -1;
    int first_ = 0;
    int height_ = 20;
};

}  // namespace vd::tui
