// Dialogs: message, yes/no confirm and typed confirm, keys and drawing.
#include "widgets/dialog.hpp"

#include <gtest/gtest.h>

#include "widgets/memory_canvas.hpp"

using namespace vd::widgets;

namespace {

// Types a string into a dialog, one key per character.
void type(Dialog& d, std::u32string_view text) {
    for (char32_t c : text) d.handle(KeyEvent::character(c));
}

}  // namespace

TEST(DialogTest, TypedConfirmRefusesEnterUntilTheStringMatches) {
    auto d = Dialog::typed_confirm("Restore", "Restore to a new instance?", "orders-db-restore-1");
    type(d, U"orders-db-restore-2");
    d.handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(d.result(), DialogResult::Open);
    EXPECT_EQ(d.error(), "does not match; type exactly: orders-db-restore-1");
    d.handle(KeyEvent::named(Key::Backspace));
    EXPECT_TRUE(d.error().empty());  // editing clears the refusal
    type(d, U"1");
    EXPECT_EQ(d.typed(), "orders-db-restore-1");
    d.handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(d.result(), DialogResult::Accepted);
}

TEST(DialogTest, TypedConfirmIsCaseSensitiveAndEmptyIsRefused) {
    auto d = Dialog::typed_confirm("Delete", "Delete the drill instance?", "Drill-1");
    d.handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(d.result(), DialogResult::Open);
    type(d, U"drill-1");
    d.handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(d.result(), DialogResult::Open);
    d.handle(KeyEvent::named(Key::Escape));
    EXPECT_EQ(d.result(), DialogResult::Cancelled);
    EXPECT_FALSE(d.handle(KeyEvent::character(U'x')));  // closed: no longer takes keys
}

TEST(DialogTest, TypedConfirmDrawsPromptFieldAndRefusal) {
    auto d = Dialog::typed_confirm("Restore", "Restore orders-db to a NEW instance.", "orders-new");
    type(d, U"orders-x");
    d.handle(KeyEvent::named(Key::Enter));
    MemoryCanvas c(50, 11);
    d.render(c, dark_theme(utf8_glyphs()));
    EXPECT_EQ(c.to_string(),
              "\n"
              "  ┌─ Restore ─────────────────────────────────┐\n"
              "  │ Restore orders-db to a NEW instance.      │\n"
              "  │                                           │\n"
              "  │ Type orders-new to confirm:               │\n"
              "  │ orders-x                                  │\n"
              "  │ does not match; type exactly: orders-new  │\n"
              "  │        Enter confirm   Esc cancel         │\n"
              "  └───────────────────────────────────────────┘\n"
              "\n"
              "\n");
    EXPECT_TRUE(c.cursor_visible());
    EXPECT_EQ(c.cursor_x(), 12);  // after "orders-x" in the field
    EXPECT_EQ(c.cursor_y(), 5);
}

TEST(DialogTest, ConfirmDefaultsToNo) {
    auto d = Dialog::confirm("Quit", "A restore is running. Quit anyway?");
    EXPECT_FALSE(d.yes_focused());
    d.handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(d.result(), DialogResult::Cancelled);

    auto e = Dialog::confirm("Quit", "Quit?");
    e.handle(KeyEvent::named(Key::Left));
    EXPECT_TRUE(e.yes_focused());
    e.handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(e.result(), DialogResult::Accepted);

    auto f = Dialog::confirm("Quit", "Quit?");
    f.handle(KeyEvent::character(U'y'));
    EXPECT_EQ(f.result(), DialogResult::Accepted);
}

TEST(DialogTest, ConfirmDrawsButtonsInAscii) {
    auto d = Dialog::confirm("Quit", "Quit anyway?");
    MemoryCanvas c(40, 7);
    const Theme theme = mono_theme(ascii_glyphs());
    d.render(c, theme);
    EXPECT_EQ(c.to_string(),
              "\n"
              "   +- Quit -------------------------+\n"
              "   | Quit anyway?                   |\n"
              "   |                                |\n"
              "   |        [ Yes ]  [ No ]         |\n"
              "   +--------------------------------+\n"
              "\n");
    EXPECT_EQ(c.cell(22, 4).style, theme.style(Role::Selected));  // "No" has the focus
    EXPECT_EQ(c.cell(13, 4).style, theme.style(Role::Normal));
}

TEST(DialogTest, MessageWrapsLongTextAndClosesOnEnter) {
    auto d = Dialog::message("Error", "ThrottlingException: Rate exceeded while listing recovery points",
                             Role::Critical);
    MemoryCanvas c(40, 8);
    const Theme theme = dark_theme(utf8_glyphs());
    d.render(c, theme);
    EXPECT_EQ(c.to_string(),
              "\n"
              " ┌─ Error ────────────────────────────┐\n"
              " │ ThrottlingException: Rate exceeded │\n"
              " │ while listing recovery points      │\n"
              " │                                    │\n"
              " │               [ OK ]               │\n"
              " └────────────────────────────────────┘\n"
              "\n");
    EXPECT_EQ(c.cell(3, 2).style, theme.style(Role::Critical));
    d.handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(d.result(), DialogResult::Accepted);
}
