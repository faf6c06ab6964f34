// The scrollable line list.
#include "tui/screens/line_view.hpp"

#include <algorithm>

namespace vd::tui {

int LineView::find_selectable(int from, int dir) const {
    const int n = static_cast<int>(selectable_.size());
    for (int i = from; i >= 0 && i < n; i += dir) {
        if (selectable_[static_cast<std::size_t>(i)]) return i;
    }
    return -1;
}

void LineView::render(widgets::Canvas& canvas, const std::vector<Line>& lines, const widgets::Theme& theme) {
    height_ = canvas.height();
    selectable_.assign(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) selectable_[i] = lines[i].selectable;
    const int n = static_cast<int>(lines.size());
    if (cursor_ >= n || (cursor_ >= 0 && !selectable_[static_cast<std::size_t>(cursor_)])) cursor_ = -1;
    if (cursor_ < 0) cursor_ = find_selectable(0, 1);
    first_ = scroll_to_show(first_, cursor_, height_, n);
    draw_lines(canvas, lines, first_, cursor_, theme);
}

Flags LineView::command(std::string_view name) {
    const int n = static_cast<int>(selectable_.size());
    const int page = std::max(1, height_ - 2);
    int next = cursor_;
    if (name == "down") next = find_selectable(cursor_ + 1, 1);
    else if (name == "up") next = find_selectable(cursor_ - 1, -1);
    else if (name == "page-down") next = find_selectable(std::min(n - 1, cursor_ + page), -1);
    else if (name == "page-up") next = find_selectable(std::max(0, cursor_ - page), 1);
    else if (name == "top") next = find_selectable(0, 1);
    else if (name == "bottom") next = find_selectable(n - 1, -1);
    else return kNone;
    if (next >= 0) cursor_ = next;
    if (name == "top") first_ = 0;
    if (name == "bottom") first_ = n;
    return kHandled | kRedraw;
}

void LineView::select_row(int y) {
    const int index = first_ + y;
    if (index >= 0 && index < static_cast<int>(selectable_.size()) && selectable_[static_cast<std::size_t>(index)]) {
        cursor_ = index;
    }
}

}  // namespace vd::tui
