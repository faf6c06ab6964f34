// Key events, keymap notation, keymap lookups and the text input line.
#include <gtest/gtest.h>

#include "widgets/input.hpp"
#include "widgets/keymap.hpp"
#include "widgets/memory_canvas.hpp"
#include "widgets/text_input.hpp"

using namespace vd::widgets;

TEST(KeyNotationTest, ParseAndNameRoundTrip) {
    for (const char* n : {"j", "G", "ctrl+r", "alt+x", "pgdn", "enter", "shift+tab", "f5",
                          "space", "esc", "/", "?", ":", "+", "up", "home", "é"}) {
        const auto ev = parse_key(n);
        ASSERT_TRUE(ev.has_value()) << n;
        EXPECT_EQ(ev->name(), n);
    }
    EXPECT_EQ(parse_key("PageDown")->name(), "pgdn");
    EXPECT_EQ(parse_key("Ctrl+R")->name(), "ctrl+r");
    EXPECT_FALSE(parse_key("hyper+x").has_value());
    EXPECT_FALSE(parse_key("nosuchkey").has_value());
    EXPECT_FALSE(parse_key("").has_value());
}

TEST(KeyNotationTest, MatchesIsExactAboutModifiers) {
    EXPECT_TRUE(matches(KeyEvent::character(U'r', kModCtrl), "ctrl+r"));
    EXPECT_FALSE(matches(KeyEvent::character(U'r'), "ctrl+r"));
    EXPECT_FALSE(matches(KeyEvent::character(U'r', kModCtrl), "r"));
    EXPECT_TRUE(matches(KeyEvent::character(U'G'), "G"));
    EXPECT_FALSE(matches(KeyEvent::character(U'g'), "G"));
    EXPECT_TRUE(matches(KeyEvent::named(Key::BackTab), "shift+tab"));
    EXPECT_TRUE(matches(KeyEvent::named(Key::PageDown), "pgdn"));
    EXPECT_FALSE(matches(KeyEvent::named(Key::PageDown, kModShift), "pgdn"));
    EXPECT_TRUE(KeyEvent::character(U'q').is(U'q'));
    EXPECT_FALSE(KeyEvent::character(U'q', kModAlt).is(U'q'));
}

TEST(KeymapTest, ReadOnlyDropsMutatingBindingsAndLookupFindsFirst) {
    const std::vector<KeyBinding> keys = {
        {"enter", "restore", "Restore", true, true},
        {"enter", "details", "Details"},
        {"ctrl+r", "refresh", "Refresh"},
    };
    const KeyBinding* b = find_binding(keys, KeyEvent::named(Key::Enter));
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->command, "restore");
    const auto ro = for_mode(keys, true);
    ASSERT_EQ(ro.size(), 2u);
    EXPECT_EQ(find_binding(ro, KeyEvent::named(Key::Enter))->command, "details");
    EXPECT_EQ(find_binding(ro, KeyEvent::character(U'r', kModCtrl))->command, "refresh");
    EXPECT_EQ(find_binding(ro, KeyEvent::character(U'x')), nullptr);
}

TEST(KeymapTest, Labels) {
    EXPECT_EQ(key_label("enter"), "Enter");
    EXPECT_EQ(key_label("pgdn"), "PgDn");
    EXPECT_EQ(key_label("ctrl+r"), "Ctrl-R");
    EXPECT_EQ(key_label("shift+tab"), "S-Tab");
    EXPECT_EQ(key_label("space"), "Space");
    EXPECT_EQ(key_label("f5"), "F5");
    EXPECT_EQ(key_label("j"), "j");
}

TEST(TextInputTest, EditsUtf8AtTheCursor) {
    TextInput in;
    for (char32_t c : std::u32string_view(U"prod-日本")) in.handle(KeyEvent::character(c));
    EXPECT_EQ(in.value(), "prod-日本");
    in.handle(KeyEvent::named(Key::Backspace));
    EXPECT_EQ(in.value(), "prod-日");
    in.handle(KeyEvent::named(Key::Left));
    in.handle(KeyEvent::named(Key::Left));
    in.handle(KeyEvent::character(U'X'));
    EXPECT_EQ(in.value(), "prodX-日");
    in.handle(KeyEvent::named(Key::Home));
    in.handle(KeyEvent::named(Key::Delete));
    EXPECT_EQ(in.value(), "rodX-日");
    in.handle(KeyEvent::named(Key::End));
    in.handle(KeyEvent::character(U' '));
    in.handle(KeyEvent::character(U'a'));
    in.handle(KeyEvent::character(U'w', kModCtrl));  // deletes the word before the cursor
    EXPECT_EQ(in.value(), "rodX-日 ");
    in.handle(KeyEvent::character(U'u', kModCtrl));
    EXPECT_EQ(in.value(), "");
    EXPECT_FALSE(in.handle(KeyEvent::named(Key::Enter)));
    EXPECT_FALSE(in.handle(KeyEvent::character(U'x', kModCtrl)));
}

TEST(TextInputTest, MaxCharsAndScrollingRender) {
    TextInput in;
    in.set_max_chars(5);
    for (char32_t c : std::u32string_view(U"abcdefg")) in.handle(KeyEvent::character(c));
    EXPECT_EQ(in.value(), "abcde");
    TextInput longer("status:failed resource:orders");
    MemoryCanvas c(12, 1);
    longer.render(c, 1, 0, 10, {}, true);
    EXPECT_EQ(c.row_text(0), " ce:orders");  // scrolled so the cursor fits after it
    EXPECT_EQ(c.cursor_x(), 10);
}
