// Styled lines and their drawing.
#include "tui/screens/text_lines.hpp"

#include <algorithm>

#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Role;

Line& Line::add(std::string text, Role role) {
    spans.push_back({std::move(text), role});
    return *this;
}

std::string Line::text() const {
    std::string out;
    for (const auto& s : spans) {
        out += s.text;
    }
    return out;
}

Line& LineBuilder::line() {
    lines_.emplace_back();
    return lines_.back();
}

void LineBuilder::blank() { lines_.emplace_back(); }

Line& LineBuilder::title(std::string text) {
    return line().add(std::move(text), Role::Title);
}

std::vector<Line> fold_lines(const std::vector<Line>& lines, int width, int indent) {
    std::vector<Line> out;
    if (width <= indent + 4) {
        return lines;
    }
    for (const auto& line : lines) {
        Line current;
        current.fill = line.fill;
        current.selectable = line.selectable;
        int used = 0;
        for (const auto& span : line.spans) {
            std::string piece;
            for (std::size_t i = 0; i < span.text.size();) {
                const auto ch = widgets::decode_utf8(span.text, i);
                const int w = widgets::char_width(ch.code);
                if (used + w > width) {
                    if (!piece.empty()) current.add(std::move(piece), span.role);
                    piece.clear();
                    out.push_back(std::move(current));
                    current = Line{};
                    current.fill = line.fill;
                    current.add(std::string(static_cast<std::size_t>(indent), ' '));
                    used = indent;
                }
                piece.append(span.text, i, ch.bytes);
                used += w;
                i += ch.bytes;
            }
            if (!piece.empty()) current.add(std::move(piece), span.role);
        }
        out.push_back(std::move(current));
    }
    return out;
}

void draw_lines(widgets::Canvas& canvas, const std::vector<Line>& lines, int first, int selected,
                const widgets::Theme& theme) {
    const int height = canvas.height();
    const int width = canvas.width();
    for (int row = 0; row < height; ++row) {
        const int index = first + row;
        if (index < 0 || index >= static_cast<int>(lines.size())) {
            canvas.fill({0, row, width, 1}, " ", theme.style(Role::Normal));
            continue;
        }
        const Line& line = lines[static_cast<std::size_t>(index)];
        const bool highlight = index == selected;
        const auto fill_role = highlight ? Role::Selected : line.fill;
        canvas.fill({0, row, width, 1}, " ", theme.style(fill_role));
        int x = 0;
        for (const auto& span : line.spans) {
            if (x >= width) {
                break;
            }
            widgets::Style style = theme.style(span.role);
            if (highlight) {
                const auto& sel = theme.style(Role::Selected);
                style.bg = sel.bg;
                style.attrs |= sel.attrs;
                if (span.role == Role::Normal || span.role == Role::Dim) {
                    style.fg = sel.fg;
                }
            }
            x = canvas.put(x, row, span.text, style);
        }
    }
}

int scroll_to_show(int first, int selected, int height, int total) {
    if (height <= 0) {
        return 0;
    }
    if (selected >= 0) {
        if (selected < first) {
            first = selected;
        } else if (selected >= first + height) {
            first = selected - height + 1;
        }
    }
    const int max_first = std::max(0, total - height);
    return std::clamp(first, 0, max_first);
}

}  // namespace vd::tui
