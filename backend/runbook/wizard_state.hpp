// The wizard's state on disk: which runbook (its full text), where it
// stands, every value chosen, each step's outcome, and the idempotency token
// of the restore. Saved atomically (0600) after every step and before any
// call that changes AWS, so `vaultdeck resume` can continue after a crash.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::runbook {

enum class StepStatus { Pending, Current, Done, Failed, Skipped };

// "pending", "current", "done", "failed", "skipped".
const char* step_status_name(StepStatus s);
std::optional<StepStatus> parse_step_status(std::string_view s);

// One named preflight check's verdict: pass, fail or warn.
struct PreflightResult {
    std::string name;
    std::string verdict;
    std::string detail;
};

// One SQL check's outcome.
struct CheckResult {
    std::string name;
    std::string query;
    std::string expect;
    std::string actual;                       // the value read from the restored instance
    std::optional<std::string> source_value;  // the value read from the source, for "source" expectations
    bool passed = false;
    std::string error;                        // connection or query error
};

// What happened in one step.
struct StepRecord {
    std::string id;
    StepStatus status = StepStatus::Pending;
    std::optional<TimePoint> started;
    std::optional<TimePoint> finished;
    std::string message;  // the last outcome, one line
    std::vector<bool> ticks;          // checklist
    std::vector<std::string> notes;   // checklist
    std::vector<PreflightResult> preflight;
    std::vector<CheckResult> checks;  // sql-check
    std::string output;               // command: captured output (capped)
    std::optional<int> exit_code;     // command
    std::string dry_run;              // read-only: the call it would have made
};

// Restore progress as saved, so resume knows whether a call may be out.
inline constexpr const char* kPhaseSending = "sending";  // token saved, call may have been sent
inline constexpr const char* kPhaseStarted = "started";  // the call succeeded (job id or instance known)

// What the wizard's restore left behind: the engine's own facts, typed.
// `values` keeps what templates read (what was chosen and fetched).
struct RestoreFacts {
    std::string attempt_at;  // ISO 8601: saved just before the restore is sent
    std::string target;      // the database the restore creates, once started
    bool cluster = false;    // it is an Aurora cluster (the writer instance follows)
    std::string method;      // aws-backup, pitr or snapshot, once started
    std::string job_id;      // AWS Backup's restore job, once started
    std::string started_at;  // ISO 8601: when it was started
    std::string finished_at; // ISO 8601: when the restored database became available
    bool dry_run = false;    // read-only: the call was shown and not sent
};

struct WizardState {
    int version = 1;
    std::string id;
    std::string runbook_name;
    std::string runbook_origin;
    std::string runbook_source;  // the TOML that was started
    TimePoint created;
    TimePoint updated;
    size_t current = 0;          // index of the current step
    std::vector<StepRecord> steps;
    std::map<std::string, std::string> values;  // everything chosen and fetched: the template variables
    RestoreFacts restored;
    std::string idempotency_token;              // of the restore, saved before it is sent
    std::string restore_phase;                  // "", sending, started
    std::string cleanup_phase;                  // "", sending, started
    bool read_only = false;
    bool auto_confirm = false;   // headless drill started with --yes
    bool finished = false;
    std::string outcome;         // completed, failed, aborted (when finished)
    std::string profile;
    std::string region;
    std::string report_dir;      // where the report goes (--report-dir or the default), kept for resume
};

// The database the wizard restores into: the one its restore started, else
// the form's target.
std::string restore_target(const WizardState& s);

// The JSON form, and back (errors for a file that is not a wizard state).
// The profile a resumed wizard asks for: the one named when it started
// (--profile or AWS_PROFILE), or empty for the default chain (credentials
// from the environment or a role); a state saved before this was recorded
// gives its resolved profile.
std::string resume_profile(const WizardState& s);

std::string wizard_state_to_json(const WizardState& s);
Result<WizardState> wizard_state_from_json(std::string_view text);

// xdg_state_home()/wizards.
std::filesystem::path default_wizard_dir();

// Writes dir/<id>.json atomically with mode 0600.
Status save_wizard_state(const WizardState& s, const std::filesystem::path& dir);
// Reads dir/<id>.json; the id must be a wizard id (no path parts).
Result<WizardState> load_wizard_state(const std::string& id, const std::filesystem::path& dir);

struct WizardSummary {
    std::string id;
    std::string runbook;
    TimePoint updated;
    bool finished = false;
    std::string outcome;
    std::string current_step;  // id of the current step
    std::string target;
};

// Every saved wizard, most recently updated first (unreadable files skipped).
std::vector<WizardSummary> list_wizards(const std::filesystem::path& dir);

// A new wizard id: 20261122-030405-1a2b3c.
std::string new_wizard_id(TimePoint now);
// Whether text is a well-formed wizard id.
bool valid_wizard_id(std::string_view id);
// A random UUID (version 4), for idempotency tokens.
std::string new_uuid();

}  // namespace vd::runbook
