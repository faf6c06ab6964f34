// The in-memory grid: drawing, plain-text and ANSI output, row diffs.
#include "widgets/memory_canvas.hpp"

#include <algorithm>
#include <stdexcept>

namespace vd::widgets {

MemoryCanvas::MemoryCanvas(int width, int height) {
    resize(width, height);
}

void MemoryCanvas::resize(int width, int height) {
    width_ = std::max(0, width);
    height_ = std::max(0, height);
    cells_.assign(static_cast<std::size_t>(width_ * height_), Cell{});
}

void MemoryCanvas::clear() {
    std::fill(cells_.begin(), cells_.end(), Cell{});
}

const MemoryCanvas::Cell& MemoryCanvas::cell(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) {
        throw std::out_of_range("MemoryCanvas::cell outside the canvas");
    }
    return cells_[static_cast<std::size_t>(y * width_ + x)];
}

void MemoryCanvas::set_cell(int x, int y, std::string_view glyph, int w, const Style& style) {
    // Writing over half of a wide character blanks its other half.
    Cell& c = at(x, y);
    if (c.width == 0 && x > 0) {
        at(x - 1, y) = Cell{" ", at(x - 1, y).style, 1};
    }
    if (c.width == 2 && x + 1 < width_ && w != 2) {
        at(x + 1, y) = Cell{" ", at(x + 1, y).style, 1};
    }
    c = Cell{std::string(glyph), style, w};
    if (w == 2 && x + 1 < width_) {
        Cell& right = at(x + 1, y);
        if (right.width == 2 && x + 2 < width_) {
            at(x + 2, y) = Cell{" ", at(x + 2, y).style, 1};
        }
        right = Cell{"", style, 0};
    }
}

int MemoryCanvas::put(int x, int y, std::string_view text, const Style& style) {
    const ClippedRun run = clip_run(text, x, 0, width_);
    if (y < 0 || y >= height_) {
        return run.end;
    }
    int col = run.x;
    int last = -1;
    for (std::size_t i = 0; i < run.text.size();) {
        const auto ch = decode_utf8(run.text, i);
        const std::string_view bytes = std::string_view(run.text).substr(i, ch.bytes);
        i += ch.bytes;
        const int w = char_width(ch.code);
        if (w == 0) {
            if (last >= 0) {
                at(last, y).glyph.append(bytes);
            }
            continue;
        }
        set_cell(col, y, bytes, w, style);
        last = col;
        col += w;
    }
    return run.end;
}

void MemoryCanvas::fill(Rect area, std::string_view glyph, const Style& style) {
    const Rect r = intersect(area, {0, 0, width_, height_});
    for (int y = r.y; y < r.y + r.height; ++y) {
        for (int x = r.x; x < r.x + r.width; ++x) {
            set_cell(x, y, glyph, 1, style);
        }
    }
}

void MemoryCanvas::show_cursor(int x, int y) {
    cursor_visible_ = true;
    cursor_x_ = x;
    cursor_y_ = y;
}

std::string MemoryCanvas::row_text(int y) const {
    std::string line;
    for (int x = 0; x < width_; ++x) {
        line += cell(x, y).glyph;
    }
    const auto end = line.find_last_not_of(' ');
    line.erase(end == std::string::npos ? 0 : end + 1);
    return line;
}

std::string MemoryCanvas::to_string() const {
    std::string out;
    for (int y = 0; y < height_; ++y) {
        out += row_text(y);
        out += '\n';
    }
    return out;
}

std::string sgr(const Style& s) {
    std::string out = "\x1b[0";
    if (s.attrs & kAttrBold) out += ";1";
    if (s.attrs & kAttrDim) out += ";2";
    if (s.attrs & kAttrItalic) out += ";3";
    if (s.attrs & kAttrUnderline) out += ";4";
    if (s.attrs & kAttrReverse) out += ";7";
    const auto colour = [&out](Color c, int base, int bright_base, const char* ext) {
        if (c < 0) {
            return;
        }
        if (c < 8) {
            out += ";" + std::to_string(base + c);
        } else if (c < 16) {
            out += ";" + std::to_string(bright_base + c - 8);
        } else {
            out += std::string(";") + ext + ";5;" + std::to_string(c);
        }
    };
    colour(s.fg, 30, 90, "38");
    colour(s.bg, 40, 100, "48");
    out += 'm';
    return out;
}

std::string MemoryCanvas::to_ansi() const {
    std::string out;
    const Style plain{};
    for (int y = 0; y < height_; ++y) {
        int end = width_;
        while (end > 0 && cell(end - 1, y).glyph == " " && cell(end - 1, y).style == plain) {
            --end;
        }
        Style current = plain;
        for (int x = 0; x < end; ++x) {
            const Cell& c = cell(x, y);
            if (c.width == 0) {
                continue;
            }
            if (!(c.style == current)) {
                out += sgr(c.style);
                current = c.style;
            }
            out += c.glyph;
        }
        if (!(current == plain)) {
            out += "\x1b[0m";
        }
        out += '\n';
    }
    return out;
}

std::vector<int> changed_rows(const MemoryCanvas& before, const MemoryCanvas& after) {
    std::vector<int> rows;
    const int h = std::min(before.height(), after.height());
    const int w = std::min(before.width(), after.width());
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (!(before.cell(x, y) == after.cell(x, y))) {
                rows.push_back(y);
                break;
            }
        }
    }
    for (int y = h; y < std::max(before.height(), after.height()); ++y) {
        rows.push_back(y);
    }
    return rows;
}

}  // namespace vd::widgets
