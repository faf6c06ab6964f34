// Keymap lookups and the human labels of keys.
#include "widgets/keymap.hpp"

#include "widgets/text.hpp"

namespace vd::widgets {

std::vector<KeyBinding> for_mode(const std::vector<KeyBinding>& bindings, bool read_only) {
    std::vector<KeyBinding> out;
    out.reserve(bindings.size());
    for (const auto& b : bindings) {
        if (!(read_only && b.mutating)) {
            out.push_back(b);
        }
    }
    return out;
}

const KeyBinding* find_binding(const std::vector<KeyBinding>& bindings, const KeyEvent& event) {
    for (const auto& b : bindings) {
        if (matches(event, b.key)) {
            return &b;
        }
    }
    return nullptr;
}

std::string key_label(std::string_view notation) {
    const auto ev = parse_key(notation);
    if (!ev) {
        return std::string(notation);
    }
    std::string prefix;
    if (ev->mods & kModCtrl) prefix += "Ctrl-";
    if (ev->mods & kModAlt) prefix += "Alt-";
    if (ev->mods & kModShift) prefix += "Shift-";
    if (ev->key == Key::Char) {
        if (ev->ch == U' ') {
            return prefix + "Space";
        }
        std::string t = ev->text();
        if ((ev->mods & kModCtrl) && t.size() == 1 && t[0] >= 'a' && t[0] <= 'z') {
            t[0] = static_cast<char>(t[0] - 'a' + 'A');
        }
        return prefix + t;
    }
    switch (ev->key) {
    case Key::Enter: return prefix + "Enter";
    case Key::Escape: return prefix + "Esc";
    case Key::Tab: return prefix + "Tab";
    case Key::BackTab: return prefix + "S-Tab";
    case Key::Backspace: return prefix + "Bksp";
    case Key::Delete: return prefix + "Del";
    case Key::Insert: return prefix + "Ins";
    case Key::Up: return prefix + "Up";
    case Key::Down: return prefix + "Down";
    case Key::Left: return prefix + "Left";
    case Key::Right: return prefix + "Right";
    case Key::Home: return prefix + "Home";
    case Key::End: return prefix + "End";
    case Key::PageUp: return prefix + "PgUp";
    case Key::PageDown: return prefix + "PgDn";
    default: break;
    }
    std::string upper = ascii_lower(notation);
    if (!upper.empty() && upper[0] == 'f') {
        upper[0] = 'F';
    }
    return upper;
}

}  // namespace vd::widgets
