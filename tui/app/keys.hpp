// The console's keymap: the global keys, the navigation keys every list
// screen shares, and the configuration's overrides (command -> key). The
// same tables drive dispatch, the footer and the help overlay.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "widgets/keymap.hpp"

namespace vd::tui {

// Keys that work on every screen: the keyed rows of console_commands(),
// then the digits 1-9 for the screens in tab order.
const std::vector<widgets::KeyBinding>& global_bindings();

// Cursor and sort keys that the console passes on to the active screen.
const std::vector<widgets::KeyBinding>& navigation_bindings();

// The bindings with overrides applied: each overridden command's first
// binding gets the new key, and any other binding of that key is dropped so
// the override wins. Overrides with a problem (override_problem) are ignored:
// `config check` and the console's start report them.
std::vector<widgets::KeyBinding> apply_overrides(std::vector<widgets::KeyBinding> bindings,
                                                 const std::map<std::string, std::string>& overrides);

// Why binding `command` to `key` cannot work, or empty: the key must be in
// keymap notation ("r", "ctrl+r", "f5", "pgdn") and the command one that some
// screen or the console runs.
std::string override_problem(const std::string& command, const std::string& key);

// The footer text of visible bindings, "key label" pairs that fit `width`.
struct FooterItem {
    std::string key;    // keymap notation: "enter", "/"
    std::string label;  // "restore", "filter"
};
std::vector<FooterItem> footer_items(const std::vector<widgets::KeyBinding>& bindings);

}  // namespace vd::tui
