// StatusBar: one row of segments, some on the left and some on the right
// (the header: account, region, environment badge, READ-ONLY, data age; the
// footer: key hints generated from the keymap).
//
// Usage:
//   StatusBar header;
//   header.left = {{"prod-payments (123456789012)", Role::Title},
//                  {" PRODUCTION ", Role::EnvProduction}};
//   header.right = {{" READ-ONLY ", Role::BadgeReadOnly}, {"data 12 s old", Role::Dim}};
//   header.render(canvas.region({0, 0, w, 1}), theme);
//   render_key_hints(canvas.region({0, h - 1, w, 1}), theme, keys);
// When the row is too narrow the right segments win and the left ones are
// cut with an ellipsis.
#pragma once

#include <string>
#include <vector>

#include "widgets/canvas.hpp"
#include "widgets/keymap.hpp"
#include "widgets/theme.hpp"

namespace vd::widgets {

// A piece of a status bar.
struct StatusSegment {
    std::string text;
    Role role = Role::Normal;
};

// A one-row bar with left and right segments, separated by one space.
struct StatusBar {
    std::vector<StatusSegment> left;
    std::vector<StatusSegment> right;
    Role background = Role::Normal;

    // Draws the bar on row 0 of the canvas.
    void render(Canvas& canvas, const Theme& theme) const;
};

// Draws "Key description" hints for the visible bindings on row 0, as many
// as fit, two spaces apart; returns how many were drawn.
int render_key_hints(Canvas& canvas, const Theme& theme, const std::vector<KeyBinding>& keys);

}  // namespace vd::widgets
