// Tab labels: activation and drawing.
#include "widgets/tabs.hpp"

#include <algorithm>

namespace vd::widgets {

Tabs::Tabs(std::vector<std::string> labels) : labels_(std::move(labels)) {}

void Tabs::set_active(std::size_t index) {
    if (!labels_.empty()) {
        active_ = std::min(index, labels_.size() - 1);
    }
}

void Tabs::next() {
    if (!labels_.empty()) {
        active_ = (active_ + 1) % labels_.size();
    }
}

void Tabs::previous() {
    if (!labels_.empty()) {
        active_ = (active_ + labels_.size() - 1) % labels_.size();
    }
}

std::optional<std::size_t> Tabs::tab_at(int x) const {
    for (std::size_t i = 0; i < spans_.size(); ++i) {
        if (x >= spans_[i].first && x < spans_[i].second) {
            return i;
        }
    }
    return std::nullopt;
}

bool Tabs::handle(const KeyEvent& ev) {
    if (ev.is(U']')) {
        next();
        return true;
    }
    if (ev.is(U'[')) {
        previous();
        return true;
    }
    if (ev.key == Key::Mouse && ev.mouse.button == MouseButton::Left && ev.mouse.y == 0) {
        if (const auto t = tab_at(ev.mouse.x)) {
            active_ = *t;
            return true;
        }
    }
    return false;
}

void Tabs::render(Canvas& canvas, const Theme& theme) {
    const int width = canvas.width();
    canvas.fill({0, 0, width, 1}, " ", theme.style(Role::Normal));
    spans_.assign(labels_.size(), {0, 0});
    // Labels are " label "; when they do not all fit, they lose their
    // padding, and if that is not enough, start early enough that the active
    // one is fully visible.
    auto measure = [&](int padding, std::vector<int>& widths) {
        widths.clear();
        int total = 0;
        for (const auto& l : labels_) {
            widths.push_back(display_width(l) + 2 * padding);
            total += widths.back() + 1;
        }
        return total - 1;
    };
    std::vector<int> widths;
    const int padding = measure(1, widths) <= width ? 1 : 0;
    int total = measure(padding, widths);
    std::size_t first = 0;
    int span = total;
    while (first < active_ && span > width) {
        span -= widths[first] + 1;
        ++first;
    }
    int x = 0;
    for (std::size_t i = first; i < labels_.size() && x < width; ++i) {
        const Role role = i == active_ ? Role::TabActive : Role::TabInactive;
        const std::string pad(static_cast<std::size_t>(padding), ' ');
        const std::string text = ellipsize(pad + labels_[i] + pad, width - x, theme.glyphs().ellipsis);
        const int end = canvas.put(x, 0, text, theme.style(role));
        spans_[i] = {x, std::min(end, width)};
        x = end;
        if (i + 1 < labels_.size() && x < width) {
            canvas.put(x, 0, theme.glyphs().vline, theme.style(Role::Border));
            ++x;
        }
    }
}

}  // namespace vd::widgets
