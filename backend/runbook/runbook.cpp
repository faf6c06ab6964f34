#include "backend/runbook/runbook.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "backend/core/enum_names.hpp"
#include "backend/runbook/runbook_reader.hpp"

namespace vd::runbook {
namespace {

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
const char* step_kind_name(StepKind k) { return step_kind_info(k).name; }

std::optional<StepKind> parse_step_kind(std::string_view text) {
    for (const auto& info : step_kinds())
        if (text == info.name) return info.kind;
    return std::nullopt;
}

bool is_mutating(StepKind k) { return step_kind_info(k).mutating; }

namespace {

std::string no_details(const Step&) { return {}; }

std::string checklist_details(const Step& s) { return fmt::format("{} items", s.items.size()); }

std::string choose_details(const Step& s) {
    return s.from == "rds-snapshots" ? fmt::format("RDS snapshots of {}", s.resource)
                                     : fmt::format("recovery points of {}", s.resource.empty() ? "any resource" : s.resource);
}

std::string time_details(const Step& s) { return fmt::format("default {}", s.default_time); }

std::string form_details(const Step& s) {
    std::string names;
    for (const auto& f : s.fields) names += (names.empty() ? "" : ", ") + f.name;
    return names;
}

std::string preflight_details(const Step& s) { return fmt::format("{}", fmt::join(s.checks, ", ")); }

std::string confirm_details(const Step& s) { return fmt::format("type {}", s.expect); }

std::string restore_details(const Step& s) {
    return fmt::format("method {}", s.method ? restore_method_name(*s.method) : "none");
}

std::string wait_details(const Step& s) {
    return fmt::format("timeout {}, every {}", format_duration(s.timeout), format_duration(s.interval));
}

std::string sql_details(const Step& s) { return fmt::format("{} queries", s.sql_checks.size()); }

std::string command_details(const Step& s) {
    return s.shell ? fmt::format("sh -c {}", s.command) : fmt::format("{}", fmt::join(s.argv, " "));
}

std::string cleanup_details(const Step&) {
    return "DeleteDBInstance of the restored instance (an Aurora cluster: each instance, then DeleteDBCluster), "
           "SkipFinalSnapshot";
}

}  // namespace

const std::vector<StepKindInfo>& step_kinds() {
    static const std::vector<StepKindInfo> kKinds = {
        {StepKind::Info, "info", {}, false, no_details},
        {StepKind::Checklist, "checklist", {"items"}, false, checklist_details},
        {StepKind::ChooseRecoveryPoint, "choose-recovery-point", {"from", "resource_type", "resource", "vault", "snapshot_type"},
         false, choose_details},
        {StepKind::ChooseTime, "choose-time", {"default"}, false, time_details},
        {StepKind::Form, "form", {"fields"}, false, form_details},
        {StepKind::Preflight, "preflight", {"checks"}, false, preflight_details},
        {StepKind::Confirm, "confirm", {"expect"}, false, confirm_details},
        {StepKind::Restore, "restore", {"method", "metadata"}, true, restore_details},
        {StepKind::Wait, "wait", {"timeout", "interval"}, false, wait_details},
        {StepKind::SqlCheck, "sql-check", {"database", "user", "sslmode", "checks"}, false, sql_details},
        {StepKind::Command, "command", {"argv", "command", "shell", "timeout"}, false, command_details},
        {StepKind::Cleanup, "cleanup", {}, true, cleanup_details},
        {StepKind::Report, "report", {}, false, no_details},
    };
    return kKinds;
}

const StepKindInfo& step_kind_info(StepKind k) {
    for (const auto& info : step_kinds())
        if (info.kind == k) return info;
    return step_kinds().front();
}

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
