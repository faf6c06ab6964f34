// A runbook: a named, ordered list of steps read from a TOML file (or built
// into the binary). These are plain values; runbook_parser.hpp reads them and
// lint.hpp checks them, the engine (engine.hpp) walks them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/clock.hpp"

namespace vd::runbook {

enum class RunbookKind { Restore, Drill, Checklist };

enum class StepKind {
    Info,
    Checklist,
    ChooseRecoveryPoint,
    ChooseTime,
    Form,
    Preflight,
    Confirm,
    Restore,
    Wait,
    SqlCheck,
    Command,
    Cleanup,
    Report,
};

// How a restore step restores: from an AWS Backup recovery point
// (StartRestoreJob), to a point in time, or from an RDS snapshot.
enum class RestoreMethod { AwsBackup, Pitr, Snapshot };

// "restore", "drill", "checklist".
const char* runbook_kind_name(RunbookKind k);
std::optional<RunbookKind> parse_runbook_kind(std::string_view text);
// "choose-recovery-point" and so on, as written in runbook files.
const char* step_kind_name(StepKind k);
std::optional<StepKind> parse_step_kind(std::string_view text);
// "aws-backup", "pitr", "snapshot", as written in runbook files.
const char* restore_method_name(RestoreMethod m);
std::optional<RestoreMethod> parse_restore_method(std::string_view text);
// Whether a step of this kind changes AWS (restore, cleanup).
bool is_mutating(StepKind k);

struct Step;

// What the runbook format knows of one step kind, in one table: its name in
// files, the keys it takes beyond the common ones (kind, id, title, text,
// skippable, on_failure), whether it changes AWS, and its parameters on one
// line (`runbook show`). The engine runs a kind (EngineImpl::run_step) and
// the wizard screen shows it (wizard_steps.cpp); tests check that both
// handle every kind of this table.
struct StepKindInfo {
    StepKind kind;
    const char* name;
    std::vector<std::string> keys;
    bool mutating = false;
    std::string (*details)(const Step& step) = nullptr;
};

// Every step kind, in the order the format documents them.
const std::vector<StepKindInfo>& step_kinds();
const StepKindInfo& step_kind_info(StepKind k);

// Where something stands in the runbook file (1-based; 0 when unknown).
struct SourceLine {
    int line = 0;
    int column = 0;
};

struct ChecklistItem {
    std::string text;
    SourceLine where;
};

// One input of a form step; the value lands in the wizard's values under name.
struct FormField {
    std::string name;           // target, instance_class, subnet_group, security_groups, ...
    std::string label;
    std::string default_value;  // a template: "{source}-restore-{yyyymmdd}"
    std::string help;
    bool required = false;
    SourceLine where;
};

// One query of a sql-check step and what its single value must be.
struct SqlCheckSpec {
    std::string name;
    std::string query;
    std::string expect;  // ">= 1", "== 42", "== source", "== 'text'"
    SourceLine where;
};

// What a step does when it fails: stop the wizard there, or record the
// failure and go on (a drill still cleans up and reports).
enum class OnFailure { Stop, Continue };

// One step. Only the fields of its kind are used; the rest keep defaults.
struct Step {
    StepKind kind = StepKind::Info;
    std::string id;     // unique within the runbook; defaults to "<kind>-<n>"
    std::string title;
    std::string text;   // shown above the step's inputs (info: the whole step)
    bool skippable = false;
    OnFailure on_failure = OnFailure::Stop;
    SourceLine where;                         // the step's table
    std::map<std::string, SourceLine> lines;  // each key given in the file

    // checklist
    std::vector<ChecklistItem> items;

    // choose-recovery-point: from "backup" (recovery points) or "rds-snapshots"
    std::string from = "backup";
    std::string resource_type;  // RDS, Aurora, ...
    std::string resource;       // template: "{resource}"
    std::string vault;          // template
    std::string snapshot_type;  // rds-snapshots: manual, automated, awsbackup...

    // choose-time: "latest", "-1h" (before the latest restorable time) or ISO 8601
    std::string default_time = "latest";

    // form
    std::vector<FormField> fields;

    // preflight: target-identifier-free, recovery-point-completed, not-expiring-within-1h,
    // pitr-time-in-window, iam-role-present, not-read-only
    std::vector<std::string> checks;

    // confirm: what the operator must type (a template)
    std::string expect = "{target}";

    // restore: how (none when the file names no known method); extra
    // StartRestoreJob metadata (templates)
    std::optional<RestoreMethod> method;
    std::map<std::string, std::string> metadata;

    // wait (also the command timeout)
    Seconds timeout{7200};
    Seconds interval{15};

    // sql-check: connection parameters (templates; empty: libpq's defaults) and queries
    std::string database;
    std::string user;
    std::string sslmode;
    std::vector<SqlCheckSpec> sql_checks;

    // command: argv without a shell, or one command line for /bin/sh -c
    std::vector<std::string> argv;
    std::string command;
    bool shell = false;
};

struct Runbook {
    std::string name;   // restore-from-backup
    std::string title;
    std::string description;
    RunbookKind kind = RunbookKind::Restore;
    std::optional<Seconds> rto_target;  // restore start to available
    std::optional<Seconds> rpo_target;  // age of the restored data
    std::vector<Step> steps;
    std::string origin;  // "built-in" or the file it came from
    std::string source;  // the TOML text, kept so a resumed wizard runs what it started
    SourceLine where_name;
    SourceLine where_kind;
    size_t step_tables = 0;  // [[steps]] tables in the file, readable or not
};

// The names every template may use besides form fields: source, resource,
// region, account, wizard, runbook, target, yyyymmdd, yyyymmddhhmm, ...
const std::vector<std::string>& builtin_variables();

}  // namespace vd::runbook
