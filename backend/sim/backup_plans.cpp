// AWS Backup: backup plans, their rules and selections, and restore testing plans.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "backend/sim/arns.hpp"
#include "backend/sim/backup_api.hpp"
#include "backend/sim/backup_json.hpp"
#include "backend/sim/cron.hpp"
#include "backend/sim/engine.hpp"
#include "backend/sim/listing.hpp"
#include "backend/sim/rest_json.hpp"

namespace vd::sim::backup {

using nlohmann::json;

namespace {

// The plan named by its id, or a ResourceNotFoundException.
Result<BackupPlan*> plan_with_id(Call& call, const std::string& id) {
    auto& plans = call.state().plans;
    auto it = plans.find(id);
    if (it == plans.end()) return not_found("Backup plan " + id + " was not found.");
    return &it->second;
}

// A whole number of days or minutes in a JSON member, when present.
Result<std::optional<int64_t>> optional_long(const json& j, const char* name, int64_t minimum) {
    if (!j.contains(name) || j[name].is_null()) return std::optional<int64_t>{};
    if (!j[name].is_number_integer() || j[name].get<int64_t>() < minimum) {
        return invalid_parameter(fmt::format("{} must be a whole number of at least {}.", name, minimum));
    }
    return std::optional<int64_t>(j[name].get<int64_t>());
}

// Reads one rule of a CreateBackupPlan request.
Result<BackupRule> parse_rule(Call& call, const json& r) {
    if (!r.is_object()) return invalid_parameter("Each rule must be an object.");
    BackupRule rule;
    rule.name = r.value("RuleName", "");
    rule.target_vault = r.value("TargetBackupVaultName", "");
    if (rule.name.empty()) return missing_parameter("RuleName is required in every rule.");
    if (rule.target_vault.empty()) return missing_parameter("TargetBackupVaultName is required in rule " + rule.name + ".");
    if (call.state().vaults.count(rule.target_vault) == 0) {
        return invalid_parameter("Rule " + rule.name + ": backup vault " + rule.target_vault + " does not exist.");
    }
    rule.id = call.ids.uuid();
    rule.schedule = r.value("ScheduleExpression", "");
    rule.timezone = r.value("ScheduleExpressionTimezone", "");
    if (!rule.schedule.empty()) {
        auto cron = parse_cron(rule.schedule, rule.timezone);
        if (!cron) return invalid_parameter("Rule " + rule.name + ": " + cron.error().message);
    }
    auto start = optional_long(r, "StartWindowMinutes", 60);
    if (!start) return start.error();
    rule.start_window_minutes = *start;
    auto completion = optional_long(r, "CompletionWindowMinutes", 60);
    if (!completion) return completion.error();
    rule.completion_window_minutes = *completion;
    if (r.contains("Lifecycle")) {
        auto lifecycle = parse_lifecycle(r["Lifecycle"], "in rule " + rule.name);
        if (!lifecycle) return lifecycle.error();
        rule.lifecycle = *lifecycle;
    }
    if (r.contains("RecoveryPointTags") && r["RecoveryPointTags"].is_object()) {
        for (const auto& [k, v] : r["RecoveryPointTags"].items()) rule.recovery_point_tags[k] = v.is_string() ? v.get<std::string>() : v.dump();
    }
    for (const auto& c : r.value("CopyActions", json::array())) {
        CopyAction action;
        action.destination_vault_arn = c.value("DestinationBackupVaultArn", "");
        if (action.destination_vault_arn.empty()) {
            return missing_parameter("DestinationBackupVaultArn is required in every copy action of rule " + rule.name + ".");
        }
        if (c.contains("Lifecycle")) {
            auto lifecycle = parse_lifecycle(c["Lifecycle"], "of a copy action in rule " + rule.name);
            if (!lifecycle) return lifecycle.error();
            action.lifecycle = *lifecycle;
        }
        rule.copy_actions.push_back(std::move(action));
    }
    rule.continuous = r.value("EnableContinuousBackup", false);
    return rule;
}

}  // namespace

Result<Lifecycle> parse_lifecycle(const json& j, const std::string& where) {
    if (!j.is_object()) return invalid_parameter("Lifecycle " + where + " must be an object.");
    Lifecycle lifecycle;
    auto cold = optional_long(j, "MoveToColdStorageAfterDays", 1);
    if (!cold) return cold.error();
    auto del = optional_long(j, "DeleteAfterDays", 1);
    if (!del) return del.error();
    lifecycle.cold_after_days = *cold;
    lifecycle.delete_after_days = *del;
    lifecycle.opt_in_to_archive = j.value("OptInToArchiveForSupportedResources", false);
    if (*cold && *del && **del < **cold + 90) {
        return invalid_parameter(fmt::format(
            "Invalid lifecycle {}: DeleteAfterDays ({}) must be at least 90 days greater than MoveToColdStorageAfterDays "
            "({}); a recovery point must stay in cold storage for at least 90 days.",
            where, **del, **cold));
    }
    return lifecycle;
}

Result<Reply> list_backup_plans(Call& call, const Labels&) {
    auto limit = max_results(call);
    if (!limit) return limit.error();
    auto start = page_start(call);
    if (!start) return start.error();
    json list = json::array();
    std::string next = page_through(call.state().plans, *start, *limit, [](const BackupPlan&) { return true; },
                                    [&](const BackupPlan& p) { list.push_back(plan_summary_json(p)); });
    json body = {{"BackupPlansList", list}};
    put_string(body, "NextToken", next);
    return Reply(body);
}

Result<Reply> get_backup_plan(Call& call, const Labels& labels) {
    auto plan = plan_with_id(call, labels[0]);
    if (!plan) return plan.error();
    BackupPlan& p = **plan;
    std::string version = string_param(call, "versionId");
    if (!version.empty() && version != p.version_id) return not_found("Version " + version + " of backup plan " + p.id + " was not found.");
    json rules = json::array();
    for (const auto& r : p.rules) rules.push_back(rule_json(r));
    json body = {{"BackupPlan", {{"BackupPlanName", p.name}, {"Rules", rules}}},
                 {"BackupPlanId", p.id},
                 {"BackupPlanArn", p.arn},
                 {"VersionId", p.version_id},
                 {"CreationDate", epoch_json(p.creation)}};
    put_string(body, "CreatorRequestId", p.creator_request_id);
    put_time(body, "LastExecutionDate", p.last_execution);
    if (auto preview = param(call.query, "MaxScheduledRunsPreview")) {
        auto count = max_results(call, "MaxScheduledRunsPreview", 10);
        if (!count) return count.error();
        std::multimap<TimePoint, const BackupRule*> runs;
        for (const auto& r : p.rules) {
            std::optional<TimePoint> t = call.now;
            for (int i = 0; r.cron && i < *count && (t = r.cron->next_after(*t)); ++i) runs.emplace(*t, &r);
        }
        json list = json::array();
        for (auto it = runs.begin(); it != runs.end() && static_cast<int>(list.size()) < *count; ++it) {
            list.push_back({{"ExecutionTime", epoch_json(it->first)},
                            {"RuleId", it->second->id},
                            {"RuleExecutionType", it->second->continuous ? "CONTINUOUS_AND_SNAPSHOTS" : "SNAPSHOTS"}});
        }
        body["ScheduledRunsPreview"] = list;
    }
    return Reply(body);
}

Result<Reply> create_backup_plan(Call& call, const Labels&) {
    auto body = json_body(call);
    if (!body) return body.error();
    if (!body->contains("BackupPlan") || !(*body)["BackupPlan"].is_object()) return missing_parameter("BackupPlan is required.");
    const json& input = (*body)["BackupPlan"];
    BackupPlan plan;
    plan.name = input.value("BackupPlanName", "");
    if (plan.name.empty()) return missing_parameter("BackupPlanName is required.");
    if (!input.contains("Rules") || !input["Rules"].is_array() || input["Rules"].empty()) {
        return missing_parameter("Rules is required and must name at least one rule.");
    }
    RegionState& state = call.state();
    for (const auto& [id, existing] : state.plans) {
        if (existing.name == plan.name) return api_error(400, "AlreadyExistsException", "Backup plan " + plan.name + " already exists.");
    }
    std::set<std::string> names;
    for (const auto& r : input["Rules"]) {
        auto rule = parse_rule(call, r);
        if (!rule) return rule.error();
        if (!names.insert(rule->name).second) return invalid_parameter("Rule name " + rule->name + " is used twice.");
        plan.rules.push_back(std::move(*rule));
    }
    plan.id = call.ids.uuid();
    plan.arn = plan_arn(call.region, call.account_id, plan.id);
    plan.version_id = call.ids.alnum(48);
    plan.creator_request_id = body->value("CreatorRequestId", "");
    plan.creation = call.now;
    if (auto scheduled = schedule_plan(plan, call.now); !scheduled) return invalid_parameter(scheduled.error().message);
    json reply = {{"BackupPlanId", plan.id},
                  {"BackupPlanArn", plan.arn},
                  {"CreationDate", epoch_json(plan.creation)},
                  {"VersionId", plan.version_id}};
    std::string id = plan.id;
    state.plans.emplace(id, std::move(plan));
    return Reply(reply);
}

Result<Reply> list_backup_selections(Call& call, const Labels& labels) {
    auto plan = plan_with_id(call, labels[0]);
    if (!plan) return plan.error();
    auto limit = max_results(call);
    if (!limit) return limit.error();
    auto start = page_start(call);
    if (!start) return start.error();
    json list = json::array();
    std::string next = page_through((*plan)->selections, *start, *limit, [](const BackupSelection&) { return true; },
                                    [&](const BackupSelection& s) {
                                        json item = {{"SelectionId", s.id},
                                                     {"SelectionName", s.name},
                                                     {"BackupPlanId", (*plan)->id},
                                                     {"CreationDate", epoch_json(s.creation)},
                                                     {"IamRoleArn", s.iam_role_arn}};
                                        put_string(item, "CreatorRequestId", s.creator_request_id);
                                        list.push_back(item);
                                    });
    json body = {{"BackupSelectionsList", list}};
    put_string(body, "NextToken", next);
    return Reply(body);
}

Result<Reply> get_backup_selection(Call& call, const Labels& labels) {
    auto plan = plan_with_id(call, labels[0]);
    if (!plan) return plan.error();
    auto it = (*plan)->selections.find(labels[1]);
    if (it == (*plan)->selections.end()) return not_found("Backup selection " + labels[1] + " was not found in plan " + labels[0] + ".");
    json body = {{"BackupSelection", selection_json(it->second)},
                 {"SelectionId", it->second.id},
                 {"BackupPlanId", (*plan)->id},
                 {"CreationDate", epoch_json(it->second.creation)}};
    put_string(body, "CreatorRequestId", it->second.creator_request_id);
    return Reply(body);
}

Result<Reply> list_restore_testing_plans(Call& call, const Labels&) {
    auto limit = max_results(call, "MaxResults");
    if (!limit) return limit.error();
    auto start = page_start(call, "NextToken");
    if (!start) return start.error();
    json list = json::array();
    std::string next = page_through(call.state().restore_testing_plans, *start, *limit,
                                    [](const RestoreTestingPlan&) { return true; },
                                    [&](const RestoreTestingPlan& p) { list.push_back(restore_testing_plan_json(p, false)); });
    json body = {{"RestoreTestingPlans", list}};
    put_string(body, "NextToken", next);
    return Reply(body);
}

Result<Reply> get_restore_testing_plan(Call& call, const Labels& labels) {
    auto& plans = call.state().restore_testing_plans;
    auto it = plans.find(labels[0]);
    if (it == plans.end()) return not_found("Restore testing plan " + labels[0] + " was not found.");
    return Reply(json{{"RestoreTestingPlan", restore_testing_plan_json(it->second, true)}});
}

}  // namespace vd::sim::backup
