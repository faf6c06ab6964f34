// Drill and restore reports, Markdown for people and JSON for vaultdeck:
// the recovery point used and its age at restore time (the achieved RPO),
// restore start and end (the measured RTO) against the runbook's targets,
// each check's result, the cleanup result, and a verdict. The JSON files are
// read back as poll::DrillRecord for the Drills screen and the health model.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/poll/snapshot.hpp"
#include "backend/runbook/runbook.hpp"
#include "backend/runbook/wizard_state.hpp"

namespace vd::runbook {

struct ReportStep {
    std::string id;
    std::string title;
    std::string kind;
    std::string status;
    std::string message;
};

struct DrillReport {
    std::string wizard_id;
    std::string runbook;
    std::string runbook_title;
    std::string kind;           // drill, restore, checklist
    std::string outcome;        // completed, failed, aborted, in progress
    std::string who;
    std::string account;
    std::string profile;
    std::string region;
    std::string resource;       // the source resource ARN (or identifier)
    std::string source;         // the source instance identifier
    std::string target;         // the restored (temporary) instance
    std::string method;         // aws-backup, pitr, snapshot
    std::string recovery_point; // ARN, snapshot identifier, or the PITR time
    std::optional<TimePoint> recovery_point_created;
    std::string restore_job_id;
    std::optional<TimePoint> restore_started;
    std::optional<TimePoint> restore_finished;
    std::optional<TimePoint> switched_at;  // when the operator recorded the application switch-over
    std::optional<double> rto_seconds;  // restore start to available
    std::optional<double> rpo_seconds;  // age of the data at restore start
    std::optional<double> rto_target_seconds;
    std::optional<double> rpo_target_seconds;
    std::vector<CheckResult> checks;
    int checks_passed = 0;
    std::string cleanup;        // deleted, failed: ..., skipped, not run, dry run
    bool cleanup_ok = false;
    std::string validation;     // PutRestoreValidationResult outcome, when one was sent
    bool dry_run = false;
    bool passed = false;
    std::vector<std::string> reasons;  // why it did not pass
    std::vector<ReportStep> steps;
    TimePoint written;
};

// The report of a wizard as it stands.
DrillReport build_report(const Runbook& runbook, const WizardState& state, TimePoint now);

// The Markdown text and the JSON object of a report.
std::string report_markdown(const DrillReport& report);
nlohmann::ordered_json report_json(const DrillReport& report);

struct ReportFiles {
    std::filesystem::path markdown;
    std::filesystem::path json;
};

// Writes <dir>/<wizard-id>.md and .json (0600, atomically).
Result<ReportFiles> write_report_files(const DrillReport& report, const std::filesystem::path& dir);

// One drill record from a report's JSON (report_path is the JSON file).
Result<poll::DrillRecord> drill_record_from_json(const nlohmann::json& j, const std::string& report_path);

// The drill records of every drill report in dir, newest first; reports of
// restores and unreadable files are left out.
std::vector<poll::DrillRecord> read_drill_records(const std::filesystem::path& dir);

}  // namespace vd::runbook
