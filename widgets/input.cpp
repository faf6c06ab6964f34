// Key events: construction, names in keymap notation, and parsing them back.
#include "widgets/input.hpp"

#include <array>
#include <utility>

#include "widgets/text.hpp"

namespace vd::widgets {
namespace {

// The keymap notation of each named key; the first name of a key is canonical.
constexpr std::array<std::pair<std::string_view, Key>, 33> kKeyNames = {{
    {"enter", Key::Enter},       {"return", Key::Enter},     {"esc", Key::Escape},
    {"escape", Key::Escape},     {"tab", Key::Tab},          {"backtab", Key::BackTab},
    {"backspace", Key::Backspace}, {"del", Key::Delete},     {"delete", Key::Delete},
    {"ins", Key::Insert},        {"up", Key::Up},            {"down", Key::Down},
    {"left", Key::Left},         {"right", Key::Right},      {"home", Key::Home},
    {"end", Key::End},           {"pgup", Key::PageUp},      {"pageup", Key::PageUp},
    {"pgdn", Key::PageDown},     {"pagedown", Key::PageDown}, {"f1", Key::F1},
    {"f2", Key::F2},             {"f3", Key::F3},            {"f4", Key::F4},
    {"f5", Key::F5},             {"f6", Key::F6},            {"f7", Key::F7},
    {"f8", Key::F8},             {"f9", Key::F9},            {"f10", Key::F10},
    {"f11", Key::F11},           {"f12", Key::F12},          {"mouse", Key::Mouse},
}};

// The canonical notation of a named key.
std::string_view key_notation(Key k) {
    if (k == Key::BackTab) {
        return "shift+tab";
    }
    if (k == Key::Resize) {
        return "resize";
    }
    for (const auto& [name, key] : kKeyNames) {
        if (key == k) {
            return name;
        }
    }
    return "none";
}

// The modifier prefix ("ctrl+alt+") of a set of modifier bits.
std::string mod_prefix(std::uint8_t mods) {
    std::string out;
    if (mods & kModCtrl) out += "ctrl+";
    if (mods & kModAlt) out += "alt+";
    if (mods & kModShift) out += "shift+";
    return out;
}

}  // namespace

KeyEvent KeyEvent::character(char32_t c, std::uint8_t mods) {
    KeyEvent e;
    e.key = Key::Char;
    e.ch = c;
    e.mods = mods;
    return e;
}

KeyEvent KeyEvent::named(Key k, std::uint8_t mods) {
    KeyEvent e;
    e.key = k;
    e.mods = mods;
    return e;
}

KeyEvent KeyEvent::click(int x, int y, MouseButton b) {
    KeyEvent e;
    e.key = Key::Mouse;
    e.mouse = {x, y, b, true};
    return e;
}

KeyEvent KeyEvent::wheel(int x, int y, bool up) {
    return click(x, y, up ? MouseButton::WheelUp : MouseButton::WheelDown);
}

bool KeyEvent::is(char32_t c) const {
    return key == Key::Char && ch == c && (mods & (kModCtrl | kModAlt)) == 0;
}

std::string KeyEvent::text() const {
    std::string out;
    if (key == Key::Char) {
        append_utf8(out, ch);
    }
    return out;
}

std::string KeyEvent::name() const {
    if (key == Key::Char) {
        const std::uint8_t m = static_cast<std::uint8_t>(mods & (kModCtrl | kModAlt));
        return mod_prefix(m) + (ch == U' ' ? std::string("space") : text());
    }
    return mod_prefix(mods) + std::string(key_notation(key));
}

std::optional<KeyEvent> parse_key(std::string_view notation) {
    if (notation.empty()) {
        return std::nullopt;
    }
    std::uint8_t mods = kModNone;
    std::string_view rest = notation;
    // Peel "ctrl+", "alt+", "shift+" prefixes; a lone "+" is the plus key.
    while (rest.size() > 1) {
        const auto plus = rest.find('+');
        if (plus == std::string_view::npos || plus == 0) {
            break;
        }
        const std::string mod = ascii_lower(rest.substr(0, plus));
        if (mod == "ctrl" || mod == "c") {
            mods |= kModCtrl;
        } else if (mod == "alt" || mod == "meta" || mod == "m") {
            mods |= kModAlt;
        } else if (mod == "shift" || mod == "s") {
            mods |= kModShift;
        } else {
            return std::nullopt;
        }
        rest.remove_prefix(plus + 1);
    }
    if (rest.empty()) {
        return std::nullopt;
    }
    const auto first = decode_utf8(rest, 0);
    if (first.bytes == rest.size()) {
        char32_t c = first.code;
        if ((mods & kModCtrl) && c >= 'A' && c <= 'Z') {
            c = c - U'A' + U'a';
        }
        return KeyEvent::character(c, static_cast<std::uint8_t>(mods & ~kModShift));
    }
    const std::string name = ascii_lower(rest);
    if (name == "space") {
        return KeyEvent::character(U' ', static_cast<std::uint8_t>(mods & ~kModShift));
    }
    if (name == "tab" && (mods & kModShift)) {
        return KeyEvent::named(Key::BackTab, static_cast<std::uint8_t>(mods & ~kModShift));
    }
    if (name == "resize") {
        return KeyEvent::named(Key::Resize);
    }
    for (const auto& [n, key] : kKeyNames) {
        if (n == name) {
            return KeyEvent::named(key, mods);
        }
    }
    return std::nullopt;
}

bool matches(const KeyEvent& event, std::string_view notation) {
    const auto parsed = parse_key(notation);
    if (!parsed) {
        return false;
    }
    if (event.key != parsed->key) {
        return false;
    }
    if (event.key == Key::Char) {
        const auto relevant = static_cast<std::uint8_t>(kModCtrl | kModAlt);
        return event.ch == parsed->ch && (event.mods & relevant) == (parsed->mods & relevant);
    }
    return event.mods == parsed->mods;
}

}  // namespace vd::widgets
