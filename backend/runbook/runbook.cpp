#include "backend/runbook/runbook.hpp"

#include "backend/core/enum_names.hpp"

namespace vd::runbook {
namespace {

constexpr EnumNames<StepKind, 13> kStepNames{{
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

constexpr EnumNames<RunbookKind, 3> kRunbookNames{{
    {RunbookKind::Restore, "restore"},
    {RunbookKind::Drill, "drill"},
    {RunbookKind::Checklist, "checklist"},
}};

constexpr EnumNames<RestoreMethod, 3> kMethodNames{{
    {RestoreMethod::AwsBackup, "aws-backup"},
    {RestoreMethod::Pitr, "pitr"},
    {RestoreMethod::Snapshot, "snapshot"},
}};

}  // namespace

const char* restore_method_name(RestoreMethod m) { return enum_name(kMethodNames, m); }
std::optional<RestoreMethod> parse_restore_method(std::string_view text) { return parse_enum(kMethodNames, text); }
const char* runbook_kind_name(RunbookKind k) { return enum_name(kRunbookNames, k); }
std::optional<RunbookKind> parse_runbook_kind(std::string_view text) { return parse_enum(kRunbookNames, text); }
const char* step_kind_name(StepKind k) { return enum_name(kStepNames, k); }
std::optional<StepKind> parse_step_kind(std::string_view text) { return parse_enum(kStepNames, text); }

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
