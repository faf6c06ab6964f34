// Styled lines: the simplest way for a screen to lay out text that scrolls
// (the dashboard, the plans tree, detail panes). A line is a list of spans,
// each in a theme role; drawing clips at the right edge.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "widgets/canvas.hpp"
#include "widgets/theme.hpp"

namespace vd::tui {

// A piece of text in one role.
struct Span {
    std::string text;
    widgets::Role role = widgets::Role::Normal;
};

// One row of spans, optionally highlighted as a whole (the selected row).
struct Line {
    std::vector<Span> spans;
    widgets::Role fill = widgets::Role::Normal;  // the role of the unused rest of the row
    bool selectable = false;                     // a row the cursor can land on

    // Appends a span; returns the line for chaining.
    Line& add(std::string text, widgets::Role role = widgets::Role::Normal);
    // The line's plain text.
    std::string text() const;
};

// Builds lines for a screen.
class LineBuilder {
public:
    // Starts a new line and returns it.
    Line& line();
    // Adds an empty line (a gap between sections).
    void blank();
    // A section title line.
    Line& title(std::string text);
    std::vector<Line>& lines() { return lines_; }
    std::vector<Line> take() { return std::move(lines_); }

private:
    std::vector<Line> lines_;
};

// Wraps lines wider than `width` at spaces (words longer than a line, such as
// ARNs, are cut): the rest continues on new lines indented by `indent`
// columns, or under the line's own leading spaces when `indent` is -1.
std::vector<Line> fold_lines(const std::vector<Line>& lines, int width, int indent);

// Draws lines [first, first + canvas height) top to bottom, filling each
// row's rest in its fill role; rows past the end are blanked. `selected` is
// the index of the highlighted line (-1 for none).
void draw_lines(widgets::Canvas& canvas, const std::vector<Line>& lines, int first, int selected,
                const widgets::Theme& theme);

// The first line to show so that `selected` stays visible in `height` rows,
// keeping the previous `first` when possible.
int scroll_to_show(int first, int selected, int height, int total);

}  // namespace vd::tui
