#include "backend/runbook/runbook.hpp"

#include <array>
#include <utility>

namespace vd::runbook {
namespace {

constexpr std::array<std::pair<StepKind, const char*>, 13> kStepNames{{
    {StepKind::Info, "info"},
    {StepKind::Checklist, "checklist"},
    {StepKind::ChooseRecoveryPoint, "choose-recovery-point"},
    {StepKind::ChooseTime, "choose-time"},
    {StepKind::Form, "form"},
    {StepKind::Preflight, "preflight"},
    {StepKind::Confirm, "confirm"},
    {StepKind::Restore, "restore"},
    {StepKind::Wait, "wait"},
    {StepKind::SqlCheck, "sql-check"},
    {StepKind::Command, "command"},
    {StepKind::Cleanup, "cleanup"},
    {StepKind::Report, "report"},
}};

constexpr std::array<std::pair<RunbookKind, const char*>, 3> kRunbookNames{{
    {RunbookKind::Restore, "restore"},
    {RunbookKind::Drill, "drill"},
    {RunbookKind::Checklist, "checklist"},
}};

constexpr std::array<std::pair<RestoreMethod, const char*>, 3> kMethodNames{{
    {RestoreMethod::AwsBackup, "aws-backup"},
    {RestoreMethod::Pitr, "pitr"},
    {RestoreMethod::Snapshot, "snapshot"},
}};

}  // namespace

// The file spelling of a restore method.
const char* restore_method_name(RestoreMethod m) {
    for (const auto& [method, name] : kMethodNames)
        if (method == m) return name;
    return "aws-backup";
}

// The restore method a file names, if it is one.
std::optional<RestoreMethod> parse_restore_method(std::string_view text) {
    for (const auto& [method, name] : kMethodNames)
        if (text == name) return method;
    return std::nullopt;
}

// The file spelling of a runbook kind.
const char* runbook_kind_name(RunbookKind k) {
    for (const auto& [kind, name] : kRunbookNames)
        if (kind == k) return name;
    return "restore";
}

// The runbook kind a file names, if it is one.
std::optional<RunbookKind> parse_runbook_kind(std::string_view text) {
    for (const auto& [kind, name] : kRunbookNames)
        if (text == name) return kind;
    return std::nullopt;
}

// The file spelling of a step kind.
const char* step_kind_name(StepKind k) {
    for (const auto& [kind, name] : kStepNames)
        if (kind == k) return name;
    return "info";
}

// The step kind a file names, if it is one.
std::optional<StepKind> parse_step_kind(std::string_view text) {
    for (const auto& [kind, name] : kStepNames)
        if (text == name) return kind;
    return std::nullopt;
}

// Restore and cleanup are the only steps that change AWS.
bool is_mutating(StepKind k) { return k == StepKind::Restore || k == StepKind::Cleanup; }

// Variables the engine always provides to templates.
const std::vector<std::string>& builtin_variables() {
    static const std::vector<std::string> names{
        "source", "resource", "resource_type", "region", "account", "wizard", "runbook", "target",
        "yyyy", "mm", "dd", "hh", "mi", "yyyymmdd", "yyyymmddhhmm", "date", "time",
        "recovery_point", "vault", "snapshot", "restore_time", "endpoint_host", "endpoint_port",
        "database", "profile", "db_name", "database_url",
    };
    return names;
}

}  // namespace vd::runbook
