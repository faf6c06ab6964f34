// Screen 1, the dashboard: the daily glance. Findings by severity (Enter
// shows the evidence behind one), then per account and region: protected
// resources, RPO met or missed, jobs of the last 24 hours with a 14-day
// sparkline, the next scheduled runs, drills due, and how fresh each kind
// of data is (age, last error).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "tui/screens/screen.hpp"
#include "tui/screens/text_lines.hpp"

namespace vd::tui {

// The dashboard's view state.
struct DashboardView {
    int selected = 0;                  // index into the listed findings
    int first = 0;                     // first line shown
    std::set<std::string> expanded;    // findings showing their evidence (by key)
    bool follow = true;                // keep the selected finding in view
};

// The lines of the dashboard for a width; `selected_line` gets the line of
// the selected finding (-1 when there is none).
std::vector<Line> dashboard_lines(const ScreenContext& ctx, const DashboardView& view, int width,
                                  int* selected_line);

// Draws the dashboard.
void render_dashboard(const ScreenContext& ctx, const DashboardView& view, widgets::Canvas& canvas);

// A stable key for a finding (check, account, region, resource).
std::string finding_key(const health::Finding& f);

std::unique_ptr<Screen> make_dashboard_screen();

}  // namespace vd::tui
