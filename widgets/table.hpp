// Table: a virtualized table for many rows (100k scroll, sort and filter
// without lag). Only the rows inside the viewport are ever formatted.
//
// Usage:
//   1. Describe the columns:
//        std::vector<Column> cols = {
//            {"resource", "Resource", 20, 2},              // min 20, flexible
//            {"status", "Status", 10},                     // fixed 10
//            {"size", "Size", 9, 0, Align::Right}};
//   2. Adapt your data with a RowSource (a view over the snapshot; keep it
//      cheap: format_row is called only for visible rows, sort_key once per
//      row per sort, filter_text once per row per column while filtering):
//        class RecoveryPointRows : public RowSource { ... };
//      or, for small tables, VectorRowSource with the cells already made.
//   3. Drive it:
//        Table table(cols);
//        table.set_source(std::make_shared<RecoveryPointRows>(snapshot));
//        table.set_filter("status:failed prod");  // on every key typed after '/'
//        table.toggle_sort(3);                    // or a click on the header
//        if (table.handle(ev)) redraw;            // j k Up Down PgUp PgDn g G Home End,
//                                                 // clicks and the wheel (relative to
//                                                 // the table's top left corner)
//        table.render(canvas_region, theme, focused);
//        auto row = table.selected_row();         // the source row index, if any
//        status_bar.right = table.position_text(); // "123/4567"
//   After a new snapshot: set_source() again; the selection follows the row
//   with the same row_id() when the source provides ids.
//
// Filter syntax: whitespace-separated terms, all must match (AND), case
// insensitive substring matches; "value" matches any column, "column:value"
// matches one column (by id or title); "quoted text" keeps spaces.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "widgets/canvas.hpp"
#include "widgets/input.hpp"
#include "widgets/table_filter.hpp"
#include "widgets/table_source.hpp"
#include "widgets/theme.hpp"

namespace vd::widgets {

// One column of a table.
struct Column {
    std::string id;      // filter name, lower case: "status"
    std::string title;   // header text: "Status"
    int width = 10;      // the width when fixed, the minimum when flexible
    int flex = 0;        // 0: fixed; > 0: takes this share of the spare width
    Align align = Align::Left;
    bool sortable = true;
};

// The widths of the columns laid out in `total` columns with one space
// between them: flexible columns share what is left; columns that do not fit
// get width 0 (the last one shown may be cut short).
std::vector<int> layout_columns(const std::vector<Column>& columns, int total);

// How the table looks.
struct TableOptions {
    bool show_header = true;
    bool scrollbar = true;  // a scrollbar in the last column when rows overflow
    std::string empty_message = "no rows";
    std::string no_match_message = "no rows match the filter";
};

// A virtualized, sortable, filterable table with a selection.
class Table {
public:
    explicit Table(std::vector<Column> columns, TableOptions options = {});

    // Shows new data; keeps the sort, the filter and (by row_id) the selection.
    void set_source(std::shared_ptr<const RowSource> source);
    // Re-reads the current source after its rows changed.
    void refresh();
    // The columns.
    const std::vector<Column>& columns() const { return columns_; }

    // Sorts on a column (stable: equal keys keep the source order).
    void sort_by(std::size_t column, bool ascending = true);
    // Sorts on a column ascending, or flips the direction if already sorted on it.
    void toggle_sort(std::size_t column);
    // Back to the source order.
    void clear_sort();
    // The sort column, if sorted.
    std::optional<std::size_t> sort_column() const { return sort_column_; }
    // True when sorted ascending.
    bool sort_ascending() const { return ascending_; }

    // Filters rows (see the syntax above); an empty text shows every row.
    void set_filter(std::string_view text);
    // The current filter text.
    const std::string& filter() const { return filter_text_; }

    // Rows in the source.
    std::size_t total_rows() const;
    // Rows that pass the filter (the rows one can scroll through).
    std::size_t shown_rows() const { return view_.size(); }
    // The source row shown at a position of the filtered, sorted view.
    std::size_t row_at_position(std::size_t position) const { return view_[position]; }

    // The selected position in the view, if any row is shown.
    std::optional<std::size_t> selected_position() const;
    // The selected source row, if any row is shown.
    std::optional<std::size_t> selected_row() const;
    // Selects a position in the view (clamped) and scrolls it into view.
    void select(std::size_t position);
    // Moves the selection by `delta` rows (clamped).
    void move(long delta);
    // Moves by one page down or up.
    void page_down();
    void page_up();
    // Selects the first or last row.
    void home();
    void end();
    // Scrolls the viewport by `delta` rows, keeping the selection inside it.
    void scroll(long delta);
    // The first position shown.
    std::size_t scroll_offset() const { return scroll_; }
    // Body rows shown at the last render (a default before the first).
    int page_size() const { return page_; }

    // "123/4567" (selected position, 1-based / shown rows), "0/0" when empty.
    std::string position_text() const;

    // Handles navigation keys, header clicks (sort), row clicks (select) and
    // the wheel; mouse coordinates are relative to the table. Returns true
    // when the event was the table's.
    bool handle(const KeyEvent& event);
    // The view position drawn at row y of the last render, if any.
    std::optional<std::size_t> position_at(int y) const;
    // The column drawn at x in the last render, if any.
    std::optional<std::size_t> column_at(int x) const;

    // Draws the header and the visible rows; formats only those rows.
    void render(Canvas& canvas, const Theme& theme, bool focused = true);

private:
    // Rebuilds the sorted order of every source row.
    void resort();
    // Recomputes which rows pass the filter (only the shown ones when refining).
    void refilter(bool refine);
    // The sorted order restricted to the rows that pass the filter.
    void rebuild_view();
    // Selects the row with this id, or else this source row, if still shown.
    void restore_selection(std::optional<std::size_t> source_row, const std::string& id);
    // Scrolls just enough for the selection to be on screen.
    void keep_selection_visible();
    // Rows taken by the header (0 or 1).
    int header_rows() const { return options_.show_header ? 1 : 0; }
    // Draws the column titles and the sort indicator on row 0.
    void render_header(Canvas& canvas, const Theme& theme, int width);
    // Draws the scrollbar in column x.
    void render_scrollbar(Canvas& canvas, const Theme& theme, int x, int top, int rows);

    std::vector<Column> columns_;
    TableOptions options_;
    std::shared_ptr<const RowSource> source_;
    std::vector<std::uint32_t> order_;  // every source row, in sort order
    std::vector<char> matches_;         // per source row: passes the filter (empty: all)
    std::vector<std::uint32_t> view_;   // order_ filtered by matches_
    std::optional<std::size_t> sort_column_;
    bool ascending_ = true;
    std::string filter_text_;
    std::vector<FilterTerm> terms_;
    std::string filter_hint_;  // "no column 'x' (columns: ...)" when a term looks like one
    std::size_t selected_ = 0;
    std::size_t scroll_ = 0;
    int page_ = 10;
    std::vector<int> widths_;           // column widths at the last render
    std::vector<TableCell> scratch_;
};

}  // namespace vd::widgets
