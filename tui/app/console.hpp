// The console without a terminal: the screens, the keymap, the command line,
// the filter prompt, the help overlay and dialogs, and how all of it is laid
// out and drawn on a Canvas. The curses loop (app.hpp) feeds it keys and
// snapshots and draws it into windows; `vaultdeck render` and the tests draw
// it on a MemoryCanvas. UI thread only.
//
// Usage:
//   Console console(options);
//   console.set_snapshot(poller.snapshot());
//   Flags f = console.handle(KeyEvent::character(U'j'));
//   console.draw(canvas);   // or draw_header/draw_tabs/draw_body/draw_footer
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/health/finding.hpp"
#include "backend/poll/snapshot.hpp"
#include "backend/runbook/engine.hpp"
#include "backend/runbook/wizard_state.hpp"
#include "tui/screens/screen.hpp"
#include "tui/screens/wizard_runner.hpp"
#include "widgets/canvas.hpp"
#include "widgets/input.hpp"
#include "widgets/keymap.hpp"
#include "widgets/theme.hpp"

namespace vd::tui {

// The smallest terminal the console draws in.
inline constexpr int kMinWidth = 80;
inline constexpr int kMinHeight = 24;

// How the console opens runbook wizards; with empty functions it cannot.
struct WizardLauncher {
    using EngineResult = Result<std::unique_ptr<runbook::Engine>>;
    // Starts a runbook seeded with values (resource, recovery_point_arn, region...).
    std::function<EngineResult(const std::string& runbook, const runbook::Variables& inputs)> start;
    // Continues a saved wizard.
    std::function<EngineResult(const std::string& wizard_id)> resume;
    // The saved wizards this console can continue, newest first.
    std::function<std::vector<runbook::WizardSummary>()> unfinished;
    // The runbook names `:restore` completes.
    std::function<std::vector<std::string>()> runbooks;
    WizardRunnerOptions runner;  // wake-up, wait polling, demo
};

// What the console is built from.
struct ConsoleOptions {
    bool read_only = false;
    std::map<std::string, std::string> key_overrides;  // command -> key, from the configuration
    std::shared_ptr<const Clock> clock;                 // empty: the system clock
    // Health findings for a snapshot (the health model); empty: none.
    std::function<std::vector<health::Finding>(const poll::Snapshot&, TimePoint)> evaluate;
    // Set: findings are computed on a worker thread, which calls this when a
    // set is ready (the loop then calls take_findings). Empty: computed at
    // once on the caller's thread (one-frame renders, tests).
    std::function<void()> findings_ready;
    // Reads the audit log, newest first; empty: none.
    std::function<Result<runbook::AuditReadResult>()> load_audit;
    // Opens wizards (Enter on a recovery point, :restore, :drill, :resume).
    WizardLauncher wizards;
    std::string initial_screen = "dashboard";
    std::chrono::seconds rto_target{4 * 3600};  // the configuration's RTO, for the Drills screen
};

// Where each part of the frame goes for a terminal size.
struct Layout {
    widgets::Rect header;  // row 0: account, region, badges, data age
    widgets::Rect tabs;    // row 1: the screens
    widgets::Rect body;    // the active screen
    widgets::Rect footer;  // last row: keys, prompt or message
    bool too_small = false;
};

// The layout for a terminal of `width` x `height`.
Layout layout_for(int width, int height);

class Console {
public:
    Console(ConsoleOptions options, widgets::Theme theme);
    ~Console();
    Console(const Console&) = delete;
    Console& operator=(const Console&) = delete;

    // Shows a new snapshot: recomputes findings and marks the body dirty.
    void set_snapshot(poll::SnapshotPtr snapshot);
    // Re-reads time-dependent data (findings once a minute, the audit log)
    // and polls a waiting wizard when due; call once a second.
    void tick();
    // True once after the wizard published a new view (the loop redraws).
    bool take_wizard_update();
    // True once after findings computed in the background were taken in.
    bool take_findings();
    // True while a wizard is open and has not finished.
    bool wizard_running() const;

    // Handles one key or mouse event (mouse at terminal coordinates).
    Flags handle(const widgets::KeyEvent& event);
    // Switches to a screen by id or alias; false when unknown.
    bool show_screen(std::string_view id);

    // Draws the whole frame (render command, tests, the too-small screen).
    void draw(widgets::Canvas& canvas);
    void draw_header(widgets::Canvas& row);
    void draw_tabs(widgets::Canvas& row);
    void draw_body(widgets::Canvas& body);
    void draw_footer(widgets::Canvas& row);
    // Draws the "terminal too small" screen.
    void draw_too_small(widgets::Canvas& canvas);

    // Text that changes exactly when the header, tabs or footer would look
    // different: the loop redraws a chrome row only when its key changes.
    std::string header_key() const;
    std::string tabs_key() const;
    std::string footer_key(int width) const;

    // True while the command line or the filter prompt is being typed in.
    bool editing() const;
    // Where a field in the body (a dialog's or the wizard's) wants the
    // terminal cursor, relative to the body; the loop puts it there last.
    std::optional<std::pair<int, int>> body_cursor() const;
    // Text queued for the clipboard by `y` (taken once).
    std::string take_clipboard();
    // A full-terminal repaint was asked for (Ctrl-L), taken once.
    bool take_repaint();

    // The bindings that work now: the active screen's, navigation, global.
    const std::vector<widgets::KeyBinding>& bindings() const;
    // The active screen.
    const Screen& screen() const;
    // The findings of the current snapshot.
    const std::vector<health::Finding>& findings() const;
    // The snapshot shown.
    const poll::SnapshotPtr& snapshot() const;
    // Shows a one-line notice in the footer (errors from the loop).
    void notify(std::string message);
    // Extra text at the right of the footer (the --stats byte counter).
    void set_footer_extra(std::string text);

    // The console's state (console_impl.hpp), for its own files and the
    // command table (console_commands.hpp).
    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace vd::tui
