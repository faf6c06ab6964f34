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

namespace {

// A word (or a run of spaces) of a span, the unit lines are folded at.
struct Token {
    std::string text;
    widgets::Role role;
    int width;
    bool space;
};

// Splits a line into words and runs of spaces, keeping each span's role.
std::vector<Token> tokens_of(const Line& line) {
    std::vector<Token> out;
    for (const auto& span : line.spans) {
        std::size_t i = 0;
        while (i < span.text.size()) {
            const bool space = span.text[i] == ' ';
            std::size_t j = i;
            while (j < span.text.size() && (span.text[j] == ' ') == space) ++j;
            std::string text = span.text.substr(i, j - i);
            const int w = widgets::display_width(text);
            out.push_back({std::move(text), span.role, w, space});
            i = j;
        }
    }
    return out;
}

}  // namespace

std::vector<Line> fold_lines(const std::vector<Line>& lines, int width, int indent) {
    std::vector<Line> out;
    for (const auto& line : lines) {
        const auto tokens = tokens_of(line);
        int total = 0;
        for (const auto& t : tokens) total += t.width;
        if (total <= width || width <= 8) {
            out.push_back(line);
            continue;
        }
        // Continuation lines line up under the text, or at `indent` when given.
        int lead = (!tokens.empty() && tokens.front().space) ? tokens.front().width : 0;
        if (indent >= 0) lead = indent;
        lead = std::min(lead, width / 2);
        Line current;
        current.fill = line.fill;
        current.selectable = line.selectable;
        int used = 0;
        bool fresh = false;  // a continuation line with nothing after its indent yet
        const auto new_line = [&] {
            out.push_back(std::move(current));
            current = Line{};
            current.fill = line.fill;
            current.add(std::string(static_cast<std::size_t>(lead), ' '));
            used = lead;
            fresh = true;
        };
        for (const auto& t : tokens) {
            if (t.space) {
                if (!fresh && used + t.width <= width) {
                    current.add(t.text, t.role);
                    used += t.width;
                }
                continue;
            }
            if (used + t.width > width && !fresh && t.width <= width - lead) {
                new_line();
            }
            fresh = false;
            if (used + t.width <= width) {
                current.add(t.text, t.role);
                used += t.width;
                continue;
            }
            // A word longer than the line (an ARN): cut it where the line ends.
            std::string piece;
            for (std::size_t i = 0; i < t.text.size();) {
                const auto ch = widgets::decode_utf8(t.text, i);
                const int w = widgets::char_width(ch.code);
                if (used + w > width) {
                    current.add(std::move(piece), t.role);
                    piece.clear();
                    new_line();
                }
                piece.append(t.text, i, ch.bytes);
                used += w;
                i += ch.bytes;
            }
            if (!piece.empty()) current.add(std::move(piece), t.role);
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
