// The key help box.
#include "widgets/help_overlay.hpp"

#include <algorithm>

#include "widgets/box.hpp"

namespace vd::widgets {

HelpOverlay::HelpOverlay(std::vector<KeyBinding> bindings, std::string title)
    : bindings_(std::move(bindings)), title_(std::move(title)) {}

bool HelpOverlay::handle(const KeyEvent& ev) {
    if (closed_) {
        return false;
    }
    const std::size_t n = bindings_.size();
    const std::size_t page = static_cast<std::size_t>(std::max(1, rows_));
    const std::size_t max_scroll = n > page ? n - page : 0;
    if (ev.is(Key::Escape) || ev.is(U'q') || ev.is(U'?')) {
        closed_ = true;
    } else if (ev.is(U'j') || ev.is(Key::Down)) {
        scroll_ = std::min(scroll_ + 1, max_scroll);
    } else if (ev.is(U'k') || ev.is(Key::Up)) {
        scroll_ = scroll_ > 0 ? scroll_ - 1 : 0;
    } else if (ev.is(Key::PageDown) || ev.is(U' ')) {
        scroll_ = std::min(scroll_ + page, max_scroll);
    } else if (ev.is(Key::PageUp)) {
        scroll_ = scroll_ > page ? scroll_ - page : 0;
    } else if (ev.key == Key::Mouse && ev.mouse.button == MouseButton::WheelDown) {
        scroll_ = std::min(scroll_ + 3, max_scroll);
    } else if (ev.key == Key::Mouse && ev.mouse.button == MouseButton::WheelUp) {
        scroll_ = scroll_ > 3 ? scroll_ - 3 : 0;
    }
    return true;
}

void HelpOverlay::render(Canvas& canvas, const Theme& theme) {
    const Glyphs& g = theme.glyphs();
    int key_w = 0;
    int desc_w = 0;
    bool any_mutating = false;
    for (const auto& b : bindings_) {
        key_w = std::max(key_w, display_width(key_label(b.key)));
        desc_w = std::max(desc_w, display_width(b.description));
        any_mutating = any_mutating || b.mutating;
    }
    const std::string legend = std::string(g.dot_full) + " changes AWS, asks first";
    const int mark_w = any_mutating ? 2 : 0;
    const int legend_w = any_mutating ? display_width(legend) : 0;
    const int inner_w = std::min(std::max({key_w + 2 + desc_w + mark_w, 24, legend_w}),
                                 std::max(0, canvas.width() - 4));
    const int want_rows = static_cast<int>(bindings_.size()) + (any_mutating ? 2 : 0);
    const int inner_h = std::min(want_rows, std::max(0, canvas.height() - 4));
    const Rect box = centered({0, 0, canvas.width(), canvas.height()}, inner_w + 4, inner_h + 2);
    canvas.fill(box, " ", theme.style(Role::Normal));
    const Rect in = draw_box(canvas, box, theme, title_);
    rows_ = std::max(1, inner_h - (any_mutating ? 2 : 0));
    const std::size_t page = static_cast<std::size_t>(rows_);
    scroll_ = std::min(scroll_, bindings_.size() > page ? bindings_.size() - page : 0);
    const int x = in.x + 1;
    for (int i = 0; i < rows_; ++i) {
        const std::size_t idx = scroll_ + static_cast<std::size_t>(i);
        if (idx >= bindings_.size()) {
            break;
        }
        const KeyBinding& b = bindings_[idx];
        const int y = in.y + i;
        canvas.put_fit(x, y, key_label(b.key), key_w, theme.style(Role::Key));
        const int dx = x + key_w + 2;
        const int room = in.x + in.width - 1 - dx - mark_w;
        const int end = canvas.put_fit(dx, y, b.description, std::min(room, desc_w),
                                       theme.style(Role::Normal), Align::Left, g.ellipsis);
        if (b.mutating) {
            canvas.put(end + 1, y, g.dot_full, theme.style(Role::Warning));
        }
    }
    if (any_mutating && in.height >= 2) {
        canvas.put_fit(x, in.y + in.height - 1, legend, in.width - 2, theme.style(Role::Dim),
                       Align::Left, g.ellipsis);
    }
    if (bindings_.size() > page) {
        const std::string more = std::to_string(scroll_ + 1) + "-" +
                                 std::to_string(std::min(bindings_.size(), scroll_ + page)) + "/" +
                                 std::to_string(bindings_.size());
        canvas.put(box.x + box.width - 2 - display_width(more), box.y + box.height - 1, more,
                   theme.style(Role::Dim));
    }
}

}  // namespace vd::widgets
