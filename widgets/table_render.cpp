// Drawing a table: column layout, header with the sort indicator, the
// visible rows only, and the scrollbar.
#include <algorithm>

#include "widgets/table.hpp"

namespace vd::widgets {

std::vector<int> layout_columns(const std::vector<Column>& columns, int total) {
    std::vector<int> widths;
    widths.reserve(columns.size());
    int used = columns.empty() ? 0 : static_cast<int>(columns.size()) - 1;
    int flex_total = 0;
    for (const auto& c : columns) {
        widths.push_back(std::max(0, c.width));
        used += widths.back();
        flex_total += std::max(0, c.flex);
    }
    int spare = total - used;
    if (spare > 0 && flex_total > 0) {
        int given = 0;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const int share = spare * std::max(0, columns[i].flex) / flex_total;
            widths[i] += share;
            given += share;
        }
        for (std::size_t i = 0; i < columns.size() && given < spare; ++i) {
            if (columns[i].flex > 0) {
                ++widths[i];
                ++given;
            }
        }
    }
    int x = 0;
    for (int& w : widths) {
        w = x >= total ? 0 : std::min(w, total - x);
        x += w + 1;
    }
    return widths;
}

void Table::render_header(Canvas& canvas, const Theme& theme, int width) {
    const Style& style = theme.style(Role::Header);
    const Glyphs& g = theme.glyphs();
    canvas.fill({0, 0, width, 1}, " ", style);
    int x = 0;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        const int w = widths_[c];
        if (w <= 0) {
            continue;
        }
        std::string title = columns_[c].title;
        if (sort_column_ == c) {
            const std::string_view arrow = ascending_ ? g.arrow_up : g.arrow_down;
            const int room = std::max(0, w - 1 - display_width(arrow));
            title = ellipsize(title, room, g.ellipsis) + " " + std::string(arrow);
        }
        canvas.put_fit(x, 0, title, w, style, columns_[c].align, g.ellipsis);
        x += w + 1;
    }
}

void Table::render_scrollbar(Canvas& canvas, const Theme& theme, int x, int top, int rows) {
    const Style& style = theme.style(Role::Scrollbar);
    const Glyphs& g = theme.glyphs();
    const std::size_t n = view_.size();
    const std::size_t r = static_cast<std::size_t>(rows);
    const std::size_t thumb = std::max<std::size_t>(1, r * r / n);
    const std::size_t max_scroll = n - r;
    const std::size_t pos = max_scroll == 0 ? 0 : scroll_ * (r - thumb) / max_scroll;
    for (std::size_t i = 0; i < r; ++i) {
        const bool on_thumb = i >= pos && i < pos + thumb;
        canvas.put(x, top + static_cast<int>(i), on_thumb ? g.scroll_thumb : g.scroll_track, style);
    }
}

void Table::render(Canvas& canvas, const Theme& theme, bool focused) {
    const int width = canvas.width();
    const int height = canvas.height();
    if (width <= 0 || height <= 0) {
        return;
    }
    const int body = std::max(0, height - header_rows());
    page_ = std::max(1, body);
    keep_selection_visible();
    const std::size_t n = view_.size();
    const bool bar = options_.scrollbar && body > 0 && n > static_cast<std::size_t>(body) &&
                     width > 1;
    const int content = bar ? width - 1 : width;
    widths_ = layout_columns(columns_, content);
    if (options_.show_header) {
        render_header(canvas, theme, width);
    }
    const Style& normal = theme.style(Role::Normal);
    const Style& selected = theme.style(focused ? Role::Selected : Role::SelectedInactive);
    const Glyphs& g = theme.glyphs();
    const std::size_t current = selected_position().value_or(n);
    for (int i = 0; i < body; ++i) {
        const int y = header_rows() + i;
        const std::size_t p = scroll_ + static_cast<std::size_t>(i);
        if (p >= n) {
            canvas.fill({0, y, content, 1}, " ", normal);
            if (n == 0 && i == 0) {
                const bool filtered = total_rows() > 0;
                std::string message = filtered ? options_.no_match_message : options_.empty_message;
                if (filtered && !filter_hint_.empty()) message += ": " + filter_hint_;
                canvas.put(1, y, message, theme.style(Role::Dim));
            }
            continue;
        }
        const bool is_selected = p == current;
        scratch_.clear();
        source_->format_row(view_[p], scratch_);
        canvas.fill({0, y, content, 1}, " ", is_selected ? selected : normal);
        int x = 0;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const int w = widths_[c];
            if (w <= 0) {
                continue;
            }
            const TableCell* cell = c < scratch_.size() ? &scratch_[c] : nullptr;
            const Style& style = is_selected ? selected
                                 : cell     ? theme.style(cell->role)
                                            : normal;
            canvas.put_fit(x, y, cell ? std::string_view(cell->text) : std::string_view(), w,
                           style, columns_[c].align, g.ellipsis);
            x += w + 1;
        }
    }
    if (bar) {
        render_scrollbar(canvas, theme, width - 1, header_rows(), body);
    }
}

}  // namespace vd::widgets
