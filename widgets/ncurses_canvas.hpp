// NcursesCanvas: the production Canvas, drawing into one ncurses WINDOW with
// the wide-character API (cchar_t, mvwadd_wch). Only the UI thread may use
// it, like every curses call.
//
// Usage (the app owns initscr/endwin and calls setlocale(LC_ALL, "") first):
//   setup_ncurses_colors();                    // once, after initscr()
//   NcursesCanvas canvas(stdscr);              // or a newwin()/subwin()
//   screen.render(canvas, theme);              // widgets draw
//   canvas.present();                          // wnoutrefresh only
//   doupdate();                                // once per frame, by the app
// ncurses' doupdate() diffs the new frame against the terminal's contents, so
// only changed cells are sent (see canvas.hpp on redraw discipline).
#pragma once

#include "widgets/canvas.hpp"

typedef struct _win_st WINDOW;

namespace vd::widgets {

// Starts colour (with the terminal's default colours as -1) when the terminal
// has colours; returns the number of colours (0 without colour).
int setup_ncurses_colors();

// A Canvas over an ncurses WINDOW it does not own.
class NcursesCanvas final : public Canvas {
public:
    explicit NcursesCanvas(WINDOW* window);

    int width() const override;
    int height() const override;
    int put(int x, int y, std::string_view text, const Style& style) override;
    void fill(Rect area, std::string_view glyph, const Style& style) override;
    void hide_cursor() override;
    void show_cursor(int x, int y) override;

    // Copies the window to ncurses' virtual screen (wnoutrefresh); the app
    // calls doupdate() once per frame after every window is presented.
    void present();

    // The window drawn into.
    WINDOW* window() const { return window_; }

private:
    WINDOW* window_;
};

}  // namespace vd::widgets
