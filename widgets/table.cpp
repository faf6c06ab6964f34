// Table state: sorting, filtering, selection and scrolling over a RowSource.
#include "widgets/table.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace vd::widgets {

Table::Table(std::vector<Column> columns, TableOptions options)
    : columns_(std::move(columns)), options_(std::move(options)) {}

void Table::set_source(std::shared_ptr<const RowSource> source) {
    const auto row = selected_row();
    const std::string id = (row && source_) ? source_->row_id(*row) : std::string();
    source_ = std::move(source);
    resort();
    refilter(false);
    restore_selection(id.empty() ? std::nullopt : row, id);
}

void Table::refresh() {
    set_source(source_);
}

std::size_t Table::total_rows() const {
    return source_ ? source_->row_count() : 0;
}

void Table::sort_by(std::size_t column, bool ascending) {
    if (column >= columns_.size()) {
        return;
    }
    const auto row = selected_row();
    sort_column_ = column;
    ascending_ = ascending;
    resort();
    rebuild_view();
    restore_selection(row, {});
}

void Table::toggle_sort(std::size_t column) {
    if (column >= columns_.size() || !columns_[column].sortable) {
        return;
    }
    sort_by(column, sort_column_ == column ? !ascending_ : true);
}

void Table::clear_sort() {
    const auto row = selected_row();
    sort_column_.reset();
    ascending_ = true;
    resort();
    rebuild_view();
    restore_selection(row, {});
}

void Table::set_filter(std::string_view text) {
    std::vector<std::vector<std::string>> names;
    names.reserve(columns_.size());
    for (const auto& c : columns_) {
        names.push_back({ascii_lower(c.id), ascii_lower(c.title)});
    }
    auto terms = parse_filter(text, names);
    filter_hint_.clear();
    if (const auto unknown = unknown_column_prefix(terms)) {
        std::string ids;
        for (const auto& c : columns_) ids += (ids.empty() ? "" : ", ") + ascii_lower(c.id);
        filter_hint_ = "no column '" + *unknown + "' (columns: " + ids + ")";
    }
    const bool refine = is_refinement(terms_, terms);
    const auto row = selected_row();
    filter_text_ = std::string(text);
    terms_ = std::move(terms);
    refilter(refine);
    restore_selection(row, {});
}

// Rebuilds order_: the identity, stably sorted on the sort column's keys.
void Table::resort() {
    const std::size_t n = total_rows();
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), 0u);
    if (!sort_column_ || n == 0) {
        return;
    }
    // Sorting (key, row) pairs directly keeps each comparison on one cache
    // line; ties fall back to the row index, which makes the sort stable.
    const bool ascending = ascending_;
    const auto sort_pairs = [&](auto& keyed) {
        std::sort(keyed.begin(), keyed.end(), [ascending](const auto& a, const auto& b) {
            if (a.first < b.first) return ascending;
            if (b.first < a.first) return !ascending;
            return a.second < b.second;
        });
        for (std::size_t i = 0; i < n; ++i) {
            order_[i] = keyed[i].second;
        }
    };
    std::vector<std::pair<SortKey, std::uint32_t>> keyed;
    keyed.reserve(n);
    bool numeric = true;
    for (std::size_t r = 0; r < n; ++r) {
        keyed.emplace_back(source_->sort_key(r, *sort_column_), static_cast<std::uint32_t>(r));
        numeric = numeric && keyed.back().first.text.empty();
    }
    if (!numeric) {
        sort_pairs(keyed);
        return;
    }
    std::vector<std::pair<double, std::uint32_t>> numbers;
    numbers.reserve(n);
    for (const auto& [key, row] : keyed) {
        numbers.emplace_back(key.number, row);
    }
    sort_pairs(numbers);
}

// Recomputes which rows pass the filter; when `refine`, only rows that passed
// the previous filter are checked.
void Table::refilter(bool refine) {
    const std::size_t n = total_rows();
    if (terms_.empty()) {
        matches_.clear();
        rebuild_view();
        return;
    }
    std::string scratch;
    const auto row_matches = [&](std::size_t row) {
        for (const auto& term : terms_) {
            bool found = false;
            if (term.column) {
                found = contains_folded(source_->filter_text(row, *term.column, scratch),
                                        term.needle);
            } else {
                for (std::size_t c = 0; c < columns_.size() && !found; ++c) {
                    found = contains_folded(source_->filter_text(row, c, scratch), term.needle);
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    };
    if (refine && matches_.size() == n) {
        for (std::uint32_t row : view_) {
            matches_[row] = row_matches(row) ? 1 : 0;
        }
    } else {
        matches_.assign(n, 0);
        for (std::size_t row = 0; row < n; ++row) {
            matches_[row] = row_matches(row) ? 1 : 0;
        }
    }
    rebuild_view();
}

// view_ = order_ restricted to matching rows.
void Table::rebuild_view() {
    if (matches_.empty()) {
        view_ = order_;
        return;
    }
    view_.clear();
    for (std::uint32_t row : order_) {
        if (row < matches_.size() && matches_[row]) {
            view_.push_back(row);
        }
    }
}

// Selects the row with the id (or else the source row) if it is still shown;
// otherwise keeps the position, clamped.
void Table::restore_selection(std::optional<std::size_t> source_row, const std::string& id) {
    if (!id.empty()) {
        for (std::size_t p = 0; p < view_.size(); ++p) {
            if (source_->row_id(view_[p]) == id) {
                select(p);
                return;
            }
        }
    } else if (source_row) {
        const auto it = std::find(view_.begin(), view_.end(), *source_row);
        if (it != view_.end()) {
            select(static_cast<std::size_t>(it - view_.begin()));
            return;
        }
        select(0);
        return;
    }
    select(selected_);
}

std::optional<std::size_t> Table::selected_position() const {
    if (view_.empty()) {
        return std::nullopt;
    }
    return std::min(selected_, view_.size() - 1);
}

std::optional<std::size_t> Table::selected_row() const {
    const auto p = selected_position();
    if (!p) {
        return std::nullopt;
    }
    return view_[*p];
}

void Table::select(std::size_t position) {
    selected_ = view_.empty() ? 0 : std::min(position, view_.size() - 1);
    keep_selection_visible();
}

void Table::move(long delta) {
    if (view_.empty()) {
        return;
    }
    const long target = static_cast<long>(selected_) + delta;
    select(target < 0 ? 0 : static_cast<std::size_t>(target));
}

void Table::page_down() { move(page_); }

void Table::page_up() { move(-page_); }

void Table::home() { select(0); }

void Table::end() { select(view_.empty() ? 0 : view_.size() - 1); }

void Table::scroll(long delta) {
    const std::size_t page = static_cast<std::size_t>(page_);
    const std::size_t max_scroll = view_.size() > page ? view_.size() - page : 0;
    const long target = static_cast<long>(scroll_) + delta;
    scroll_ = std::min(target < 0 ? 0 : static_cast<std::size_t>(target), max_scroll);
    if (!view_.empty()) {
        selected_ = std::clamp(selected_, scroll_, std::min(scroll_ + page, view_.size()) - 1);
    }
}

// Scrolls just enough for the selection to be on screen.
void Table::keep_selection_visible() {
    const std::size_t page = static_cast<std::size_t>(std::max(1, page_));
    const std::size_t max_scroll = view_.size() > page ? view_.size() - page : 0;
    if (selected_ < scroll_) {
        scroll_ = selected_;
    } else if (selected_ >= scroll_ + page) {
        scroll_ = selected_ - page + 1;
    }
    scroll_ = std::min(scroll_, max_scroll);
}

std::string Table::position_text() const {
    const auto p = selected_position();
    return fmt::format("{}/{}", p ? *p + 1 : 0, view_.size());
}

std::optional<std::size_t> Table::position_at(int y) const {
    const int body_y = y - header_rows();
    if (body_y < 0 || body_y >= page_) {
        return std::nullopt;
    }
    const std::size_t p = scroll_ + static_cast<std::size_t>(body_y);
    if (p >= view_.size()) {
        return std::nullopt;
    }
    return p;
}

std::optional<std::size_t> Table::column_at(int x) const {
    int left = 0;
    for (std::size_t c = 0; c < widths_.size(); ++c) {
        if (widths_[c] > 0 && x >= left && x < left + widths_[c]) {
            return c;
        }
        left += widths_[c] + 1;
    }
    return std::nullopt;
}

bool Table::handle(const KeyEvent& ev) {
    if (ev.key == Key::Mouse) {
        const MouseEvent& m = ev.mouse;
        if (m.y < 0 || m.y >= header_rows() + page_ || m.x < 0) {
            return false;
        }
        switch (m.button) {
        case MouseButton::WheelUp: scroll(-3); return true;
        case MouseButton::WheelDown: scroll(3); return true;
        case MouseButton::Left:
            if (m.y < header_rows()) {
                if (const auto c = column_at(m.x)) {
                    toggle_sort(*c);
                }
            } else if (const auto p = position_at(m.y)) {
                select(*p);
            }
            return true;
        default: return false;
        }
    }
    if (ev.is(U'j') || ev.is(Key::Down)) { move(1); return true; }
    if (ev.is(U'k') || ev.is(Key::Up)) { move(-1); return true; }
    if (ev.is(Key::PageDown) || matches(ev, "ctrl+f")) { page_down(); return true; }
    if (ev.is(Key::PageUp) || matches(ev, "ctrl+b")) { page_up(); return true; }
    if (matches(ev, "ctrl+d")) { move(page_ / 2); return true; }
    if (matches(ev, "ctrl+u")) { move(-(page_ / 2)); return true; }
    if (ev.is(U'g') || ev.is(Key::Home)) { home(); return true; }
    if (ev.is(U'G') || ev.is(Key::End)) { end(); return true; }
    return false;
}

}  // namespace vd::widgets
