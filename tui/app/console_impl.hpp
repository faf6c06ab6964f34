// The Console's private state, shared by the console's own files:
// console.cpp (events), console_draw.cpp (drawing), console_commands.cpp
// (the global commands), console_prompt.cpp (`:` and `/`),
// console_dialog.cpp and console_wizard.cpp. Not for other files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tui/app/chrome.hpp"
#include "tui/app/command_line.hpp"
#include "widgets/dialog.hpp"
#include "widgets/help_overlay.hpp"
#include "widgets/tabs.hpp"
#include "widgets/text_input.hpp"
#include "tui/app/console.hpp"
#include "tui/app/findings_worker.hpp"
#include "tui/screens/wizard.hpp"

namespace vd::tui {

struct Console::Impl {
    enum class Mode { Normal, Command, Filter, Help, Dialog };

    ConsoleOptions options;
    widgets::Theme theme;
    std::shared_ptr<const Clock> clock;
    std::vector<std::unique_ptr<Screen>> screens;
    std::size_t active = 0;
    std::vector<std::size_t> history;  // screens to go back to with Esc

    poll::SnapshotPtr snapshot;
    std::vector<health::Finding> findings;
    TimePoint findings_at{};
    std::unique_ptr<FindingsWorker> findings_worker;  // with options.findings_ready
    Scope scope;

    Mode mode = Mode::Normal;
    widgets::TextInput input;   // the command line or filter being typed
    std::string filter_before;  // restored when the filter prompt is cancelled
    std::vector<std::string> candidates;
    std::string message;
    bool message_is_error = false;
    std::optional<widgets::Dialog> dialog;
    std::function<Flags(const std::string&)> on_accept;  // of the open dialog
    std::vector<WizardRequest> dialog_wizards;           // a choice dialog: the wizard each option opens
    WizardScreen* wizard = nullptr;                      // one of `screens`
    std::uint64_t wizard_version = 0;                    // the last view drawn
    std::optional<widgets::HelpOverlay> help;
    widgets::Tabs tab_row{{}};
    std::string clipboard;
    bool repaint = false;
    std::string footer_extra;
    std::vector<widgets::KeyBinding> bindings;
    std::optional<std::pair<int, int>> body_cursor;  // where the body last put the cursor
    int width = kMinWidth;  // the terminal width last drawn at (tab hit testing)

    Impl(ConsoleOptions o, widgets::Theme t);

    // The context screens draw and handle commands with.
    ScreenContext context() const;
    // Recomputes the active bindings (screen keys, navigation, global).
    void rebind();
    // The active screen.
    Screen& screen() { return *screens[active]; }
    // Switches to screen `index`, remembering the current one for Esc
    // unless going back.
    Flags switch_to(std::size_t index, bool remember = true);
    // Runs a keymap command in normal mode: a global one, a screen number,
    // or the active screen's.
    Flags run(const std::string& command);
    // Opens the help overlay for the active screen's keys.
    void show_help();
    // Runs a `:` command line.
    Flags execute_command_line();
    // Handles a key while the command line or filter prompt is open.
    Flags edit(const widgets::KeyEvent& event);
    // Handles a mouse event at terminal coordinates.
    Flags mouse(const widgets::MouseEvent& event);
    // The names the command line completes.
    CompletionSource completion_source() const;
    std::vector<std::string> region_names() const;
    std::vector<std::string> profile_names() const;
    // Recomputes findings for the snapshot at the current time.
    void evaluate();
    // The tab labels for a terminal width (short names when narrow).
    std::vector<TabItem> tabs(int width) const;
    // Opens a dialog a screen asked for.
    void open_dialog(const DialogRequest& request);
    // Handles a key while a dialog is open; runs what its answer asks for.
    Flags dialog_key(const widgets::KeyEvent& event);
    // Applies what a screen command asked for besides its flags.
    Flags apply(Effects& fx);
    // Opens a wizard (start or resume) and shows it.
    Flags open_wizard(const WizardRequest& request);
    // Offers to resume an unfinished wizard (at start, and :resume).
    Flags offer_resume(const std::string& id);
    // The index of a screen by id or alias; screens.size() when none.
    std::size_t index_of(std::string_view name) const;
    // Whether a wizard is open and not finished.
    bool wizard_open() const;
    // What the `:` prompt lists before anything is typed.
    std::string command_hint_text() const;
    // Sets the footer message.
    void say(std::string text, bool error);
};

}  // namespace vd::tui
