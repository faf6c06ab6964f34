// Editing one line of UTF-8 text.
#include "widgets/text_input.hpp"

#include <algorithm>

#include "widgets/text.hpp"

namespace vd::widgets {
namespace {

// True for a byte that continues a UTF-8 sequence.
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Number of code points in a UTF-8 string.
std::size_t count_chars(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(),
                                                  [](char c) { return !is_continuation(c); }));
}

}  // namespace

TextInput::TextInput(std::string value) { set_value(std::move(value)); }

void TextInput::set_value(std::string value) {
    value_ = std::move(value);
    cursor_ = value_.size();
}

std::size_t TextInput::previous_boundary(std::size_t pos) const {
    if (pos == 0) {
        return 0;
    }
    --pos;
    while (pos > 0 && is_continuation(value_[pos])) {
        --pos;
    }
    return pos;
}

std::size_t TextInput::next_boundary(std::size_t pos) const {
    if (pos >= value_.size()) {
        return value_.size();
    }
    ++pos;
    while (pos < value_.size() && is_continuation(value_[pos])) {
        ++pos;
    }
    return pos;
}

bool TextInput::handle(const KeyEvent& ev) {
    if (ev.key == Key::Char && (ev.mods & (kModCtrl | kModAlt)) == 0) {
        if (ev.ch < 0x20 || (max_chars_ > 0 && count_chars(value_) >= max_chars_)) {
            return true;
        }
        const std::string t = ev.text();
        value_.insert(cursor_, t);
        cursor_ += t.size();
        return true;
    }
    if (ev.is(Key::Backspace)) {
        const std::size_t start = previous_boundary(cursor_);
        value_.erase(start, cursor_ - start);
        cursor_ = start;
        return true;
    }
    if (ev.is(Key::Delete)) {
        value_.erase(cursor_, next_boundary(cursor_) - cursor_);
        return true;
    }
    if (ev.is(Key::Left)) { cursor_ = previous_boundary(cursor_); return true; }
    if (ev.is(Key::Right)) { cursor_ = next_boundary(cursor_); return true; }
    if (ev.is(Key::Home) || matches(ev, "ctrl+a")) { cursor_ = 0; return true; }
    if (ev.is(Key::End) || matches(ev, "ctrl+e")) { cursor_ = value_.size(); return true; }
    if (matches(ev, "ctrl+u")) {
        value_.erase(0, cursor_);
        cursor_ = 0;
        return true;
    }
    if (matches(ev, "ctrl+w")) {
        std::size_t start = cursor_;
        while (start > 0 && value_[start - 1] == ' ') --start;
        while (start > 0 && value_[start - 1] != ' ') --start;
        value_.erase(start, cursor_ - start);
        cursor_ = start;
        return true;
    }
    return false;
}

void TextInput::render(Canvas& canvas, int x, int y, int width, const Style& style,
                       bool focused) const {
    if (width <= 0) {
        return;
    }
    canvas.fill({x, y, width, 1}, " ", style);
    // Scroll so the cursor (plus one cell for it) fits in the width.
    const std::string_view before = std::string_view(value_).substr(0, cursor_);
    std::size_t start = 0;
    while (start < before.size() && display_width(before.substr(start)) > width - 1) {
        start += decode_utf8(before, start).bytes;
    }
    const std::string_view shown = std::string_view(value_).substr(start);
    canvas.put(x, y, clip(shown, width), style);
    if (focused) {
        canvas.show_cursor(x + display_width(before.substr(start)), y);
    }
}

}  // namespace vd::widgets
