// Row sources feed a Table: the table asks for the row count, the cells of
// the rows it shows, the sort key of every row when sorting, and the text of
// every row when filtering. A source is a cheap view over data someone else
// owns (usually the poller's immutable snapshot).
#pragma once

#include <compare>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "widgets/style.hpp"

namespace vd::widgets {

// One formatted cell: its text and what it means (state colours).
struct TableCell {
    std::string text;
    Role role = Role::Normal;
};

// What rows are ordered by in one column: numbers first compare by value,
// then text compares byte-wise (supply lower-case text for case-insensitive
// order). Use numbers for times (epoch seconds), sizes, counts.
struct SortKey {
    double number = 0;
    std::string text;

    // A numeric key.
    static SortKey of(double n) { return {n, {}}; }
    // A text key.
    static SortKey of(std::string s) { return {0, std::move(s)}; }

    auto operator<=>(const SortKey&) const = default;
};

// The rows of a table.
class RowSource {
public:
    virtual ~RowSource() = default;

    // How many rows there are.
    virtual std::size_t row_count() const = 0;
    // Formats one row: one cell per column. Called only for visible rows.
    virtual void format_row(std::size_t row, std::vector<TableCell>& cells) const = 0;
    // The key a row sorts by in a column. The default is the cell's text in
    // lower case; override it for times, sizes and counts.
    virtual SortKey sort_key(std::size_t row, std::size_t column) const;
    // The text the filter looks at in a column; may point into `scratch`.
    // The default formats the row and copies the cell.
    virtual std::string_view filter_text(std::size_t row, std::size_t column,
                                         std::string& scratch) const;
    // A stable identity (an ARN) so the selection survives new data; empty
    // when the source has none.
    virtual std::string row_id(std::size_t row) const;
};

// One row of a VectorRowSource.
struct TableRow {
    std::vector<TableCell> cells;
    std::vector<SortKey> keys;  // per column; empty: sort by the cell text
    std::string id;
};

// A RowSource over rows already formatted, for small tables and tests.
class VectorRowSource final : public RowSource {
public:
    explicit VectorRowSource(std::vector<TableRow> rows) : rows_(std::move(rows)) {}

    std::size_t row_count() const override { return rows_.size(); }
    void format_row(std::size_t row, std::vector<TableCell>& cells) const override;
    SortKey sort_key(std::size_t row, std::size_t column) const override;
    std::string_view filter_text(std::size_t row, std::size_t column,
                                 std::string& scratch) const override;
    std::string row_id(std::size_t row) const override { return rows_[row].id; }

private:
    std::vector<TableRow> rows_;
};

}  // namespace vd::widgets
