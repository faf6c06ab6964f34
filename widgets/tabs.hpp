// Tabs: a row of labels, one active ("Dashboard │ Recovery points │ Jobs").
//
// Usage:
//   Tabs tabs({"Dashboard", "Recovery points", "Jobs"});
//   tabs.set_active(1);
//   if (tabs.handle(ev)) switch_screen(tabs.active());   // clicks, [ and ]
//   tabs.render(canvas.region({0, 1, w, 1}), theme);
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "widgets/canvas.hpp"
#include "widgets/input.hpp"
#include "widgets/theme.hpp"

namespace vd::widgets {

// A row of tab labels with one active.
class Tabs {
public:
    explicit Tabs(std::vector<std::string> labels);

    // The labels.
    const std::vector<std::string>& labels() const { return labels_; }
    // The active tab.
    std::size_t active() const { return active_; }
    // Activates a tab (clamped).
    void set_active(std::size_t index);
    // Activates the next or previous tab, wrapping around.
    void next();
    void previous();

    // "]" next, "[" previous, a click on a label (relative to the row).
    bool handle(const KeyEvent& event);
    // The tab drawn at column x in the last render, if any.
    std::optional<std::size_t> tab_at(int x) const;

    // Draws the labels on row 0; if they do not fit, the active tab stays
    // visible and the others are cut.
    void render(Canvas& canvas, const Theme& theme);

private:
    std::vector<std::string> labels_;
    std::size_t active_ = 0;
    std::vector<std::pair<int, int>> spans_;  // [start, end) column of each tab
};

}  // namespace vd::widgets
