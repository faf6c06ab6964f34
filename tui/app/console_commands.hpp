// The console's own commands, registered once, as tmux registers each of its
// commands in a cmd_entry: the global keys, the `:` verbs and what Tab
// completes after them, the help overlay and the footer all come from this
// table. Screens add their own keys (Screen::bindings) and `:` names
// (Screen::id, Screen::aliases); the digits 1-9 select the screens in the
// order of make_screens().
//
// Adding a global command: a row in console_commands.cpp and its handler
// there; a typo in a command name fails the ConsoleCommands tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tui/app/console.hpp"
#include "tui/screens/screen.hpp"
#include "widgets/keymap.hpp"

namespace vd::tui {

// What a command takes after its name on the `:` line; Tab completes it.
enum class Argument { None, Region, Profile, Runbook, Resource, Wizard };

// One global command.
struct ConsoleCommand {
    std::string_view name;                  // the keymap command and the `:` verb: "refresh"
    std::vector<std::string_view> aliases;  // other `:` spellings: "q"
    std::string_view key;                   // the default key; empty: the `:` line only
    std::string_view description;           // the help overlay's line
    bool footer = false;                    // the key is shown in the footer
    bool typed = true;                      // can be typed after `:`
    Argument argument = Argument::None;
    bool mutating = false;                  // changes AWS: dropped in --read-only
    Flags (*run)(Console::Impl& console, const std::string& argument) = nullptr;
};

// Every global command, in help order.
const std::vector<ConsoleCommand>& console_commands();

// The command `word` names on the `:` line (its name or an alias), or null.
const ConsoleCommand* typed_command(std::string_view word);

// The keyed command a keymap command name runs, or null. Rows without a key
// are for the `:` line only: a screen's "restore" key is the screen's.
const ConsoleCommand* keyed_command(std::string_view name);

// The screen a "screen-N" keymap command selects (0-based), if it is one.
std::optional<std::size_t> screen_number(std::string_view name);

}  // namespace vd::tui
