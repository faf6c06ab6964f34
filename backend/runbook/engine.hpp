// The runbook engine: a state machine over a runbook's steps (pending,
// current, done, failed, skipped) with Next, Back, Skip (only where the
// runbook allows) and Abort. The wizard screen drives it key by key; the
// drill runner drives it headless. The engine is what makes the rules hold:
//   - nothing changes AWS before a confirm step was passed with the target's
//     identifier typed (mutating steps before that are refused);
//   - every mutating call is written to the audit log before it is sent and
//     after it returns;
//   - the state is saved after every step, and the idempotency token before
//     the restore is sent; on resume, the engine first looks for the job it
//     may already have started, so a crash never leads to a second restore;
//   - in read-only mode every mutating step is a dry run showing the call.
// Threading: one engine is used by one thread at a time (the UI thread, or a
// worker the UI hands a long step to); it calls no callbacks.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/config/config.hpp"
#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/model/rds.hpp"
#include "backend/runbook/audit_log.hpp"
#include "backend/runbook/command_runner.hpp"
#include "backend/runbook/restore_backend.hpp"
#include "backend/runbook/runbook.hpp"
#include "backend/runbook/sql_runner.hpp"
#include "backend/runbook/template.hpp"
#include "backend/runbook/wizard_state.hpp"

namespace vd::runbook {

struct EngineOptions {
    std::shared_ptr<RestoreBackend> backend;  // the session's region (required)
    BackendFactory backend_for_region;        // other regions; empty: only the default one
    std::shared_ptr<AuditLog> audit;          // default: default_audit_path()
    std::shared_ptr<const Clock> clock;       // default: the system clock
    std::filesystem::path wizard_dir;         // default: default_wizard_dir()
    std::filesystem::path report_dir;         // default: xdg_state_home()/drills (or /restores)
    bool read_only = false;
    bool auto_confirm = false;                // recorded in the state (headless --yes)
    config::Prices prices;                    // for the confirm step's cost estimate
    std::string database_url = config::RestoreSettings{}.database_url;  // the switch-over's DATABASE_URL template
    std::shared_ptr<SqlRunner> sql;           // default: libpq
    std::shared_ptr<CommandRunner> commands;  // default: fork/exec
    // Tests only: called at named points ("restore:token-saved",
    // "restore:sent", "step:<id>"); returning true stops the engine there as
    // if the process had been killed (nothing more is written).
    std::function<bool(std::string_view point)> interrupt_at;
};

// One row of the wizard's left rail.
struct StepView {
    std::string id;
    std::string title;
    StepKind kind = StepKind::Info;
    StepStatus status = StepStatus::Pending;
    bool skippable = false;
    bool mutating = false;
    std::string message;
};

// A recovery point or DB snapshot offered by choose-recovery-point.
struct RecoveryPointChoice {
    std::string id;              // recovery point ARN, or snapshot identifier
    std::string kind;            // recovery-point, db-snapshot
    std::string resource;        // resource ARN or source instance
    std::string resource_type;
    std::string vault;           // vault name, or the snapshot type
    std::string status;          // COMPLETED, available, ...
    std::string storage_class;
    std::optional<TimePoint> created;
    std::optional<TimePoint> expires;
    std::optional<int64_t> size_bytes;
    std::string iam_role_arn;
    std::string source_region;   // cross-region copies
    bool usable = false;         // COMPLETED / available
};

// One input of the current form step, with its value or expanded default.
struct FieldView {
    std::string name;
    std::string label;
    std::string value;
    std::string help;
    bool required = false;
    std::string origin;  // where the value came from: "from prod-db", "AWS default", "you", ...
};

// The last poll of a wait step.
struct WaitProgress {
    std::string state;        // PENDING, RUNNING, creating, available, ...
    std::string percent;      // "42" when AWS says so
    Seconds elapsed{0};
    std::optional<Seconds> rto_target;
    bool done = false;
};

// What Next did.
struct Advance {
    bool moved = false;         // the current step changed (or the wizard finished)
    StepStatus status = StepStatus::Current;  // of the step Next ran
    std::string message;
};

class Engine {
public:
    virtual ~Engine() = default;

    virtual const Runbook& runbook() const = 0;
    virtual const WizardState& state() const = 0;
    virtual size_t current_index() const = 0;
    virtual const Step& current_step() const = 0;
    virtual std::vector<StepView> rail() const = 0;
    virtual bool finished() const = 0;
    virtual bool read_only() const = 0;
    // The variables templates see now (values, time, region...).
    virtual Variables variables() const = 0;
    // A text with its variables filled in; unknown ones stay as written.
    virtual std::string display(const std::string& text) const = 0;

    // choose-recovery-point: the candidates, usable ones first, newest first.
    virtual Result<std::vector<RecoveryPointChoice>> recovery_point_choices() = 0;
    virtual Status choose_recovery_point(const std::string& id) = 0;
    // choose-time: the window, and the choice ("latest" or ISO 8601).
    virtual Result<model::PitrWindow> pitr_window() = 0;
    virtual Status choose_time(const std::string& text) = 0;
    // form: the fields with their current values.
    virtual std::vector<FieldView> form_fields() const = 0;
    virtual Status set_field(const std::string& name, const std::string& value) = 0;
    // checklist: tick (or untick) an item, with an optional note.
    virtual Status tick(size_t item, bool checked, const std::string& note = {}) = 0;
    // confirm and cleanup: what must be typed, and what was typed.
    virtual std::string expected_confirmation() const = 0;
    virtual Status type_confirmation(const std::string& text) = 0;
    // command: the full command line, and the operator's go-ahead.
    virtual std::string command_text() const = 0;
    virtual Status approve_command() = 0;
    // restore and cleanup: the exact call the step will make (or would, read-only).
    virtual Result<ApiCall> planned_call() = 0;
    // wait: the last poll.
    virtual std::optional<WaitProgress> wait_progress() const = 0;

    // Runs the current step (a wait step polls once) and moves on when it is done.
    virtual Result<Advance> next() = 0;
    // Goes back one step; refused across a step that changed AWS.
    virtual Status back() = 0;
    // Skips the current step when the runbook allows it.
    virtual Status skip() = 0;
    // Stops the wizard; what was restored stays (the message says so).
    virtual Result<std::string> abort() = 0;
    // Writes the report now (also when the wizard stopped early); the Markdown path.
    virtual Result<std::string> write_report() = 0;
};

// Starts a new wizard over a lint-clean runbook; inputs seed the values
// (resource, source, target...).
Result<std::unique_ptr<Engine>> start_engine(const Runbook& runbook, const Variables& inputs, EngineOptions options);

// Continues a saved wizard (its own copy of the runbook text is used).
Result<std::unique_ptr<Engine>> resume_engine(const WizardState& state, EngineOptions options);

// xdg_state_home()/drills and xdg_state_home()/restores.
std::filesystem::path default_drill_report_dir();
std::filesystem::path default_restore_report_dir();

// Whether an identifier is a valid new RDS instance identifier.
bool valid_instance_identifier(std::string_view id);

}  // namespace vd::runbook
