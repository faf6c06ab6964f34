// Copying text to the operator's clipboard with OSC 52, which works over SSH
// because the terminal emulator on the operator's machine does the copying.
#pragma once

#include <string>
#include <string_view>

namespace vd::tui {

// Where the escape sequence has to get through.
struct ClipboardTarget {
    bool tmux = false;    // inside tmux ($TMUX set)
    bool screen = false;  // inside GNU screen (TERM=screen* without tmux)
};

// The target for the current environment.
ClipboardTarget clipboard_target_from_env();

// The bytes that put `text` on the clipboard. Inside tmux this is the plain
// OSC 52 (taken by tmux when set-clipboard is on, which stores a paste buffer
// and passes it on to the outer terminal) followed by the same sequence
// wrapped in tmux's DCS passthrough (reaching the outer terminal directly when
// allow-passthrough is on), so it works with either setting.
std::string osc52_sequence(std::string_view text, const ClipboardTarget& target);

// Standard base64 with padding.
std::string base64(std::string_view data);

}  // namespace vd::tui
