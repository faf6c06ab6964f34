// The terminal the console runs in: curses set up on a pseudo-terminal whose
// output the console relays to the real terminal, so every byte sent to the
// operator's terminal is counted (STYLE.md 5: over SSH every byte counts).
// Signals arrive on a self-pipe the loop polls; the terminal is restored on
// close, on SIGTERM/SIGHUP/SIGINT (the loop quits and closes), and on a crash
// (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL: an async-signal-safe reset
// written straight to the terminal, then the signal is raised again).
//
// Threading: every curses call happens on the thread that opened the
// Terminal (the UI thread). A relay thread copies bytes from the
// pseudo-terminal to the real one and never touches curses.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "backend/core/result.hpp"

namespace vd::tui {

// How to set the terminal up.
struct TerminalOptions {
    bool mouse = true;   // capture clicks and the wheel
    bool colors = true;  // start_color/use_default_colors (off: monochrome)
};

class Terminal {
public:
    // Initialises curses on the controlling terminal (stdin and stdout must
    // be terminals); the error says why not.
    static Result<std::unique_ptr<Terminal>> open(const TerminalOptions& options);
    virtual ~Terminal() = default;

    // Leaves curses and restores the terminal exactly as it was; idempotent.
    virtual void close() = 0;
    // Readable when a signal has arrived (see take_signals).
    virtual int signal_fd() const = 0;
    // The signals that arrived since the last call, in order.
    virtual std::vector<int> take_signals() = 0;
    // Follows the real terminal's size (after SIGWINCH): resizes curses.
    virtual void follow_size() = 0;
    // Waits until everything curses wrote has reached the terminal.
    virtual void sync() = 0;
    // Bytes written to the terminal so far.
    virtual std::uint64_t bytes_written() const = 0;
    // Sends bytes to the terminal outside curses (OSC 52); call after a frame.
    virtual void write_raw(std::string_view bytes) = 0;
    // Suspends the process (Ctrl-Z) with the terminal restored, and comes back.
    virtual void suspend() = 0;
    // The number of colours curses found (0 without colour).
    virtual int colors() const = 0;
};

}  // namespace vd::tui
