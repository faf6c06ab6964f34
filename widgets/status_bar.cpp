// Status bars and key hints.
#include "widgets/status_bar.hpp"

#include <algorithm>

namespace vd::widgets {

void StatusBar::render(Canvas& canvas, const Theme& theme) const {
    const int width = canvas.width();
    canvas.fill({0, 0, width, 1}, " ", theme.style(background));
    int right_w = 0;
    for (const auto& s : right) {
        right_w += display_width(s.text) + 1;
    }
    right_w = std::min(right_w, width);
    int x = std::max(0, width - right_w);
    const int right_start = x;
    for (const auto& s : right) {
        x = canvas.put(x + 1, 0, s.text, theme.style(s.role));
    }
    const int limit = right.empty() ? width : right_start;
    x = 0;
    for (const auto& s : left) {
        const int room = limit - x - 1;
        if (room <= 0) {
            break;
        }
        const std::string t = ellipsize(s.text, room, theme.glyphs().ellipsis);
        canvas.put(x, 0, t, theme.style(s.role));
        x += display_width(t) + 1;
    }
}

int render_key_hints(Canvas& canvas, const Theme& theme, const std::vector<KeyBinding>& keys) {
    const int width = canvas.width();
    canvas.fill({0, 0, width, 1}, " ", theme.style(Role::Normal));
    int x = 0;
    int drawn = 0;
    for (const auto& b : keys) {
        if (!b.visible) {
            continue;
        }
        const std::string label = key_label(b.key);
        const int need = display_width(label) + 1 + display_width(b.description);
        if (x + need > width) {
            break;
        }
        x = canvas.put(x, 0, label, theme.style(Role::Key));
        x = canvas.put(x + 1, 0, b.description, theme.style(Role::Dim)) + 2;
        ++drawn;
    }
    return drawn;
}

}  // namespace vd::widgets
