// Form: focus movement, editing, choices, date-time parsing and validation.
#include "widgets/form.hpp"

#include <gtest/gtest.h>

#include "backend/core/time_format.hpp"
#include "widgets/memory_canvas.hpp"

using namespace vd::widgets;

namespace {

// The restore form: a required id with a validator, a choice, a date-time.
std::vector<FormField> restore_fields() {
    std::vector<FormField> f(3);
    f[0].id = "target";
    f[0].label = "New instance";
    f[0].required = true;
    f[0].validator = [](const std::string& v) -> std::optional<std::string> {
        if (v.find('_') != std::string::npos) return "no underscores in RDS identifiers";
        return std::nullopt;
    };
    f[1].id = "class";
    f[1].label = "Class";
    f[1].kind = FieldKind::Choice;
    f[1].choices = {"db.t3.micro", "db.r6g.large", "db.r6g.xlarge"};
    f[1].value = "db.r6g.large";
    f[2].id = "at";
    f[2].label = "Restore time";
    f[2].kind = FieldKind::DateTime;
    return f;
}

// Types text into the focused field.
void type(Form& form, std::u32string_view text) {
    for (char32_t c : text) form.handle(KeyEvent::character(c));
}

}  // namespace

TEST(FormTest, RequiredFieldBlocksSubmit) {
    Form form(restore_fields());
    form.handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(form.state(), FormState::Editing);
    EXPECT_EQ(form.error(0), "required");
    EXPECT_FALSE(form.error(2).has_value());  // optional and empty: fine
    EXPECT_EQ(form.focus(), 0u);
}

TEST(FormTest, ValidatorMessageAndFocusOnFirstInvalidField) {
    Form form(restore_fields());
    type(form, U"orders_restore");
    form.handle(KeyEvent::named(Key::Tab));
    form.handle(KeyEvent::named(Key::Tab));
    EXPECT_EQ(form.focus(), 2u);
    type(form, U"2026-11-31 25:00");
    form.handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(form.state(), FormState::Editing);
    EXPECT_EQ(form.error(0), "no underscores in RDS identifiers");
    EXPECT_EQ(form.error(2), "expected YYYY-MM-DD HH:MM (UTC)");
    EXPECT_EQ(form.focus(), 0u);
    // Fix both; editing clears a field's message.
    for (int i = 0; i < 14; ++i) form.handle(KeyEvent::named(Key::Backspace));
    EXPECT_FALSE(form.error(0).has_value());
    type(form, U"orders-restore");
    form.handle(KeyEvent::named(Key::BackTab));  // wraps to the last field
    EXPECT_EQ(form.focus(), 2u);
    form.handle(KeyEvent::character(U'u', kModCtrl));
    type(form, U"2026-11-21 03:15");
    form.handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(form.state(), FormState::Submitted);
    EXPECT_EQ(form.value("target"), "orders-restore");
    EXPECT_EQ(form.time("at"), vd::parse_time("2026-11-21T03:15:00Z"));
}

TEST(FormTest, ChoiceCyclesWithArrowsAndSpace) {
    Form form(restore_fields());
    form.set_focus(1);
    EXPECT_EQ(form.value("class"), "db.r6g.large");
    form.handle(KeyEvent::named(Key::Right));
    EXPECT_EQ(form.value("class"), "db.r6g.xlarge");
    form.handle(KeyEvent::character(U' '));
    EXPECT_EQ(form.value("class"), "db.t3.micro");
    form.handle(KeyEvent::named(Key::Left));
    EXPECT_EQ(form.value("class"), "db.r6g.xlarge");
    EXPECT_FALSE(form.handle(KeyEvent::character(U'z')));  // not text
}

TEST(FormTest, EscapeCancels) {
    Form form(restore_fields());
    form.handle(KeyEvent::named(Key::Escape));
    EXPECT_EQ(form.state(), FormState::Cancelled);
    EXPECT_FALSE(form.handle(KeyEvent::character(U'a')));
}

TEST(FormTest, DateTimeFormats) {
    EXPECT_EQ(parse_form_time("2026-03-01 00:00"), vd::parse_time("2026-03-01T00:00:00Z"));
    EXPECT_EQ(parse_form_time(" 2026-03-01 12:30:45 "), vd::parse_time("2026-03-01T12:30:45Z"));
    EXPECT_EQ(parse_form_time("2026-03-01T12:30:45Z"), vd::parse_time("2026-03-01T12:30:45Z"));
    EXPECT_FALSE(parse_form_time("yesterday").has_value());
    EXPECT_FALSE(parse_form_time("2026-03-01").has_value());
}

TEST(FormTest, RendersLabelsFieldsAndMessages) {
    Form form(restore_fields());
    type(form, U"a_b");
    form.handle(KeyEvent::named(Key::Enter));
    form.set_focus(1);
    MemoryCanvas c(60, 5);
    const Theme theme = dark_theme(utf8_glyphs());
    form.render(c, theme);
    EXPECT_EQ(c.to_string(),
              "New instance *  a_b\n"
              "                ✗ no underscores in RDS identifiers\n"
              "         Class  < db.r6g.large >\n"
              "  Restore time\n"
              "\n");
    EXPECT_EQ(c.cell(16, 1).style, theme.style(Role::Error));
    EXPECT_EQ(c.cell(16, 2).style, theme.style(Role::InputFocused));
    EXPECT_EQ(c.cell(16, 0).style, theme.style(Role::Input));

    MemoryCanvas a(60, 5);
    form.render(a, mono_theme(ascii_glyphs()));
    EXPECT_EQ(a.row_text(1), "                X no underscores in RDS identifiers");
}
