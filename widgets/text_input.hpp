// TextInput: a one-line editable text (dialog typed confirmation, form
// fields, the `/` filter and `:` command line).
//
// Usage:
//   TextInput input;
//   if (input.handle(ev)) table.set_filter(input.value());
//   input.render(canvas, x, y, width, theme.style(Role::InputFocused), true);
// Keys: printable characters insert; Backspace, Delete, Left, Right,
// Home/ctrl+a, End/ctrl+e, ctrl+u (clear to start), ctrl+w (delete word).
#pragma once

#include <string>
#include <string_view>

#include "widgets/canvas.hpp"
#include "widgets/input.hpp"

namespace vd::widgets {

// An editable line of UTF-8 text with a cursor.
class TextInput {
public:
    TextInput() = default;
    explicit TextInput(std::string value);

    // The text.
    const std::string& value() const { return value_; }
    // Replaces the text and puts the cursor at its end.
    void set_value(std::string value);
    // The cursor as a byte offset into value().
    std::size_t cursor() const { return cursor_; }
    // Limits the length in code points (0: no limit).
    void set_max_chars(std::size_t max) { max_chars_ = max; }

    // Applies an editing key; true when it was one (Enter, Esc, Tab are not).
    bool handle(const KeyEvent& event);

    // Draws the text in `width` cells from (x, y), scrolled so the cursor is
    // visible, and places the terminal cursor there when `focused`.
    void render(Canvas& canvas, int x, int y, int width, const Style& style, bool focused) const;

private:
    // The byte offset of the code point before / after `pos`.
    std::size_t previous_boundary(std::size_t pos) const;
    std::size_t next_boundary(std::size_t pos) const;

    std::string value_;
    std::size_t cursor_ = 0;
    std::size_t max_chars_ = 0;
};

}  // namespace vd::widgets
