// The console's key handling without a terminal: screens by digit, Tab and
// the command line (with completion), the filter prompt, help generated
// from the keymap, read-only, key overrides, copying an ARN, quitting.
#include <gtest/gtest.h>

#include "console/support/console_fixture.hpp"
#include "console/support/sample_snapshot.hpp"
#include "tui/app/ascii_canvas.hpp"
#include "tui/app/command_line.hpp"
#include "tui/app/keys.hpp"

using namespace vd;
using namespace vd::testing;
using widgets::Key;
using widgets::KeyEvent;

TEST(ConsoleTest, DigitsAndTabSwitchScreens) {
    auto console = sample_console();
    EXPECT_EQ(console->screen().id(), "dashboard");
    type(*console, "2");
    EXPECT_EQ(console->screen().id(), "rp");
    type(*console, "8");
    EXPECT_EQ(console->screen().id(), "audit");
    console->handle(KeyEvent::named(Key::Tab));
    EXPECT_EQ(console->screen().id(), "dashboard");
    console->handle(KeyEvent::named(Key::BackTab));
    EXPECT_EQ(console->screen().id(), "audit");
    console->handle(KeyEvent::named(Key::Escape));
    EXPECT_EQ(console->screen().id(), "dashboard") << "Esc goes back to the previous screen";
}

TEST(ConsoleTest, CommandLineCompletesAndSwitches) {
    auto console = sample_console();
    type(*console, ":ti");
    EXPECT_TRUE(console->editing());
    console->handle(KeyEvent::named(Key::Tab));
    EXPECT_NE(frame_text(*console).find(":timeline"), std::string::npos);
    console->handle(KeyEvent::named(Key::Enter));
    EXPECT_FALSE(console->editing());
    EXPECT_EQ(console->screen().id(), "timeline");
    type(*console, ":recovery-points");
    console->handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(console->screen().id(), "rp");
}

TEST(ConsoleTest, UnknownCommandIsReportedInTheFooter) {
    auto console = sample_console();
    type(*console, ":bogus");
    console->handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(console->screen().id(), "dashboard");
    const std::string text = frame_text(*console);
    EXPECT_NE(text.find("unknown command ':bogus'"), std::string::npos) << text;
}

TEST(ConsoleTest, RegionCommandScopesEveryScreen) {
    auto console = sample_console();
    type(*console, ":region us-");
    console->handle(KeyEvent::named(Key::Tab));
    console->handle(KeyEvent::named(Key::Enter));
    std::string text = frame_text(*console);
    EXPECT_NE(text.find("region us-east-1"), std::string::npos) << text;
    EXPECT_EQ(text.find("orders-db"), std::string::npos) << "eu-central-1 findings are hidden";
    EXPECT_NE(text.find("prod-dr-vault"), std::string::npos);
    type(*console, ":region");
    console->handle(KeyEvent::named(Key::Enter));
    EXPECT_NE(frame_text(*console).find("orders-db"), std::string::npos);
    type(*console, ":region mars-1");
    console->handle(KeyEvent::named(Key::Enter));
    EXPECT_NE(frame_text(*console).find("no region 'mars-1'"), std::string::npos);
}

TEST(ConsoleTest, QuitKeyAndCommandQuit) {
    auto console = sample_console();
    EXPECT_TRUE(console->handle(KeyEvent::character(U'q')) & tui::kQuit);
    type(*console, ":q");
    EXPECT_TRUE(console->handle(KeyEvent::named(Key::Enter)) & tui::kQuit);
}

TEST(ConsoleTest, RefreshAsksTheLoopToRefetch) {
    auto console = sample_console();
    EXPECT_TRUE(console->handle(KeyEvent::character(U'r')) & tui::kRefetch);
}

TEST(ConsoleTest, HelpListsEveryKeyFromTheKeymap) {
    auto console = sample_console();
    type(*console, "2?");
    const std::string text = frame_text(*console, 120, 50);
    EXPECT_NE(text.find("Keys: Recovery points"), std::string::npos) << text;
    EXPECT_NE(text.find("Restore this point to a NEW instance"), std::string::npos);
    EXPECT_NE(text.find("Filter rows: text, or column:value"), std::string::npos);
    console->handle(KeyEvent::named(Key::Escape));
    EXPECT_EQ(frame_text(*console).find("Keys: Recovery points"), std::string::npos);
}

TEST(ConsoleTest, FooterShowsTheKeysOfTheScreen) {
    auto console = sample_console();
    type(*console, "2");
    const std::string text = frame_text(*console);
    const std::string footer = text.substr(text.rfind('\n', text.size() - 2) + 1);
    EXPECT_NE(footer.find("Enter restore"), std::string::npos) << footer;
    EXPECT_NE(footer.find("/ filter"), std::string::npos) << footer;
    EXPECT_NE(footer.find("? help"), std::string::npos) << footer;
}

TEST(ConsoleTest, KeyOverridesRebindCommands) {
    auto options = sample_options();
    options.key_overrides = {{"quit", "x"}, {"filter", "f"}};
    auto console = sample_console(options);
    EXPECT_TRUE(console->handle(KeyEvent::character(U'x')) & tui::kQuit);
    EXPECT_FALSE(console->handle(KeyEvent::character(U'q')) & tui::kQuit) << "q is not quit any more";
    type(*console, "2f");
    EXPECT_TRUE(console->editing()) << "f opens the filter";
}

TEST(ConsoleTest, ReadOnlyDropsMutatingBindings) {
    std::vector<widgets::KeyBinding> keys = {{"x", "delete", "Delete", true, true}, {"j", "down", "Down", false, false}};
    EXPECT_EQ(widgets::for_mode(keys, true).size(), 1u);
    auto console = sample_console(sample_options(true));
    for (const auto& b : console->bindings()) EXPECT_FALSE(b.mutating) << b.command;
}

TEST(ConsoleTest, FilterPromptFiltersAsYouTypeAndEscCancels) {
    auto console = sample_console();
    type(*console, "2/orders");
    std::string text = frame_text(*console);
    EXPECT_EQ(text.find("users-db"), std::string::npos) << text;
    EXPECT_NE(text.find("orders-db"), std::string::npos);
    console->handle(KeyEvent::named(Key::Escape));
    EXPECT_EQ(console->screen().filter(), "");
    type(*console, "/status:completed");
    console->handle(KeyEvent::named(Key::Enter));
    EXPECT_EQ(console->screen().filter(), "status:completed");
    EXPECT_NE(frame_text(*console).find("filter: status:completed"), std::string::npos);
    console->handle(KeyEvent::named(Key::Escape));
    EXPECT_EQ(console->screen().filter(), "") << "Esc clears a kept filter";
}

TEST(ConsoleTest, CopyQueuesTheSelectedArnForTheClipboard) {
    auto console = sample_console();
    type(*console, "2y");
    const std::string arn = console->take_clipboard();
    EXPECT_EQ(arn.rfind("arn:aws:rds:", 0), 0u) << arn;
    EXPECT_TRUE(console->take_clipboard().empty()) << "taken once";
    EXPECT_NE(frame_text(*console).find("copied arn:aws:rds:"), std::string::npos);
}

TEST(ConsoleTest, ClickOnATabSwitchesScreens) {
    auto console = sample_console();
    frame_text(*console);  // lays out the tab row
    const std::string text = frame_text(*console);
    const std::string tabs = text.substr(text.find('\n') + 1);
    const auto col = tabs.find("Jobs");
    ASSERT_NE(col, std::string::npos);
    console->handle(KeyEvent::click(static_cast<int>(col), 1));
    EXPECT_EQ(console->screen().id(), "jobs");
}

TEST(CommandLineTest, CompletionOffersCandidates) {
    tui::CompletionSource src{{"dashboard", "rp", "rds", "drills", "jobs"}, {"eu-west-1", "eu-central-1"}, {"prod"},
                              {"restore-from-backup", "pitr-restore"}, {"orders-db"}, {}};
    auto c = tui::complete_command_line("d", src);
    EXPECT_EQ(c.text, "d");
    EXPECT_EQ(c.candidates, (std::vector<std::string>{"dashboard", "drill", "drills"}));
    EXPECT_EQ(tui::complete_command_line("drill o", src).text, "drill orders-db");
    EXPECT_EQ(tui::complete_command_line("restore p", src).text, "restore pitr-restore");
    EXPECT_EQ(tui::complete_command_line("da", src).text, "dashboard");
    EXPECT_EQ(tui::complete_command_line("reg", src).text, "region ");
    EXPECT_EQ(tui::complete_command_line("region eu-", src).text, "region eu-");
    EXPECT_EQ(tui::complete_command_line("region eu-w", src).text, "region eu-west-1");
    EXPECT_EQ(tui::parse_command_line("jo", src).name, "jobs");
    EXPECT_EQ(tui::parse_command_line("profile prod", src).kind, tui::CommandLineAction::Kind::Command);
    EXPECT_EQ(tui::parse_command_line("profile prod", src).name, "profile");
    EXPECT_EQ(tui::parse_command_line("profile prod", src).argument, "prod");
    EXPECT_EQ(tui::parse_command_line("r", src).kind, tui::CommandLineAction::Kind::Error) << "rp and rds are ambiguous";
}

TEST(CommandLineTest, RestoreStartsFromTheSelectedInstanceOrCluster) {
    const auto db = tui::wizard_inputs_for_selection("arn:aws:rds:us-west-2:123456789012:db:prod-db");
    EXPECT_EQ(db.at("source"), "prod-db");
    EXPECT_EQ(db.at("region"), "us-west-2");
    EXPECT_EQ(db.at("resource"), "arn:aws:rds:us-west-2:123456789012:db:prod-db");
    EXPECT_EQ(tui::wizard_inputs_for_selection("arn:aws:rds:us-east-1:123456789012:cluster:prod-aurora").at("source"), "prod-aurora");
    EXPECT_TRUE(tui::wizard_inputs_for_selection("arn:aws:rds:us-east-1:123456789012:snapshot:rds:prod-db-2026-12-01-06-00").empty());
    EXPECT_TRUE(tui::wizard_inputs_for_selection("arn:aws:backup:us-east-1:123456789012:recovery-point:abc").empty());
    EXPECT_TRUE(tui::wizard_inputs_for_selection("arn:aws:rds::123456789012:db:x").empty());
    EXPECT_TRUE(tui::wizard_inputs_for_selection("").empty());
}

TEST(KeysTest, OverridesMoveTheKeyAndDropTheOldHolder) {
    std::vector<widgets::KeyBinding> keys = {{"q", "quit", "Quit"}, {"x", "export", "Export"}};
    const auto out = tui::apply_overrides(keys, {{"quit", "x"}});
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].key, "x");
    EXPECT_EQ(out[0].command, "quit");
}

// An override to something that is not a key used to take q away from quit.
TEST(KeysTest, AnOverrideThatIsNotAKeyLeavesTheBindingAlone) {
    std::vector<widgets::KeyBinding> keys = {{"q", "quit", "Quit"}};
    const auto out = tui::apply_overrides(keys, {{"quit", "ctrl+nonsense"}});
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].key, "q");
    EXPECT_NE(tui::override_problem("quit", "ctrl+nonsense"), "");
    EXPECT_NE(tui::override_problem("teleport", "t").find("one of: "), std::string::npos);
    EXPECT_NE(tui::override_problem("quitt", "t").find("did you mean 'quit'?"), std::string::npos);
    EXPECT_EQ(tui::override_problem("quit", "ctrl+q"), "");
    EXPECT_EQ(tui::override_problem("wizard-abort", "f5"), "");
    EXPECT_EQ(tui::override_problem("down", "J"), "");
}

TEST(AsciiTest, NonUtf8TerminalsGetOnlyAsciiInTheSameColumns) {
    EXPECT_EQ(tui::to_ascii("a → b … ✓ 日"), "a > b ~ + ??");
    for (const char* key : {"1", "2", "3", "4", "5", "6", "7", "8"}) {
        auto console = std::make_unique<tui::Console>(sample_options(), widgets::mono_theme(widgets::ascii_glyphs()));
        console->set_snapshot(std::make_shared<poll::Snapshot>(sample_snapshot()));
        type(*console, key);
        const std::string text = frame_text(*console, 100, 30);
        for (unsigned char c : text) ASSERT_LT(c, 0x80) << "screen " << key << ":\n" << text;
    }
}
