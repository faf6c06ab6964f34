// The contract between the console and its screens. A screen draws only
// from the snapshot (plus the findings and audit rows derived from it) and
// its own view state, and turns commands (from the keymap) into changes of
// that view state, reporting what the app loop has to do as flags.
//
// Threading: screens run on the UI thread only; they never call curses
// (they draw on a Canvas) and never call into the poller.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/health/finding.hpp"
#include "backend/poll/snapshot.hpp"
#include "backend/runbook/audit_log.hpp"
#include "widgets/canvas.hpp"
#include "widgets/input.hpp"
#include "widgets/keymap.hpp"
#include "widgets/theme.hpp"

namespace vd::tui {

// What a handler asks the loop to do, combinable as a bit mask.
enum Flag : unsigned {
    kNone = 0,
    kHandled = 1u << 0,  // the event was consumed
    kRedraw = 1u << 1,   // the body changed
    kRefetch = 1u << 2,  // ask the poller for fresh data now
    kQuit = 1u << 3,     // leave the console
    kChrome = 1u << 4,   // the header, tabs or footer changed
};
using Flags = unsigned;

// Which accounts and regions the screens show (`:profile`, `:region`).
struct Scope {
    std::string profile;  // empty: every profile
    std::string region;   // empty: every region

    // True when the region data is inside this scope.
    bool includes(const poll::RegionData& data) const;
};

// Everything a screen may read while drawing or handling a command.
struct ScreenContext {
    const poll::Snapshot* snapshot = nullptr;
    poll::SnapshotPtr shared;  // the same snapshot, for row sources that outlive a frame
    const std::vector<health::Finding>* findings = nullptr;
    std::function<Result<runbook::AuditReadResult>()> read_audit;  // reads the audit log, newest first
    TimePoint now{};
    const widgets::Theme* theme = nullptr;
    Scope scope;
    bool read_only = false;
    std::chrono::seconds rto_target{4 * 3600};  // from the configuration

    // The account and region data inside the scope.
    std::vector<const poll::RegionData*> regions() const;
    // The findings inside the scope.
    std::vector<const health::Finding*> scoped_findings() const;
};

// A wizard a screen asks the console to open: a runbook seeded with
// values, or a saved wizard to resume.
struct WizardRequest {
    std::string runbook;                        // start this runbook...
    std::map<std::string, std::string> inputs;  // ...with these values
    std::string resume_id;                      // or resume this wizard
};

// A dialog a screen asks the console to show: a message, a yes/no question
// or a typed confirmation; on_accept runs on the UI thread once it is
// accepted (with what was typed) and returns flags for the loop.
struct DialogRequest {
    enum class Kind { Message, Confirm, TypedConfirm, Choice };
    Kind kind = Kind::Message;
    std::string title;
    std::vector<std::string> lines;
    std::string expected;                // typed confirm: what must be typed
    std::string yes_label = "Yes";       // confirm buttons
    std::string no_label = "No";
    bool default_yes = false;            // confirm: Enter answers yes (safe, expected answers only)
    std::function<Flags(const std::string& typed)> on_accept;
    std::vector<std::pair<std::string, WizardRequest>> choices;  // choice: each option and the wizard it opens
};

// Side effects a command may ask for besides the flags.
struct Effects {
    std::optional<DialogRequest> dialog;
    std::string message;  // a one-line notice for the footer
    bool message_is_error = false;
    std::optional<WizardRequest> wizard;
    std::string clipboard;  // text to copy to the terminal's clipboard (OSC 52)
};

// One screen of the console.
class Screen {
public:
    virtual ~Screen() = default;

    // The command-line name (":rp") and the name on the tab ("Recovery points").
    virtual std::string_view id() const = 0;
    virtual std::string_view title() const = 0;
    // A short tab name for narrow terminals ("Points").
    virtual std::string_view short_title() const { return title(); }
    // Other names the command line accepts (":points" for ":rp").
    virtual std::vector<std::string_view> aliases() const { return {}; }
    // Called when the screen is shown and when the operator refreshes:
    // the place to read what the snapshot does not carry (the audit log).
    virtual void on_enter(const ScreenContext& ctx) { (void)ctx; }
    // Whether the screen has a tab now (the wizard's appears once one is open).
    virtual bool listed() const { return true; }

    // The keys this screen adds to the global ones (footer and help).
    virtual std::vector<widgets::KeyBinding> bindings() const = 0;
    // Every command the screen can run in any of its states, for checking
    // the configuration's [keys]: by default, those of bindings().
    virtual std::vector<std::string> commands() const;

    // Draws the screen's body. Drawing may update the view state that
    // depends on the data and the size (rows rebuilt for a new snapshot,
    // the scroll position, where the table is for the mouse).
    virtual void render(const ScreenContext& ctx, widgets::Canvas& canvas) = 0;

    // Runs a keymap command ("down", "sort-next", "details"...).
    virtual Flags command(const ScreenContext& ctx, std::string_view name, Effects& fx) = 0;

    // Handles a mouse event at body coordinates (click selects, wheel scrolls).
    virtual Flags mouse(const ScreenContext& ctx, const widgets::MouseEvent& event, Effects& fx);

    // The text filter (`/`), for screens that filter; empty when none.
    virtual bool filterable() const { return false; }
    virtual void set_filter(std::string text) { (void)text; }
    virtual std::string filter() const { return {}; }

    // True while the screen takes every key itself (a field being edited);
    // the console then sends keys to input() instead of the keymap.
    virtual bool capturing() const { return false; }
    virtual Flags input(const ScreenContext& ctx, const widgets::KeyEvent& event, Effects& fx) {
        (void)ctx, (void)event, (void)fx;
        return kNone;
    }
    // What the footer shows while capturing ("Enter saves · Esc cancels").
    virtual std::string capture_hint() const { return {}; }

    // Closes a detail pane or similar; false when there was nothing to close.
    virtual bool back() { return false; }

    // The full ARN of the selected item (`y` copies it); empty when none.
    virtual std::string selected_arn(const ScreenContext& ctx) {
        (void)ctx;
        return {};
    }
};

// The screens in tab order (1..9: the wizard is the last).
std::vector<std::unique_ptr<Screen>> make_screens();

}  // namespace vd::tui
