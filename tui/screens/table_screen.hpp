// What every table screen shares. TableScreen owns the table (one per view),
// its rows, when they are rebuilt, where the table was drawn, and the keys
// every table has: the cursor, sort, filter, mouse and the detail pane. A
// screen supplies its columns, a row factory, its heading and panes, and its
// own keys, which it sees first (as htop's ScreenManager gives a key to the
// screen before Panel_onKey).
//
// Adding a table screen: subclass TableScreen, pass the views' columns, and
// implement own_bindings(), make_rows() and draw(); see jobs.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tui/screens/screen.hpp"
#include "tui/screens/text_lines.hpp"
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
    // A stamp of `extra` and the scope only, for rows that do not come from
    // the snapshot (the audit log).
    static SourceStamp extra_only();

    // True (and remembers the new stamp) when the rows must be rebuilt.
    bool changed(const ScreenContext& ctx, std::string_view extra = {});
    // Rebuilds on the next changed().
    void reset();

private:
    std::vector<poll::Kind> kinds_;  // empty: any new snapshot counts
    bool extra_only_ = false;
    const poll::Snapshot* snapshot_ = nullptr;
    std::uint64_t generation_ = 0;
    std::vector<std::shared_ptr<const void>> lists_;
    std::string key_;
};

// Runs a cursor or sort command on the table; kNone when it is not one.
// Sorting reports the new order in fx.message ("sorted by created, newest first").
Flags table_command(widgets::Table& table, std::string_view name, Effects& fx);

// A mouse event at body coordinates as a key event relative to `area`;
// nothing when it is outside.
std::optional<widgets::KeyEvent> mouse_inside(const widgets::MouseEvent& event, widgets::Rect area);

// Passes a mouse event to a table drawn at `area` of the body.
Flags table_mouse(widgets::Table& table, const widgets::MouseEvent& event, widgets::Rect area);

// A screen whose body is a table with a heading and optional panes.
class TableScreen : public Screen {
public:
    // own_bindings(), then `d` when the screen has a detail pane, then `s`.
    std::vector<widgets::KeyBinding> bindings() const final;
    void render(const ScreenContext& ctx, widgets::Canvas& canvas) final;
    // The screen's own_command() first, then details, cursor and sort.
    Flags command(const ScreenContext& ctx, std::string_view name, Effects& fx) final;
    Flags mouse(const ScreenContext& ctx, const widgets::MouseEvent& event, Effects& fx) final;
    bool filterable() const final { return true; }
    void set_filter(std::string text) override { table().set_filter(std::move(text)); }
    std::string filter() const final { return table().filter(); }
    std::string selected_arn(const ScreenContext& ctx) final;

protected:
    struct Setup {
        std::vector<widgets::Table> views;  // the tables the screen switches between; the first shows first
        SourceStamp stamp;                  // which data the rows are built from
        std::string detail_help;            // the `d` key's help; empty: no detail pane
    };
    explicit TableScreen(Setup setup);

    // The keys this screen adds (the generic ones follow).
    virtual std::vector<widgets::KeyBinding> own_bindings() const = 0;
    // Builds the rows from the context; called when the stamp changed.
    virtual std::shared_ptr<const widgets::RowSource> make_rows(const ScreenContext& ctx) = 0;
    // View state the rows depend on besides the data (a selection, a grouping).
    virtual std::string rows_key(const ScreenContext& ctx) const {
        (void)ctx;
        return {};
    }
    // Draws the body; the rows are current. Call draw_table() for the table.
    virtual void draw(const ScreenContext& ctx, widgets::Canvas& canvas) = 0;
    // The screen's own commands; kNone passes the command on.
    virtual Flags own_command(const ScreenContext& ctx, std::string_view name, Effects& fx) {
        (void)ctx, (void)name, (void)fx;
        return kNone;
    }
    // The ARN `y` copies for a row of the rows make_rows() built.
    virtual std::string arn_of(std::size_t row) const {
        (void)row;
        return {};
    }

    widgets::Table& table() { return views_[view_]; }
    const widgets::Table& table() const { return views_[view_]; }
    // Shows another view, keeping the filter, with rows rebuilt for it.
    void show_view(const ScreenContext& ctx, std::size_t view);
    bool details_shown() const { return details_; }
    // Rebuilds the rows now if the data or the view state changed.
    void sync(const ScreenContext& ctx);

    // Draws the table at `area` of the body (mouse events there reach it).
    void draw_table(const ScreenContext& ctx, widgets::Canvas& canvas, widgets::Rect area);
    // Fills the heading row `y` and puts `title` at column 1; returns the column after it.
    int draw_title(const ScreenContext& ctx, widgets::Canvas& canvas, std::string_view title, int y = 0) const;
    // Puts the position ("12/340") and the filter from column x of row y;
    // returns the column after them.
    int draw_position(const ScreenContext& ctx, widgets::Canvas& canvas, int x, int y = 0) const;
    // A boxed pane at `area` with `lines` inside.
    static void draw_pane(const ScreenContext& ctx, widgets::Canvas& canvas, widgets::Rect area,
                          std::string_view title, const std::vector<Line>& lines);

private:
    std::vector<widgets::Table> views_;
    std::size_t view_ = 0;
    SourceStamp stamp_;
    std::string detail_help_;
    bool details_ = true;
    widgets::Rect table_area_{};
    std::shared_ptr<const widgets::RowSource> rows_;
};

}  // namespace vd::tui
