// NcursesCanvas and the input decoder against a real curses screen that
// writes to /dev/null (no terminal needed).
#include <curses.h>

#include <clocale>
#include <cstdio>
#include <cwchar>

#include <gtest/gtest.h>

#include "widgets/ncurses_canvas.hpp"
#include "widgets/ncurses_input.hpp"

using namespace vd::widgets;

namespace {

// A curses screen on /dev/null for the duration of a test.
class CursesScreen : public ::testing::Test {
protected:
    void SetUp() override {
        std::setlocale(LC_ALL, "C.UTF-8");
        out_ = std::fopen("/dev/null", "w");
        in_ = std::fopen("/dev/null", "r");
        screen_ = newterm("xterm-256color", out_, in_);
        ASSERT_NE(screen_, nullptr);
        resize_term(6, 20);
        window_ = newwin(6, 20, 0, 0);
    }
    void TearDown() override {
        delwin(window_);
        endwin();
        delscreen(screen_);
        std::fclose(out_);
        std::fclose(in_);
        std::setlocale(LC_ALL, "C");
    }

    // The text of one window row, read back cell by cell.
    std::string row(int y) {
        std::string out;
        for (int x = 0; x < getmaxx(window_); ++x) {
            cchar_t cc;
            mvwin_wch(window_, y, x, &cc);
            wchar_t wch[CCHARW_MAX + 1] = {};
            attr_t attrs = 0;
            short pair = 0;
            getcchar(&cc, wch, &attrs, &pair, nullptr);
            if (wcwidth(wch[0]) == 2) {
                ++x;  // the next cell is the right half of this character
            }
            char buf[16];
            for (int i = 0; wch[i] != 0; ++i) {
                const int n = std::snprintf(buf, sizeof buf, "%lc", static_cast<wint_t>(wch[i]));
                if (n > 0) out.append(buf, static_cast<std::size_t>(n));
            }
        }
        const auto end = out.find_last_not_of(' ');
        out.erase(end == std::string::npos ? 0 : end + 1);
        return out;
    }

    std::FILE* out_ = nullptr;
    std::FILE* in_ = nullptr;
    SCREEN* screen_ = nullptr;
    WINDOW* window_ = nullptr;
};

}  // namespace

TEST_F(CursesScreen, DrawsTextWideCharactersAndClips) {
    NcursesCanvas canvas(window_);
    EXPECT_EQ(canvas.width(), 20);
    EXPECT_EQ(canvas.height(), 6);
    canvas.put(0, 0, "┌─ 日本 ─┐", {});
    canvas.put(15, 1, "overflowing", {});
    canvas.put(-2, 2, "abcdef", {});
    canvas.fill({2, 3, 3, 1}, "#", {});
    auto region = canvas.region({10, 4, 4, 1});
    region.put(0, 0, "regionclip", {});
    canvas.present();
    EXPECT_EQ(row(0), "┌─ 日本 ─┐");
    EXPECT_EQ(row(1), "               overf");
    EXPECT_EQ(row(2), "cdef");
    EXPECT_EQ(row(3), "  ###");
    EXPECT_EQ(row(4), "          regi");
}

TEST_F(CursesScreen, AppliesAttributesAndColourPairs) {
    const int colors = setup_ncurses_colors();
    NcursesCanvas canvas(window_);
    canvas.put(0, 0, "B", Style{kDefaultColor, kDefaultColor, kAttrBold | kAttrReverse});
    canvas.put(1, 0, "C", Style{1, kDefaultColor, kAttrNone});
    cchar_t cc;
    wchar_t wch[CCHARW_MAX + 1] = {};
    attr_t attrs = 0;
    short pair = 0;
    mvwin_wch(window_, 0, 0, &cc);
    getcchar(&cc, wch, &attrs, &pair, nullptr);
    EXPECT_TRUE(attrs & A_BOLD);
    EXPECT_TRUE(attrs & A_REVERSE);
    mvwin_wch(window_, 0, 1, &cc);
    getcchar(&cc, wch, &attrs, &pair, nullptr);
    if (colors > 0) {
        short fg = 0, bg = 0;
        ASSERT_GT(pair, 0);
        pair_content(pair, &fg, &bg);
        EXPECT_EQ(fg, 1);
        EXPECT_EQ(bg, -1);
    }
}

TEST(NcursesInputTest, DecodesKeysAndCharacters) {
    EXPECT_EQ(decode_wch(KEY_CODE_YES, KEY_NPAGE), KeyEvent::named(Key::PageDown));
    EXPECT_EQ(decode_wch(KEY_CODE_YES, KEY_BTAB), KeyEvent::named(Key::BackTab));
    EXPECT_EQ(decode_wch(KEY_CODE_YES, KEY_F(5)), KeyEvent::named(Key::F5));
    EXPECT_EQ(decode_wch(KEY_CODE_YES, KEY_RESIZE), KeyEvent::named(Key::Resize));
    EXPECT_EQ(decode_wch(KEY_CODE_YES, KEY_BACKSPACE), KeyEvent::named(Key::Backspace));
    EXPECT_EQ(decode_wch(OK, L'\n'), KeyEvent::named(Key::Enter));
    EXPECT_EQ(decode_wch(OK, 127), KeyEvent::named(Key::Backspace));
    EXPECT_EQ(decode_wch(OK, 27), KeyEvent::named(Key::Escape));
    EXPECT_EQ(decode_wch(OK, 18), KeyEvent::character(U'r', kModCtrl));
    EXPECT_EQ(decode_wch(OK, L'G'), KeyEvent::character(U'G'));
    EXPECT_EQ(decode_wch(OK, 0x65E5), KeyEvent::character(U'日'));
    EXPECT_EQ(decode_wch(ERR, 0).key, Key::None);
}
