// AWS Backup: backup jobs, their summaries, on-demand backups and copy jobs.
#include <fmt/format.h>

#include "backend/sim/backup_api.hpp"
#include "backend/sim/backup_json.hpp"
#include "backend/sim/jobs.hpp"
#include "backend/sim/listing.hpp"
#include "backend/sim/rest_json.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim::backup {

using nlohmann::json;

namespace {

constexpr std::initializer_list<const char*> kBackupJobStates = {"CREATED", "PENDING", "RUNNING", "ABORTING", "ABORTED",
                                                                  "COMPLETED", "FAILED", "EXPIRED", "PARTIAL"};

// The region states a ByAccountId filter covers: the caller's, another
// account's, or every account's for "*" / "ANY".
std::vector<RegionState*> states_for_account(Call& call, const std::string& account) {
    std::vector<RegionState*> out;
    if (account.empty() || account == call.account_id) {
        out.push_back(&call.state());
    } else if (account == "*" || account == "ANY") {
        for (auto& [id, regions] : call.world.accounts) {
            if (auto* s = call.world.find_region(id, call.region)) out.push_back(s);
        }
    } else if (auto* s = call.world.find_region(account, call.region)) {
        out.push_back(s);
    }
    return out;
}

// Pages through the jobs of one or more region states in listing order.
template <class Job, class Member, class Keep, class Emit>
std::string page_jobs(const std::vector<RegionState*>& states, Member member, const std::optional<std::string>& start,
                      int limit, Keep keep, Emit emit) {
    if (states.size() == 1) {
        const RegionState& s = *states[0];
        return page_through(s.*member, start, limit, keep, [&](const Job& j) { emit(j, s.account_id); });
    }
    std::map<std::string, std::pair<const Job*, const RegionState*>> merged;
    for (const RegionState* s : states) {
        for (const auto& [key, job] : s->*member) merged.emplace(key, std::make_pair(&job, s));
    }
    return page_through(
        merged, start, limit, [&](const auto& item) { return keep(*item.first); },
        [&](const auto& item) { emit(*item.first, item.second->account_id); });
}

// Reads the created/completed time filters shared by the job listings.
struct TimeFilters {
    std::optional<TimePoint> created_before, created_after, complete_before, complete_after;

    bool keep(TimePoint created, const std::optional<TimePoint>& completed) const {
        if (created_before && created >= *created_before) return false;
        if (created_after && created <= *created_after) return false;
        if (complete_before && (!completed || *completed >= *complete_before)) return false;
        if (complete_after && (!completed || *completed <= *complete_after)) return false;
        return true;
    }
};

Result<TimeFilters> time_filters(const Call& call) {
    TimeFilters f;
    const std::pair<const char*, std::optional<TimePoint>*> names[] = {{"createdBefore", &f.created_before},
                                                                        {"createdAfter", &f.created_after},
                                                                        {"completeBefore", &f.complete_before},
                                                                        {"completeAfter", &f.complete_after}};
    for (const auto& [name, slot] : names) {
        auto t = time_param(call, name);
        if (!t) return t.error();
        *slot = *t;
    }
    return f;
}

// The group a job is counted in by ListBackupJobSummaries, honouring AGGREGATE_ALL.
struct SummaryFilter {
    std::string account, state, type, category;

    static bool passes(const std::string& filter, const std::string& value) {
        return filter.empty() || filter == "ANY" || filter == "AGGREGATE_ALL" || filter == "*" || filter == value;
    }
    static std::string group(const std::string& filter, const std::string& value) {
        return filter == "AGGREGATE_ALL" ? "AGGREGATE_ALL" : value;
    }
};

}  // namespace

Result<Reply> list_backup_jobs(Call& call, const Labels&) {
    auto limit = max_results(call);
    if (!limit) return limit.error();
    auto start = page_start(call);
    if (!start) return start.error();
    auto times = time_filters(call);
    if (!times) return times.error();
    std::string state = string_param(call, "state");
    if (auto ok = check_enum(state, "ByState", kBackupJobStates); !ok) return ok.error();
    std::string resource_arn = string_param(call, "resourceArn");
    std::string vault = string_param(call, "backupVaultName");
    std::string type = string_param(call, "resourceType");
    std::string parent = string_param(call, "parentJobId");
    std::string category = string_param(call, "messageCategory");
    auto keep = [&](const BackupJob& j) {
        if (!state.empty() && j.state != state) return false;
        if (!resource_arn.empty() && j.resource_arn != resource_arn) return false;
        if (!vault.empty() && j.vault_name != vault) return false;
        if (!type.empty() && j.resource_type != type) return false;
        if (!parent.empty()) return false;
        if (!category.empty() && category != "AGGREGATE_ALL" && category != "*" && j.message_category != category) return false;
        return times->keep(j.creation, j.completion);
    };
    json list = json::array();
    std::string next = page_jobs<BackupJob>(states_for_account(call, string_param(call, "accountId")),
                                            &RegionState::backup_jobs, *start, *limit, keep,
                                            [&](const BackupJob& j, const std::string& account) {
                                                list.push_back(backup_job_json(j, account, call.now));
                                            });
    json body = {{"BackupJobs", list}};
    put_string(body, "NextToken", next);
    return Reply(body);
}

Result<Reply> list_backup_job_summaries(Call& call, const Labels&) {
    auto limit = max_results(call, "MaxResults");
    if (!limit) return limit.error();
    auto start = page_start(call, "NextToken");
    if (!start) return start.error();
    std::string period = string_param(call, "AggregationPeriod");
    if (auto ok = check_enum(period, "AggregationPeriod", {"ONE_DAY", "SEVEN_DAYS", "FOURTEEN_DAYS"}); !ok) return ok.error();
    if (period.empty()) period = "ONE_DAY";
    SummaryFilter f{string_param(call, "AccountId"), string_param(call, "State"), string_param(call, "ResourceType"),
                    string_param(call, "MessageCategory")};
    if (auto ok = check_enum(f.state, "State",
                             {"CREATED", "PENDING", "RUNNING", "ABORTING", "ABORTED", "COMPLETED", "FAILED", "EXPIRED",
                              "PARTIAL", "AGGREGATE_ALL", "ANY"});
        !ok) {
        return ok.error();
    }
    using namespace std::chrono;
    auto today = floor<days>(call.now);
    std::vector<std::pair<TimePoint, TimePoint>> windows;
    if (period == "ONE_DAY") {
        for (int d = 13; d >= 0; --d) windows.emplace_back(TimePoint(today - days(d)), TimePoint(today - days(d - 1)));
    } else {
        windows.emplace_back(call.now - days(period == "SEVEN_DAYS" ? 7 : 14), call.now);
    }
    std::string account_filter = f.account == "AGGREGATE_ALL" ? "ANY" : f.account;
    // (window, account, region, state, type, category) -> count
    std::map<std::tuple<size_t, std::string, std::string, std::string, std::string>, int64_t> counts;
    for (RegionState* s : states_for_account(call, account_filter)) {
        for (const auto& [key, job] : s->backup_jobs) {
            if (!SummaryFilter::passes(f.state, job.state) || !SummaryFilter::passes(f.type, job.resource_type) ||
                !SummaryFilter::passes(f.category, job.message_category)) {
                continue;
            }
            for (size_t w = 0; w < windows.size(); ++w) {
                if (job.creation < windows[w].first || job.creation >= windows[w].second) continue;
                counts[{w, SummaryFilter::group(f.account, s->account_id), SummaryFilter::group(f.state, job.state),
                        SummaryFilter::group(f.type, job.resource_type), SummaryFilter::group(f.category, job.message_category)}]++;
            }
        }
    }
    std::map<std::string, json> rows;
    for (const auto& [k, count] : counts) {
        const auto& [w, account, state, type, category] = k;
        json row = {{"Region", call.region},
                    {"AccountId", account},
                    {"State", state},
                    {"ResourceType", type},
                    {"Count", count},
                    {"StartTime", epoch_json(windows[w].first)},
                    {"EndTime", epoch_json(std::min(windows[w].second, call.now))}};
        put_string(row, "MessageCategory", category);
        rows.emplace(fmt::format("{:04d}|{}|{}|{}|{}", w, account, state, type, category), std::move(row));
    }
    json list = json::array();
    std::string next = page_through(rows, *start, *limit, [](const json&) { return true; }, [&](const json& r) { list.push_back(r); });
    json body = {{"BackupJobSummaries", list}, {"AggregationPeriod", period}};
    put_string(body, "NextToken", next);
    return Reply(body);
}

Result<Reply> describe_backup_job(Call& call, const Labels& labels) {
    BackupJob* job = find_backup_job(call.state(), labels[0]);
    if (job == nullptr) return not_found("Backup job " + labels[0] + " was not found.");
    return Reply(backup_job_json(*job, call.account_id, call.now));
}

Result<Reply> start_backup_job(Call& call, const Labels&) {
    auto body = json_body(call);
    if (!body) return body.error();
    auto text = [&](const char* name) { return body->contains(name) && (*body)[name].is_string() ? (*body)[name].get<std::string>() : std::string{}; };
    for (const char* required : {"BackupVaultName", "ResourceArn", "IamRoleArn"}) {
        if (text(required).empty()) return missing_parameter(std::string(required) + " is required.");
    }
    RegionState& state = call.state();
    std::string token = text("IdempotencyToken");
    if (!token.empty()) {
        if (auto it = state.idempotency.find("backup:" + token); it != state.idempotency.end()) {
            if (BackupJob* job = find_backup_job(state, it->second)) {
                return Reply(json{{"BackupJobId", job->id}, {"RecoveryPointArn", job->recovery_point_arn},
                                  {"CreationDate", epoch_json(job->creation)}, {"IsParent", false}});
            }
        }
    }
    if (state.vaults.count(text("BackupVaultName")) == 0) {
        return not_found(fmt::format("Backup vault '{}' does not exist in account {} ({}).", text("BackupVaultName"),
                                     call.account_id, call.region));
    }
    auto resource = state.resources.find(text("ResourceArn"));
    if (resource == state.resources.end()) return not_found("Resource " + text("ResourceArn") + " was not found.");
    BackupJobSpec spec;
    spec.resource = &resource->second;
    spec.vault_name = text("BackupVaultName");
    spec.iam_role_arn = text("IamRoleArn");
    spec.idempotency_token = token;
    if (body->contains("StartWindowMinutes")) {
        if (!(*body)["StartWindowMinutes"].is_number_integer() || (*body)["StartWindowMinutes"].get<int64_t>() < 60) {
            return invalid_parameter("StartWindowMinutes must be at least 60.");
        }
        spec.start_window_minutes = (*body)["StartWindowMinutes"].get<int64_t>();
    }
    if (body->contains("Lifecycle")) {
        auto lifecycle = parse_lifecycle((*body)["Lifecycle"], "of the backup job");
        if (!lifecycle) return lifecycle.error();
        spec.lifecycle = *lifecycle;
    }
    BackupJob job = new_backup_job(state, call.ids, spec, call.now, JobOdds{0.0, 0.0});
    json reply = {{"BackupJobId", job.id}, {"RecoveryPointArn", job.recovery_point_arn},
                  {"CreationDate", epoch_json(job.creation)}, {"IsParent", false}};
    if (!token.empty()) state.idempotency["backup:" + token] = job.id;
    add_backup_job(state, std::move(job), true);
    return Reply(reply);
}

Result<Reply> list_copy_jobs(Call& call, const Labels&) {
    auto limit = max_results(call);
    if (!limit) return limit.error();
    auto start = page_start(call);
    if (!start) return start.error();
    auto times = time_filters(call);
    if (!times) return times.error();
    std::string state = string_param(call, "state");
    if (auto ok = check_enum(state, "ByState", {"CREATED", "RUNNING", "COMPLETED", "FAILED", "PARTIAL"}); !ok) return ok.error();
    std::string resource_arn = string_param(call, "resourceArn");
    std::string type = string_param(call, "resourceType");
    std::string destination = string_param(call, "destinationVaultArn");
    std::string source_point = string_param(call, "sourceRecoveryPointArn");
    std::string parent = string_param(call, "parentJobId");
    std::string category = string_param(call, "messageCategory");
    auto keep = [&](const CopyJob& j) {
        if (!state.empty() && j.state != state) return false;
        if (!resource_arn.empty() && j.resource_arn != resource_arn) return false;
        if (!type.empty() && j.resource_type != type) return false;
        if (!destination.empty() && j.destination_vault_arn != destination) return false;
        if (!source_point.empty() && j.source_recovery_point_arn != source_point) return false;
        if (!parent.empty()) return false;
        if (!category.empty() && category != "AGGREGATE_ALL" && category != "*" && j.message_category != category) return false;
        return times->keep(j.creation, j.completion);
    };
    json list = json::array();
    std::string next = page_jobs<CopyJob>(states_for_account(call, string_param(call, "accountId")), &RegionState::copy_jobs,
                                          *start, *limit, keep, [&](const CopyJob& j, const std::string& account) {
                                              list.push_back(copy_job_json(j, account, call.now));
                                          });
    json body = {{"CopyJobs", list}};
    put_string(body, "NextToken", next);
    return Reply(body);
}

}  // namespace vd::sim::backup
