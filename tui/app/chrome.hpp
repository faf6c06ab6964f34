// The frame around the screens: the header (account, regions, environment,
// READ-ONLY, data age), the tab row and the footer. Each is computed as a
// small model first, so the loop can tell whether a row changed before it
// draws anything (chrome is redrawn only on resize or when it changes).
#pragma once

#include <string>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/poll/snapshot.hpp"
#include "tui/app/keys.hpp"
#include "tui/screens/screen.hpp"
#include "widgets/canvas.hpp"
#include "widgets/theme.hpp"

namespace vd::tui {

// What the header shows.
struct HeaderModel {
    std::string account;      // "prod-main 111122223333" (+ "and 2 more")
    std::string regions;      // "eu-central-1, us-east-1"
    std::string environment;  // production, staging, dev or empty
    bool read_only = false;
    std::string age;          // "data 12 s old", "cached 5 min ago", "loading…"
    bool age_warning = false; // stale, cached or failing
    std::string problems;     // "2 fetch errors"

    // A string that differs whenever the header would look different.
    std::string key() const;
};

// The header for a snapshot at `now`, within a scope.
HeaderModel header_model(const poll::Snapshot& snapshot, TimePoint now, bool read_only, const Scope& scope);

// Draws the header row.
void draw_header(widgets::Canvas& row, const HeaderModel& model, const widgets::Theme& theme);

// One tab: its digit and name (drawn with widgets::Tabs).
struct TabItem {
    std::string label;
    bool active = false;
};

// Draws the key hints of the footer, then `extra` at the right edge.
void draw_key_footer(widgets::Canvas& row, const std::vector<FooterItem>& items, const std::string& extra,
                     const widgets::Theme& theme);

// The "terminal too small: need 80x24, have WxH" screen, centred.
void draw_too_small(widgets::Canvas& canvas, int need_width, int need_height, const widgets::Theme& theme);

}  // namespace vd::tui
