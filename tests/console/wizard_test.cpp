// The wizard screen on the in-memory canvas, over a fake AWS: the rail's
// statuses (UTF-8 and ASCII), the typed confirmation, skipping only where
// the runbook allows it, read-only dry runs, opening from a recovery point
// and the command line, quitting and resuming.
#include <gtest/gtest.h>

#include "console/support/console_fixture.hpp"
#include "console/support/fake_restore.hpp"
#include "console/support/sample_snapshot.hpp"
#include "widgets/glyphs.hpp"

using namespace vd;
using namespace vd::testing;
using widgets::Key;
using widgets::KeyEvent;

namespace {

void press(tui::Console& c, Key k) { c.handle(KeyEvent::named(k)); }

// A console over the sample snapshot whose wizards run on the sandbox's fake AWS.
std::unique_ptr<tui::Console> wizard_console(const WizardSandbox& box, bool read_only = false, bool ascii = false) {
    auto options = sample_options(read_only);
    options.wizards = box.launcher(read_only);
    const auto& glyphs = ascii ? widgets::ascii_glyphs() : widgets::utf8_glyphs();
    auto console = std::make_unique<tui::Console>(std::move(options), widgets::mono_theme(glyphs));
    console->set_snapshot(std::make_shared<poll::Snapshot>(sample_snapshot()));
    return console;
}

// Opens restore-from-backup from the command line.
void open_restore(tui::Console& c) {
    type(c, ":restore");
    press(c, Key::Enter);
}

// From the start to the confirm step, keeping every default.
void walk_to_confirm(tui::Console& c) {
    press(c, Key::Enter);  // intro
    press(c, Key::Enter);  // the newest usable point
    press(c, Key::Enter);  // the form's defaults
    press(c, Key::Enter);  // preflight
}

// Types the confirmation in the typed-confirm dialog.
void confirm_with(tui::Console& c, const std::string& text) {
    press(c, Key::Enter);
    type(c, text);
    press(c, Key::Enter);
}

}  // namespace

TEST(WizardScreenTest, CandidatesAreUsableFirstNewestFirst) {
    WizardSandbox box;
    auto console = wizard_console(box);
    open_restore(*console);
    press(*console, Key::Enter);
    const std::string text = frame_text(*console);
    EXPECT_NE(text.find("Step 2 of 12: Choose the recovery point"), std::string::npos) << text;
    const auto newest = text.find("COMPLETED", text.find("Created (UTC)"));
    const auto older = text.find("COMPLETED", newest + 1);
    const auto failed = text.find("FAILED", text.find("Created (UTC)"));
    ASSERT_NE(failed, std::string::npos) << text;
    EXPECT_LT(newest, older);
    EXPECT_LT(older, failed) << "the FAILED point is listed last although it is the newest";
    EXPECT_NE(text.find("Selected  " + std::string(kNewestPoint)), std::string::npos) << text;
}

TEST(WizardScreenTest, RailShowsDoneCurrentPendingFailedAndSkipped) {
    WizardSandbox box;
    auto console = wizard_console(box);
    open_restore(*console);
    walk_to_confirm(*console);
    std::string text = frame_text(*console);
    EXPECT_NE(text.find("│✓ Preflight checks"), std::string::npos) << text;
    EXPECT_NE(text.find("│▶ Confirm the restore"), std::string::npos) << text;
    EXPECT_NE(text.find("│  Start the restore job"), std::string::npos) << text;

    confirm_with(*console, "orders-db-restore-20250615");
    press(*console, Key::Enter);  // restore
    press(*console, Key::Enter);  // wait: running
    press(*console, Key::Enter);  // wait: available
    press(*console, Key::Enter);  // sql-check: no database here
    text = frame_text(*console);
    EXPECT_NE(text.find("│✓ Wait until the new instance is"), std::string::npos) << text;
    EXPECT_NE(text.find("│✗ Check the restored data"), std::string::npos) << text;
    EXPECT_NE(text.find("FAIL connects"), std::string::npos) << text;

    type(*console, "s");
    text = frame_text(*console);
    EXPECT_NE(text.find("│- Check the restored data"), std::string::npos) << text;
    EXPECT_NE(text.find("│▶ What next"), std::string::npos) << text;
    EXPECT_NE(text.find("orders-db-restore-20250615.abc.us-east-1.rds.amazonaws.com:5432"), std::string::npos) << text;
}

TEST(WizardScreenTest, RailFallsBackToAsciiWithoutUtf8) {
    WizardSandbox box;
    auto console = wizard_console(box, false, true);
    open_restore(*console);
    press(*console, Key::Enter);
    const std::string text = frame_text(*console);
    EXPECT_NE(text.find("|+ Before you start"), std::string::npos) << text;
    EXPECT_NE(text.find("|> Choose the recovery point"), std::string::npos) << text;
    for (unsigned char ch : text) ASSERT_LT(ch, 0x80) << "non-ASCII in\n" << text;
}

TEST(WizardScreenTest, TypedConfirmRefusesAWrongIdentifier) {
    WizardSandbox box;
    auto console = wizard_console(box);
    open_restore(*console);
    walk_to_confirm(*console);
    confirm_with(*console, "orders-db");
    std::string text = frame_text(*console);
    EXPECT_NE(text.find("does not match; type exactly: orders-db-restore-20250615"), std::string::npos) << text;
    press(*console, Key::Escape);
    text = frame_text(*console);
    EXPECT_NE(text.find("Step 5 of 12: Confirm the restore"), std::string::npos) << text;
    EXPECT_EQ(box.aws->restores_started, 0);

    confirm_with(*console, "orders-db-restore-20250615");
    text = frame_text(*console);
    EXPECT_NE(text.find("Step 6 of 12: Start the restore job"), std::string::npos) << text;
    EXPECT_NE(text.find("backup StartRestoreJob"), std::string::npos) << text;
    EXPECT_EQ(box.aws->restores_started, 0) << "confirming does not send; the restore step does";
    press(*console, Key::Enter);
    EXPECT_EQ(box.aws->restores_started, 1);
    EXPECT_NE(frame_text(*console).find("Step 7 of 12: Wait"), std::string::npos);
}

TEST(WizardScreenTest, SkipIsRefusedWhereTheRunbookDoesNotAllowIt) {
    WizardSandbox box;
    auto console = wizard_console(box);
    open_restore(*console);
    std::string text = frame_text(*console);
    const std::string footer = text.substr(text.rfind('\n', text.size() - 2) + 1);
    EXPECT_EQ(footer.find("skip"), std::string::npos) << footer;
    EXPECT_NE(footer.find("Enter next"), std::string::npos) << footer;
    type(*console, "s");
    text = frame_text(*console);
    EXPECT_NE(text.find("cannot be skipped"), std::string::npos) << text;
    EXPECT_NE(text.find("Step 1 of 12: Before you start"), std::string::npos) << text;
    EXPECT_NE(text.find("│▶ Before you start"), std::string::npos) << text;
}

TEST(WizardScreenTest, ReadOnlyShowsTheDryRunCallAndSendsNothing) {
    WizardSandbox box;
    auto console = wizard_console(box, true);
    open_restore(*console);
    walk_to_confirm(*console);
    confirm_with(*console, "orders-db-restore-20250615");
    std::string text = frame_text(*console, 200, 50);
    EXPECT_NE(text.find("READ-ONLY: DRY RUN"), std::string::npos) << text;
    EXPECT_NE(text.find("it is NOT sent"), std::string::npos) << text;
    EXPECT_NE(text.find("backup StartRestoreJob"), std::string::npos) << text;
    EXPECT_NE(text.find("\"RecoveryPointArn\": \"" + std::string(kNewestPoint) + "\""), std::string::npos) << text;
    press(*console, Key::Enter);
    EXPECT_EQ(box.aws->restores_started, 0);
    text = frame_text(*console);
    EXPECT_NE(text.find("dry run: backup StartRestoreJob not sent"), std::string::npos) << text;
    EXPECT_NE(text.find("nothing to wait for"), std::string::npos) << text;
    press(*console, Key::Enter);
    text = frame_text(*console);
    EXPECT_NE(text.find("│- Wait until the new instance"), std::string::npos) << "dry run: nothing to wait for\n" << text;
}

TEST(WizardScreenTest, EnterOnARecoveryPointStartsARestoreSeededWithIt) {
    WizardSandbox box;
    auto console = wizard_console(box);
    type(*console, "2");
    press(*console, Key::Enter);
    std::string text = frame_text(*console);
    EXPECT_EQ(console->screen().id(), "wizard");
    EXPECT_NE(text.find("Restore an RDS instance from an AWS Backup recovery point"), std::string::npos) << text;
    EXPECT_NE(text.find("You are about to restore users-db"), std::string::npos) << text;
    const std::string tabs = line_with(text, "1 Dash");
    EXPECT_NE(tabs.find("9 Wizard"), std::string::npos) << tabs;
}

TEST(WizardScreenTest, CommandLineOpensRestoreAndDrillWithCompletion) {
    WizardSandbox box;
    auto console = wizard_console(box);
    type(*console, ":restore mo");
    press(*console, Key::Tab);
    EXPECT_NE(frame_text(*console).find(":restore monthly-drill"), std::string::npos);
    press(*console, Key::Escape);
    type(*console, ":restore nonsense");
    press(*console, Key::Enter);
    EXPECT_NE(frame_text(*console).find("no runbook 'nonsense'"), std::string::npos);
    type(*console, ":drill orders-db");
    press(*console, Key::Enter);
    const std::string text = frame_text(*console);
    EXPECT_NE(text.find("Monthly restore-test drill"), std::string::npos) << text;
    EXPECT_EQ(console->screen().id(), "wizard");
}

TEST(WizardScreenTest, AbortAsksAndSaysWhatStaysRestored) {
    WizardSandbox box;
    auto console = wizard_console(box);
    open_restore(*console);
    type(*console, "a");
    std::string text = frame_text(*console);
    EXPECT_NE(text.find("Abort the wizard?"), std::string::npos) << text;
    EXPECT_NE(text.find("Nothing has been restored"), std::string::npos) << text;
    type(*console, "n");
    EXPECT_NE(frame_text(*console).find("Step 1 of 12"), std::string::npos);

    walk_to_confirm(*console);
    confirm_with(*console, "orders-db-restore-20250615");
    press(*console, Key::Enter);  // the restore is sent
    type(*console, "a");
    text = frame_text(*console);
    EXPECT_NE(text.find("orders-db-restore-20250615 stays in AWS"), std::string::npos) << text;
    type(*console, "y");
    text = frame_text(*console);
    EXPECT_NE(text.find("The wizard has finished: aborted."), std::string::npos) << text;
}

TEST(WizardScreenTest, QuitAsksOnlyWhileAWizardRunsAndSaysItCanResume) {
    WizardSandbox box;
    auto console = wizard_console(box);
    open_restore(*console);
    EXPECT_FALSE(console->handle(KeyEvent::character(U'q')) & tui::kQuit);
    const std::string text = frame_text(*console);
    EXPECT_NE(text.find("Quit while a wizard is running?"), std::string::npos) << text;
    EXPECT_NE(text.find("offers to resume"), std::string::npos) << text;
    EXPECT_FALSE(console->handle(KeyEvent::character(U'n')) & tui::kQuit);
    console->handle(KeyEvent::character(U'q'));
    EXPECT_TRUE(console->handle(KeyEvent::character(U'y')) & tui::kQuit);

    type(*console, "a");
    type(*console, "y");  // aborted: nothing runs any more
    EXPECT_TRUE(console->handle(KeyEvent::character(U'q')) & tui::kQuit);
}

TEST(WizardScreenTest, AStartingConsoleOffersToResumeAnUnfinishedWizard) {
    WizardSandbox box;
    {
        auto first = wizard_console(box);
        open_restore(*first);
        press(*first, Key::Enter);
        press(*first, Key::Enter);  // now on the form step; the console goes away
    }
    auto console = wizard_console(box);
    std::string text = frame_text(*console);
    EXPECT_NE(text.find("Resume the unfinished wizard?"), std::string::npos) << text;
    EXPECT_NE(text.find("[ Resume ]"), std::string::npos) << text;
    EXPECT_NE(text.find("[ Later ]"), std::string::npos) << text;
    press(*console, Key::Enter);  // the reflex Enter after an SSH drop resumes

    text = frame_text(*console);
    EXPECT_EQ(console->screen().id(), "wizard");
    EXPECT_NE(text.find("Step 3 of 12: The new instance"), std::string::npos) << text;

    auto later = wizard_console(box);
    type(*later, "n");
    EXPECT_EQ(later->screen().id(), "dashboard");
    type(*later, ":resume");
    press(*later, Key::Enter);
    EXPECT_NE(frame_text(*later).find("Resume the unfinished wizard?"), std::string::npos);
}
