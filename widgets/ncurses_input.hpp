// Decoding curses input into KeyEvents: the only place besides
// NcursesCanvas that calls curses. UI thread only.
//
// Usage (after initscr(), keypad(win, TRUE), set_escdelay(25) so Escape
// answers at once, and the app's own wtimeout):
//   enable_mouse(!opts.no_mouse);
//   KeyEvent ev = read_event(stdscr);   // Key::None when wget_wch timed out
// Mouse coordinates are screen coordinates; the app subtracts a widget's
// origin before passing the event on.
#pragma once

#include <cwchar>

#include "widgets/input.hpp"

typedef struct _win_st WINDOW;

namespace vd::widgets {

// Turns mouse reporting (clicks and the wheel) on or off.
void enable_mouse(bool on);

// Reads one event from the window; an Escape followed at once by a key is
// that key with Alt. Returns Key::None when no input came before the
// window's timeout.
KeyEvent read_event(WINDOW* window);

// Translates one wget_wch() result (OK with a character, KEY_CODE_YES with
// a curses key code) into an event; KEY_MOUSE becomes Key::Mouse without
// coordinates (read_event fills them in).
KeyEvent decode_wch(int status, wint_t ch);

}  // namespace vd::widgets
