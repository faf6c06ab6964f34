// A canvas filter for terminals whose locale is not UTF-8: every non-ASCII
// character is replaced, cell for cell, by an ASCII look-alike ("→" becomes
// ">", "…" becomes "~") or "?", so layouts computed in UTF-8 keep their
// columns. Widgets already draw ASCII glyphs there; this catches the text.
#pragma once

#include <string>
#include <string_view>

#include "widgets/canvas.hpp"

namespace vd::tui {

// The text with each non-ASCII character replaced by as many ASCII
// characters as it had columns.
std::string to_ascii(std::string_view text);

class AsciiCanvas final : public widgets::Canvas {
public:
    explicit AsciiCanvas(widgets::Canvas& inner) : inner_(&inner) {}

    int width() const override { return inner_->width(); }
    int height() const override { return inner_->height(); }
    int put(int x, int y, std::string_view text, const widgets::Style& style) override {
        return inner_->put(x, y, to_ascii(text), style);
    }
    void fill(widgets::Rect area, std::string_view glyph, const widgets::Style& style) override {
        inner_->fill(area, to_ascii(glyph), style);
    }
    void hide_cursor() override { inner_->hide_cursor(); }
    void show_cursor(int x, int y) override { inner_->show_cursor(x, y); }

private:
    widgets::Canvas* inner_;
};

}  // namespace vd::tui
