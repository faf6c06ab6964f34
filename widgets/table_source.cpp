// Default row-source behaviour and the vector-backed source.
#include "widgets/table_source.hpp"

#include "widgets/text.hpp"

namespace vd::widgets {

std::string_view RowSource::filter_text(std::size_t row, std::size_t column,
                                        std::string& scratch) const {
    std::vector<TableCell> cells;
    format_row(row, cells);
    scratch = column < cells.size() ? std::move(cells[column].text) : std::string();
    return scratch;
}

SortKey RowSource::sort_key(std::size_t row, std::size_t column) const {
    std::vector<TableCell> cells;
    format_row(row, cells);
    return SortKey::of(column < cells.size() ? ascii_lower(cells[column].text) : std::string());
}

std::string RowSource::row_id(std::size_t) const {
    return {};
}

void VectorRowSource::format_row(std::size_t row, std::vector<TableCell>& cells) const {
    cells = rows_[row].cells;
}

SortKey VectorRowSource::sort_key(std::size_t row, std::size_t column) const {
    const TableRow& r = rows_[row];
    if (column < r.keys.size()) {
        return r.keys[column];
    }
    return SortKey::of(column < r.cells.size() ? r.cells[column].text : std::string());
}

std::string_view VectorRowSource::filter_text(std::size_t row, std::size_t column,
                                              std::string&) const {
    const TableRow& r = rows_[row];
    return column < r.cells.size() ? std::string_view(r.cells[column].text) : std::string_view();
}

}  // namespace vd::widgets
