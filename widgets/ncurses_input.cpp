// wget_wch and KEY_MOUSE to KeyEvent. UI thread only.
#include "widgets/ncurses_input.hpp"

#include <curses.h>

namespace vd::widgets {
namespace {

// The event for a curses function-key code.
KeyEvent decode_key_code(wint_t code) {
    switch (code) {
    case KEY_UP: return KeyEvent::named(Key::Up);
    case KEY_DOWN: return KeyEvent::named(Key::Down);
    case KEY_LEFT: return KeyEvent::named(Key::Left);
    case KEY_RIGHT: return KeyEvent::named(Key::Right);
    case KEY_SR: return KeyEvent::named(Key::Up, kModShift);
    case KEY_SF: return KeyEvent::named(Key::Down, kModShift);
    case KEY_SLEFT: return KeyEvent::named(Key::Left, kModShift);
    case KEY_SRIGHT: return KeyEvent::named(Key::Right, kModShift);
    case KEY_HOME: return KeyEvent::named(Key::Home);
    case KEY_END: return KeyEvent::named(Key::End);
    case KEY_NPAGE: return KeyEvent::named(Key::PageDown);
    case KEY_PPAGE: return KeyEvent::named(Key::PageUp);
    case KEY_IC: return KeyEvent::named(Key::Insert);
    case KEY_DC: return KeyEvent::named(Key::Delete);
    case KEY_BACKSPACE: return KeyEvent::named(Key::Backspace);
    case KEY_ENTER: return KeyEvent::named(Key::Enter);
    case KEY_BTAB: return KeyEvent::named(Key::BackTab);
    case KEY_RESIZE: return KeyEvent::named(Key::Resize);
    case KEY_MOUSE: return KeyEvent::named(Key::Mouse);
    default: break;
    }
    if (code >= static_cast<wint_t>(KEY_F(1)) && code <= static_cast<wint_t>(KEY_F(12))) {
        const int n = static_cast<int>(code) - KEY_F(1);
        return KeyEvent::named(static_cast<Key>(static_cast<int>(Key::F1) + n));
    }
    return {};
}

// The mouse event curses queued, with its button.
KeyEvent read_mouse() {
    MEVENT me;
    if (getmouse(&me) != OK) {
        return {};
    }
    KeyEvent ev = KeyEvent::click(me.x, me.y, MouseButton::None);
    const mmask_t b = me.bstate;
    if (b & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)) {
        ev.mouse.button = MouseButton::Left;
    } else if (b & BUTTON1_RELEASED) {
        ev.mouse.button = MouseButton::Left;
        ev.mouse.pressed = false;
    } else if (b & (BUTTON2_PRESSED | BUTTON2_CLICKED)) {
        ev.mouse.button = MouseButton::Middle;
    } else if (b & (BUTTON3_PRESSED | BUTTON3_CLICKED)) {
        ev.mouse.button = MouseButton::Right;
    } else if (b & BUTTON4_PRESSED) {
        ev.mouse.button = MouseButton::WheelUp;
#ifdef BUTTON5_PRESSED
    } else if (b & BUTTON5_PRESSED) {
        ev.mouse.button = MouseButton::WheelDown;
#endif
    }
    if (b & BUTTON_SHIFT) ev.mods |= kModShift;
    if (b & BUTTON_CTRL) ev.mods |= kModCtrl;
    if (b & BUTTON_ALT) ev.mods |= kModAlt;
    return ev;
}

}  // namespace

void enable_mouse(bool on) {
    if (on) {
        mousemask(ALL_MOUSE_EVENTS, nullptr);
        mouseinterval(0);
    } else {
        mousemask(0, nullptr);
    }
}

KeyEvent decode_wch(int status, wint_t ch) {
    if (status == KEY_CODE_YES) {
        return decode_key_code(ch);
    }
    if (status != OK) {
        return {};
    }
    switch (ch) {
    case L'\n':
    case L'\r': return KeyEvent::named(Key::Enter);
    case L'\t': return KeyEvent::named(Key::Tab);
    case 27: return KeyEvent::named(Key::Escape);
    case 127:
    case 8: return KeyEvent::named(Key::Backspace);
    case 0: return KeyEvent::character(U' ', kModCtrl);
    default: break;
    }
    if (ch >= 1 && ch <= 26) {
        return KeyEvent::character(static_cast<char32_t>(U'a' + ch - 1), kModCtrl);
    }
    if (ch < 0x20) {
        return {};
    }
    return KeyEvent::character(static_cast<char32_t>(ch));
}

KeyEvent read_event(WINDOW* window) {
    wint_t ch = 0;
    const int status = wget_wch(window, &ch);
    KeyEvent ev = decode_wch(status, ch);
    if (ev.key == Key::Mouse) {
        return read_mouse();
    }
    if (ev.key == Key::Escape) {
        // An Escape followed at once by another key is Alt+key.
        const int delay = wgetdelay(window);
        wtimeout(window, 0);
        wint_t next = 0;
        const int s2 = wget_wch(window, &next);
        wtimeout(window, delay);
        if (s2 != ERR) {
            KeyEvent alt = decode_wch(s2, next);
            if (alt.key != Key::None && alt.key != Key::Escape && alt.key != Key::Mouse) {
                alt.mods |= kModAlt;
                return alt;
            }
            if (s2 == KEY_CODE_YES) {
                ungetch(static_cast<int>(next));
            } else {
                unget_wch(static_cast<wchar_t>(next));
            }
        }
    }
    return ev;
}

}  // namespace vd::widgets
