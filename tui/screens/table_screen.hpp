// What every table screen shares: keeping the table's rows in step with the
// snapshot and the scope, and turning keymap commands and mouse events into
// table moves and sorts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tui/screens/screen.hpp"
#include "widgets/table.hpp"

namespace vd::tui {

// Remembers what a table's rows were built from: the snapshot, the scope
// and `extra`; or, for a stamp made with the kinds its rows read, only
// those kinds' lists, so that a poll of jobs does not rebuild 100 k
// recovery points.
class SourceStamp {
public:
    SourceStamp() = default;
    explicit SourceStamp(std::vector<poll::Kind> kinds) : kinds_(std::move(kinds)) {}

    // True (and remembers the new stamp) when the rows must be rebuilt.
    bool changed(const ScreenContext& ctx, std::string_view extra = {});
    // Rebuilds on the next changed().
    void reset();

private:
    std::vector<poll::Kind> kinds_;  // empty: any new snapshot counts
    const poll::Snapshot* snapshot_ = nullptr;
    std::uint64_t generation_ = 0;
    std::vector<std::shared_ptr<const void>> lists_;
    std::string key_;
};

// Runs a cursor or sort command on the table; kNone when it is not one.
// Sorting reports the new order in fx.message ("sorted by created, newest first").
Flags table_command(widgets::Table& table, std::string_view name, Effects& fx);

// Passes a mouse event to a table drawn at `area` of the body.
Flags table_mouse(widgets::Table& table, const widgets::MouseEvent& event, widgets::Rect area);

}  // namespace vd::tui
