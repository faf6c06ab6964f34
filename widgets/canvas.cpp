// Clipping shared by every canvas, regions, and fitted text.
#include "widgets/canvas.hpp"

#include <algorithm>

#include "backend/core/untrusted_text.hpp"

namespace vd::widgets {
namespace {

// True for C0 and C1 controls, bidi controls and separators, which are never
// drawn: a name from AWS cannot move the cursor or reorder a row.
bool is_control(char32_t c) { return c < 0x20 || c == 0x7F || is_format_control(c); }

}  // namespace

Rect intersect(Rect a, Rect b) {
    const int x0 = std::max(a.x, b.x);
    const int y0 = std::max(a.y, b.y);
    const int x1 = std::min(a.x + a.width, b.x + b.width);
    const int y1 = std::min(a.y + a.height, b.y + b.height);
    if (x1 <= x0 || y1 <= y0) {
        return {x0, y0, 0, 0};
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

ClippedRun clip_run(std::string_view text, int x, int left, int right) {
    ClippedRun run;
    run.x = std::max(x, left);
    int col = x;
    bool last_included = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto ch = decode_utf8(text, i);
        const std::string_view bytes = text.substr(i, ch.bytes);
        i += ch.bytes;
        if (is_control(ch.code)) {
            continue;
        }
        const int w = char_width(ch.code);
        if (w == 0) {
            if (last_included) {
                run.text.append(bytes);
            }
            continue;
        }
        if (col >= left && col + w <= right) {
            run.text.append(bytes);
            last_included = true;
        } else {
            for (int c = col; c < col + w; ++c) {
                if (c >= left && c < right) {
                    run.text += ' ';
                }
            }
            last_included = false;
        }
        col += w;
    }
    run.end = col;
    return run;
}

RegionCanvas Canvas::region(Rect area) {
    return RegionCanvas(*this, area);
}

int Canvas::put_fit(int x, int y, std::string_view text, int width, const Style& style,
                    Align align, std::string_view ellipsis) {
    if (width <= 0) {
        return x;
    }
    put(x, y, fit(text, width, align, ellipsis), style);
    return x + width;
}

RegionCanvas::RegionCanvas(Canvas& parent, Rect area)
    : parent_(&parent), area_(intersect(area, {0, 0, parent.width(), parent.height()})) {}

int RegionCanvas::put(int x, int y, std::string_view text, const Style& style) {
    if (y < 0 || y >= area_.height) {
        return x + display_width(text);
    }
    const ClippedRun run = clip_run(text, x, 0, area_.width);
    if (!run.text.empty()) {
        parent_->put(area_.x + run.x, area_.y + y, run.text, style);
    }
    return run.end;
}

void RegionCanvas::fill(Rect area, std::string_view glyph, const Style& style) {
    const Rect r = intersect(area, {0, 0, area_.width, area_.height});
    if (r.empty()) {
        return;
    }
    parent_->fill({r.x + area_.x, r.y + area_.y, r.width, r.height}, glyph, style);
}

void RegionCanvas::show_cursor(int x, int y) {
    if (x >= 0 && y >= 0 && x < area_.width && y < area_.height) {
        parent_->show_cursor(area_.x + x, area_.y + y);
    }
}

}  // namespace vd::widgets
