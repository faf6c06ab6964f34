// Frames and rules drawn with the theme's box glyphs (┌─┐ or +-+).
#pragma once

#include <string_view>

#include "widgets/canvas.hpp"
#include "widgets/theme.hpp"

namespace vd::widgets {

// Draws a frame on the edge of `area`, with an optional title in its top
// edge ("┌ Title ───┐"), and returns the inside of the frame.
Rect draw_box(Canvas& canvas, Rect area, const Theme& theme, std::string_view title = {},
              Role role = Role::Border);

// Draws a horizontal rule of `width` cells from (x, y).
void draw_hline(Canvas& canvas, int x, int y, int width, const Theme& theme,
                Role role = Role::Border);

// Draws a vertical rule of `height` cells from (x, y).
void draw_vline(Canvas& canvas, int x, int y, int height, const Theme& theme,
                Role role = Role::Border);

// A rectangle of the given size centred in `outer` (clamped to it).
Rect centered(Rect outer, int width, int height);

}  // namespace vd::widgets
