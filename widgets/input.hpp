// Input events: keys and mouse, decoded once from curses (ncurses_input.hpp)
// so every widget can be driven by tests without a terminal.
//
// Usage: widgets expose `bool handle(const KeyEvent&)` returning true when the
// event was theirs. Build events in tests with KeyEvent::character(U'j'),
// KeyEvent::named(Key::PageDown), KeyEvent::click(x, y), KeyEvent::wheel(...).
// Mouse coordinates given to a widget are relative to where it was drawn.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vd::widgets {

// What was pressed.
enum class Key : std::uint8_t {
    None,
    Char,  // a printable character: see KeyEvent::ch
    Enter,
    Escape,
    Tab,
    BackTab,  // Shift-Tab
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
    Mouse,   // see KeyEvent::mouse
    Resize,  // the terminal was resized
};

// Modifier bits.
enum Mod : std::uint8_t {
    kModNone = 0,
    kModShift = 1 << 0,
    kModAlt = 1 << 1,
    kModCtrl = 1 << 2,
};

// Which mouse button or wheel direction.
enum class MouseButton : std::uint8_t { None, Left, Middle, Right, WheelUp, WheelDown };

// A mouse event at a cell.
struct MouseEvent {
    int x = 0;
    int y = 0;
    MouseButton button = MouseButton::None;
    bool pressed = true;  // false for a release

    bool operator==(const MouseEvent&) const = default;
};

// One key press or mouse event.
struct KeyEvent {
    Key key = Key::None;
    char32_t ch = 0;          // for Key::Char (for Ctrl-letter: the letter, with kModCtrl)
    std::uint8_t mods = kModNone;
    MouseEvent mouse{};       // for Key::Mouse

    // A printable character (Ctrl or Alt with mods).
    static KeyEvent character(char32_t c, std::uint8_t mods = kModNone);
    // A named key.
    static KeyEvent named(Key k, std::uint8_t mods = kModNone);
    // A left click at (x, y).
    static KeyEvent click(int x, int y, MouseButton b = MouseButton::Left);
    // A wheel step at (x, y); up = towards the top.
    static KeyEvent wheel(int x, int y, bool up);

    // True for Key::Char with this character and no Ctrl/Alt.
    bool is(char32_t c) const;
    // True for this named key without modifiers.
    bool is(Key k) const { return key == k && mods == kModNone; }
    // The character as UTF-8 (empty unless Key::Char).
    std::string text() const;
    // The key in keymap notation: "j", "G", "ctrl+r", "alt+x", "pgdn", "enter",
    // "shift+tab", "f5", "mouse".
    std::string name() const;

    bool operator==(const KeyEvent&) const = default;
};

// Parses keymap notation (see KeyEvent::name; also "space", "esc", "pageup",
// "pagedown", "backspace", "del", "up"...) into an event; nullopt if unknown.
std::optional<KeyEvent> parse_key(std::string_view notation);

// True when the event is the key written in keymap notation.
bool matches(const KeyEvent& event, std::string_view notation);

}  // namespace vd::widgets
