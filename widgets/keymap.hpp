// Keys are data: one table of bindings drives the app's dispatch, the footer
// and the help overlay. `--read-only` drops the mutating entries.
//
// Usage (tui):
//   const std::vector<KeyBinding> kRecoveryPointKeys = {
//       {"enter", "restore", "Restore this point", true, true},
//       {"/", "filter", "Filter", true, false}, ...};
//   auto keys = for_mode(kRecoveryPointKeys, read_only);
//   if (auto* b = find_binding(keys, ev)) run(b->command);
//   footer: footer_text(keys, width); help: HelpOverlay(keys).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "widgets/input.hpp"

namespace vd::widgets {

// One key and what it does.
struct KeyBinding {
    std::string key;          // keymap notation: "j", "ctrl+r", "pgdn", "enter"
    std::string command;      // the command it runs: "down", "restore", "filter"
    std::string description;  // for help: "Restore this recovery point"
    bool visible = true;      // shown in the footer
    bool mutating = false;    // changes AWS: dropped in --read-only
};

// The bindings usable in a mode: all, or without the mutating ones.
std::vector<KeyBinding> for_mode(const std::vector<KeyBinding>& bindings, bool read_only);

// The first binding whose key matches the event, or nullptr.
const KeyBinding* find_binding(const std::vector<KeyBinding>& bindings, const KeyEvent& event);

// How a key is shown to people: "Enter", "PgDn", "Ctrl-R", "j".
std::string key_label(std::string_view notation);

}  // namespace vd::widgets
