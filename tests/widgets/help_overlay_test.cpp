// HelpOverlay: generated from the keymap, scrolls, closes; read-only drops
// mutating keys.
#include "widgets/help_overlay.hpp"

#include <gtest/gtest.h>

#include "widgets/memory_canvas.hpp"

using namespace vd::widgets;

namespace {

const std::vector<KeyBinding> kKeys = {
    {"j", "down", "Next row"},
    {"k", "up", "Previous row"},
    {"/", "filter", "Filter rows"},
    {"enter", "restore", "Restore this point", true, true},
    {"ctrl+r", "refresh", "Refresh now", false},
    {"?", "help", "This help"},
};

}  // namespace

TEST(HelpOverlayTest, ListsEveryBindingWithMutatingMark) {
    HelpOverlay help(kKeys, "Recovery points");
    MemoryCanvas c(40, 12);
    const Theme theme = dark_theme(utf8_glyphs());
    help.render(c, theme);
    EXPECT_EQ(c.to_string(),
              "\n"
              "    ┌─ Recovery points ────────────┐\n"
              "    │ j       Next row             │\n"
              "    │ k       Previous row         │\n"
              "    │ /       Filter rows          │\n"
              "    │ Enter   Restore this point ● │\n"
              "    │ Ctrl-R  Refresh now          │\n"
              "    │ ?       This help            │\n"
              "    │                              │\n"
              "    │ ● changes AWS, asks first    │\n"
              "    └──────────────────────────────┘\n"
              "\n");
    EXPECT_EQ(c.cell(6, 2).style, theme.style(Role::Key));
    EXPECT_EQ(c.cell(14, 2).style, theme.style(Role::Normal));
    EXPECT_EQ(c.cell(33, 5).style, theme.style(Role::Warning));
}

TEST(HelpOverlayTest, ReadOnlyDropsMutatingKeysInAscii) {
    HelpOverlay help(for_mode(kKeys, true));
    MemoryCanvas c(34, 9);
    help.render(c, mono_theme(ascii_glyphs()));
    EXPECT_EQ(c.to_string(),
              "\n"
              "   +- Keys -------------------+\n"
              "   | j       Next row         |\n"
              "   | k       Previous row     |\n"
              "   | /       Filter rows      |\n"
              "   | Ctrl-R  Refresh now      |\n"
              "   | ?       This help        |\n"
              "   +--------------------------+\n"
              "\n");
}

TEST(HelpOverlayTest, ScrollsWhenTallerThanTheScreenAndCloses) {
    std::vector<KeyBinding> many;
    for (int i = 0; i < 20; ++i) many.push_back({std::string(1, static_cast<char>('a' + i)), "cmd", "Command " + std::to_string(i)});
    HelpOverlay help(many);
    MemoryCanvas c(40, 8);  // 4 rows inside the box
    help.render(c, dark_theme(utf8_glyphs()));
    EXPECT_NE(c.row_text(2).find("Command 0"), std::string::npos);
    EXPECT_NE(c.row_text(6).find("1-4/20"), std::string::npos);  // in the bottom edge
    help.handle(KeyEvent::named(Key::PageDown));
    EXPECT_EQ(help.scroll(), 4u);
    help.handle(KeyEvent::character(U'G'));  // not a help key: ignored, still open
    EXPECT_FALSE(help.closed());
    for (int i = 0; i < 10; ++i) help.handle(KeyEvent::named(Key::PageDown));
    EXPECT_EQ(help.scroll(), 16u);
    help.render(c, dark_theme(utf8_glyphs()));
    EXPECT_NE(c.row_text(5).find("Command 19"), std::string::npos);
    help.handle(KeyEvent::character(U'?'));
    EXPECT_TRUE(help.closed());
}
