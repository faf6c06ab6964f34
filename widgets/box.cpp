// Frames, rules and centring.
#include "widgets/box.hpp"

#include <algorithm>
#include <string>

namespace vd::widgets {

Rect draw_box(Canvas& canvas, Rect area, const Theme& theme, std::string_view title, Role role) {
    if (area.width < 2 || area.height < 2) {
        return {area.x, area.y, 0, 0};
    }
    const Glyphs& g = theme.glyphs();
    const Style& style = theme.style(role);
    const int right = area.x + area.width - 1;
    const int bottom = area.y + area.height - 1;
    draw_hline(canvas, area.x + 1, area.y, area.width - 2, theme, role);
    draw_hline(canvas, area.x + 1, bottom, area.width - 2, theme, role);
    draw_vline(canvas, area.x, area.y + 1, area.height - 2, theme, role);
    draw_vline(canvas, right, area.y + 1, area.height - 2, theme, role);
    canvas.put(area.x, area.y, g.top_left, style);
    canvas.put(right, area.y, g.top_right, style);
    canvas.put(area.x, bottom, g.bottom_left, style);
    canvas.put(right, bottom, g.bottom_right, style);
    if (!title.empty() && area.width > 6) {
        const std::string t = " " + ellipsize(title, area.width - 6, g.ellipsis) + " ";
        canvas.put(area.x + 2, area.y, t, theme.style(Role::Title));
    }
    return {area.x + 1, area.y + 1, area.width - 2, area.height - 2};
}

void draw_hline(Canvas& canvas, int x, int y, int width, const Theme& theme, Role role) {
    if (width <= 0) {
        return;
    }
    std::string line;
    for (int i = 0; i < width; ++i) {
        line += theme.glyphs().hline;
    }
    canvas.put(x, y, line, theme.style(role));
}

void draw_vline(Canvas& canvas, int x, int y, int height, const Theme& theme, Role role) {
    for (int i = 0; i < height; ++i) {
        canvas.put(x, y + i, theme.glyphs().vline, theme.style(role));
    }
}

Rect centered(Rect outer, int width, int height) {
    const int w = std::clamp(width, 0, outer.width);
    const int h = std::clamp(height, 0, outer.height);
    return {outer.x + (outer.width - w) / 2, outer.y + (outer.height - h) / 2, w, h};
}

}  // namespace vd::widgets
