// The console's command table: every key runs a command the table or a
// screen has, every command has a handler and a name of its own, and the `:`
// line understands every typed command and alias.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "tui/app/command_line.hpp"
#include "tui/app/console_commands.hpp"
#include "tui/app/keys.hpp"
#include "tui/screens/screen.hpp"

using namespace vd;
using tui::CommandLineAction;

namespace {

// The screen names the command line offers, as the console builds them.
tui::CompletionSource screen_names() {
    tui::CompletionSource source;
    for (const auto& s : tui::make_screens()) {
        source.screens.emplace_back(s->id());
        for (auto alias : s->aliases()) source.screens.emplace_back(alias);
    }
    return source;
}

}  // namespace

TEST(ConsoleCommands, EveryRowHasAHandlerAndNamesNoOtherRowOrScreenUses) {
    std::set<std::string> names;
    for (const auto& screen : screen_names().screens) EXPECT_TRUE(names.insert(screen).second) << screen;
    for (const auto& c : tui::console_commands()) {
        EXPECT_NE(c.run, nullptr) << c.name;
        EXPECT_FALSE(c.description.empty()) << c.name;
        EXPECT_TRUE(names.insert(std::string(c.name)).second) << c.name << " is also a screen or another command";
        for (auto alias : c.aliases) EXPECT_TRUE(names.insert(std::string(alias)).second) << alias;
        EXPECT_TRUE(!c.key.empty() || c.typed) << c.name << " can be neither pressed nor typed";
    }
}

TEST(ConsoleCommands, EveryGlobalKeyRunsARowOfTheTableOrSelectsAScreen) {
    std::size_t digits = 0;
    for (const auto& b : tui::global_bindings()) {
        const bool row = tui::keyed_command(b.command) != nullptr;
        const bool screen = tui::screen_number(b.command).has_value();
        EXPECT_TRUE(row != screen) << b.key << " runs '" << b.command << "'";
        if (screen) {
            EXPECT_EQ(b.key, std::to_string(*tui::screen_number(b.command) + 1));
            ++digits;
        }
    }
    EXPECT_EQ(digits, tui::make_screens().size()) << "one digit per screen";
    EXPECT_EQ(tui::keyed_command("no-such-command"), nullptr);
    EXPECT_EQ(tui::keyed_command("restore"), nullptr) << "Enter on a screen runs the screen's restore, not :restore";
}

TEST(ConsoleCommands, TheCommandLineRunsEveryTypedRowByItsNameAndAliases) {
    const auto source = screen_names();
    for (const auto& c : tui::console_commands()) {
        if (!c.typed) {
            EXPECT_NE(tui::parse_command_line(std::string(c.name), source).kind, CommandLineAction::Kind::Command) << c.name;
            continue;
        }
        std::vector<std::string> spellings{std::string(c.name)};
        for (auto alias : c.aliases) spellings.emplace_back(alias);
        for (const auto& word : spellings) {
            const auto action = tui::parse_command_line(word, source);
            EXPECT_EQ(action.kind, CommandLineAction::Kind::Command) << word;
            EXPECT_EQ(action.name, c.name) << word;
        }
        const auto completed = tui::complete_command_line(std::string(c.name).substr(0, 2), source);
        EXPECT_NE(std::find(completed.candidates.begin(), completed.candidates.end(), c.name), completed.candidates.end())
            << c.name << " is not offered";
    }
}

TEST(ConsoleCommands, ScreenNumbersAreScreenDashAPositiveNumber) {
    EXPECT_EQ(tui::screen_number("screen-3"), 2u);
    EXPECT_EQ(tui::screen_number("screen-0"), std::nullopt);
    EXPECT_EQ(tui::screen_number("screen-"), std::nullopt);
    EXPECT_EQ(tui::screen_number("screen-2x"), std::nullopt);
    EXPECT_EQ(tui::screen_number("screens-2"), std::nullopt);
}
