// The Console's private state, shared by console.cpp (events) and
// console_draw.cpp (drawing). Not for other files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tui/app/chrome.hpp"
#include "widgets/dialog.hpp"
#include "widgets/help_overlay.hpp"
#include "widgets/tabs.hpp"
#include "tui/app/console.hpp"

namespace vd::tui {

struct Console::Impl {
    enum class Mode { Normal, Command, Filter, Help, Dialog, ConfirmQuit };

    ConsoleOptions options;
    widgets::Theme theme;
    std::shared_ptr<const Clock> clock;
    std::vector<std::unique_ptr<Screen>> screens;
    std::size_t active = 0;
    std::vector<std::size_t> history;  // screens to go back to with Esc

    poll::SnapshotPtr snapshot;
    std::vector<health::Finding> findings;
    std::vector<runbook::AuditEntry> audit;
    std::string audit_problem;
    TimePoint findings_at{};
    Scope scope;

    Mode mode = Mode::Normal;
    std::string input;          // the command line or filter being typed
    std::string filter_before;  // restored when the filter prompt is cancelled
    std::vector<std::string> candidates;
    std::string message;
    bool message_is_error = false;
    std::optional<widgets::Dialog> dialog;
    std::optional<widgets::HelpOverlay> help;
    widgets::Tabs tab_row{{}};
    std::string clipboard;
    bool repaint = false;
    std::string footer_extra;
    std::vector<widgets::KeyBinding> bindings;
    int width = kMinWidth;  // the terminal width last drawn at (tab hit testing)

    Impl(ConsoleOptions o, widgets::Theme t);

    // The context screens draw and handle commands with.
    ScreenContext context() const;
    // Recomputes the active bindings (screen keys, navigation, global).
    void rebind();
    // Switches to screen `index`, remembering the current one for Esc.
    Flags switch_to(std::size_t index);
    // Runs a keymap command in normal mode.
    Flags run(const std::string& command);
    // Runs a `:` command line.
    Flags execute_command_line();
    // Handles a key while the command line or filter prompt is open.
    Flags edit(const widgets::KeyEvent& event);
    // Handles a mouse event at terminal coordinates.
    Flags mouse(const widgets::MouseEvent& event);
    // The names the command line completes.
    std::vector<std::string> region_names() const;
    std::vector<std::string> profile_names() const;
    // Recomputes findings for the snapshot at the current time.
    void evaluate();
    // The tab labels for a terminal width (short names when narrow).
    std::vector<TabItem> tabs(int width) const;
    // Reads the audit log again.
    void reload_audit();
    // Opens a message dialog.
    void open_dialog(const DialogRequest& request);
    // Sets the footer message.
    void say(std::string text, bool error);
};

}  // namespace vd::tui
