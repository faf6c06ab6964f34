// The full-screen console's loop: curses, one poll() over stdin, the
// poller's wake-up eventfd and the signal self-pipe; keys go to the Console,
// whose flags decide what is redrawn; one doupdate() per frame.
//
// Threading: run_app runs on the UI thread, the only thread that touches
// curses. The poller calls Wakeup::notify from its own thread after it
// publishes a snapshot; the loop then reads poller.snapshot() itself.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "backend/poll/snapshot.hpp"
#include "tui/app/console.hpp"
#include "tui/app/wakeup.hpp"

namespace vd::tui {

// What the loop needs besides the console.
struct AppOptions {
    ConsoleOptions console;
    std::string theme;          // dark, dark16, light, mono (empty: dark)
    bool no_color = false;      // --no-color (NO_COLOR is honoured too)
    bool mouse = true;          // off with --no-mouse or the configuration
    bool stats = false;         // show bytes per frame in the footer
    std::string frame_log;      // append one line per frame (bytes written) here
    std::function<poll::SnapshotPtr()> snapshot;  // the newest snapshot (never null)
    std::function<void()> refresh;                // fetch everything now
    std::shared_ptr<Wakeup> wakeup;               // the poller's wake callback writes here
};

// Runs the console until the operator quits; returns the exit code (0, or
// 128 + the signal that ended it). Errors opening the terminal are printed
// as one line on stderr.
int run_app(AppOptions options);

}  // namespace vd::tui
