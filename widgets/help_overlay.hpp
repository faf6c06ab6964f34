// HelpOverlay: the `?` screen, generated from the same keymap table as the
// footer, so help can never disagree with the keys.
//
// Usage:
//   HelpOverlay help(for_mode(screen_keys, read_only), "Recovery points");
//   help.handle(ev);              // j/k/PgUp/PgDn scroll; Esc, q, ? close
//   if (help.closed()) ...;
//   help.render(canvas, theme);   // a centred box over the screen
// Each line: key, description, and a mark on mutating entries (they change
// AWS and ask for confirmation).
#pragma once

#include <string>
#include <vector>

#include "widgets/canvas.hpp"
#include "widgets/input.hpp"
#include "widgets/keymap.hpp"
#include "widgets/theme.hpp"

namespace vd::widgets {

// A scrollable box listing key bindings.
class HelpOverlay {
public:
    explicit HelpOverlay(std::vector<KeyBinding> bindings, std::string title = "Keys");

    // Scrolls or closes; always true while open (the overlay is modal).
    bool handle(const KeyEvent& event);
    // True after Esc, q or ?.
    bool closed() const { return closed_; }
    // The first line shown.
    std::size_t scroll() const { return scroll_; }

    // Draws the box centred in the canvas.
    void render(Canvas& canvas, const Theme& theme);

private:
    std::vector<KeyBinding> bindings_;
    std::string title_;
    std::size_t scroll_ = 0;
    int rows_ = 10;  // lines shown at the last render
    bool closed_ = false;
};

}  // namespace vd::widgets
