// AWS Backup: restore jobs (listing, starting, validation results).
#include <cctype>

#include <fmt/format.h>

#include "backend/sim/backup_api.hpp"
#include "backend/sim/backup_json.hpp"
#include "backend/sim/jobs.hpp"
#include "backend/sim/listing.hpp"
#include "backend/sim/rds_api.hpp"
#include "backend/sim/rest_json.hpp"
#include "backend/sim/restore_metadata.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim::backup {

using nlohmann::json;

namespace {

constexpr std::initializer_list<const char*> kRestoreStates = {"PENDING", "RUNNING", "COMPLETED", "ABORTED", "FAILED"};

// Pages restore jobs with a filter into a reply with RestoreJobs / NextToken.
template <class Keep>
Result<Reply> page_restore_jobs(Call& call, Keep keep) {
    auto limit = max_results(call);
    if (!limit) return limit.error();
    auto start = page_start(call);
    if (!start) return start.error();
    json list = json::array();
    std::string next = page_through(call.state().restore_jobs, *start, *limit, keep, [&](const RestoreJob& j) {
        list.push_back(restore_job_json(j, call.account_id, call.now));
    });
    json body = {{"RestoreJobs", list}};
    put_string(body, "NextToken", next);
    return Reply(body);
}

}  // namespace

Result<Reply> list_restore_jobs(Call& call, const Labels&) {
    std::string status = string_param(call, "status");
    if (auto ok = check_enum(status, "ByStatus", kRestoreStates); !ok) return ok.error();
    std::string account = string_param(call, "accountId");
    std::string type = string_param(call, "resourceType");
    std::string plan = string_param(call, "restoreTestingPlanArn");
    std::string parent = string_param(call, "parentJobId");
    std::optional<TimePoint> bounds[4];
    const char* names[4] = {"createdBefore", "createdAfter", "completeBefore", "completeAfter"};
    for (int i = 0; i < 4; ++i) {
        auto t = time_param(call, names[i]);
        if (!t) return t.error();
        bounds[i] = *t;
    }
    if (!account.empty() && account != call.account_id && account != "*" && account != "ANY") {
        return Reply(json{{"RestoreJobs", json::array()}});
    }
    return page_restore_jobs(call, [&](const RestoreJob& j) {
        if (!status.empty() && j.status != status) return false;
        if (!type.empty() && j.resource_type != type) return false;
        if (!plan.empty() && j.restore_testing_plan_arn != plan) return false;
        if (!parent.empty()) return false;
        if (bounds[0] && j.creation >= *bounds[0]) return false;
        if (bounds[1] && j.creation <= *bounds[1]) return false;
        if (bounds[2] && (!j.completion || *j.completion >= *bounds[2])) return false;
        if (bounds[3] && (!j.completion || *j.completion <= *bounds[3])) return false;
        return true;
    });
}

Result<Reply> list_restore_jobs_by_protected_resource(Call& call, const Labels& labels) {
    std::string status = string_param(call, "status");
    if (auto ok = check_enum(status, "ByStatus", kRestoreStates); !ok) return ok.error();
    auto after = time_param(call, "recoveryPointCreationDateAfter");
    if (!after) return after.error();
    auto before = time_param(call, "recoveryPointCreationDateBefore");
    if (!before) return before.error();
    const std::string& arn = labels[0];
    return page_restore_jobs(call, [&](const RestoreJob& j) {
        if (j.source_resource_arn != arn) return false;
        if (!status.empty() && j.status != status) return false;
        if (*after && j.recovery_point_creation <= **after) return false;
        if (*before && j.recovery_point_creation >= **before) return false;
        return true;
    });
}

Result<Reply> describe_restore_job(Call& call, const Labels& labels) {
    RestoreJob* job = find_restore_job(call.state(), labels[0]);
    if (job == nullptr) return not_found("Restore job " + labels[0] + " was not found.");
    return Reply(restore_job_json(*job, call.account_id, call.now));
}

Result<Reply> start_restore_job(Call& call, const Labels&) {
    auto body = json_body(call);
    if (!body) return body.error();
    if (!body->contains("RecoveryPointArn") || !(*body)["RecoveryPointArn"].is_string()) {
        return missing_parameter("RecoveryPointArn is required.");
    }
    if (!body->contains("Metadata") || !(*body)["Metadata"].is_object()) return missing_parameter("Metadata is required.");
    std::map<std::string, std::string> metadata;
    for (const auto& [k, v] : (*body)["Metadata"].items()) {
        if (!v.is_string()) return invalid_parameter("Metadata value of " + k + " must be a string.");
        metadata[k] = v.get<std::string>();
    }
    auto text = [&](const char* name) { return body->contains(name) && (*body)[name].is_string() ? (*body)[name].get<std::string>() : std::string{}; };
    RegionState& state = call.state();
    std::string token = text("IdempotencyToken");
    if (!token.empty()) {
        if (auto it = state.idempotency.find("restore:" + token); it != state.idempotency.end()) {
            return Reply(json{{"RestoreJobId", it->second}});
        }
    }
    std::string arn = text("RecoveryPointArn");
    RecoveryPoint* rp = find_recovery_point(state, arn);
    if (rp == nullptr) return not_found("Recovery point " + arn + " was not found.");
    if (rp->resource_type == "RDS" && !rds::valid_db_identifier(metadata["DBInstanceIdentifier"])) {
        return invalid_parameter("Metadata DBInstanceIdentifier must name the new DB instance: 1 to 63 letters, digits "
                                 "or hyphens, starting with a letter (got '" + metadata["DBInstanceIdentifier"] + "').");
    }
    if (rp->resource_type == "Aurora" && !rds::valid_db_identifier(metadata["DBClusterIdentifier"])) {
        return invalid_parameter("Metadata DBClusterIdentifier must name the new DB cluster (got '" +
                                 metadata["DBClusterIdentifier"] + "').");
    }
    if (auto ok = check_restore_metadata(metadata); !ok) return invalid_parameter(ok.error().message);
    std::string type = text("ResourceType");
    if (!type.empty() && type != rp->resource_type) {
        return invalid_parameter("ResourceType " + type + " does not match the recovery point's type " + rp->resource_type + ".");
    }
    RestoreJob job = new_restore_job(state, call.ids, *rp, metadata, text("IamRoleArn"), call.now);
    job.idempotency_token = token;
    rp->last_restore = call.now;
    std::string id = job.id;
    if (!token.empty()) state.idempotency["restore:" + token] = id;
    add_restore_job(state, std::move(job), true);
    return Reply(json{{"RestoreJobId", id}});
}

Result<Reply> put_restore_validation_result(Call& call, const Labels& labels) {
    auto body = json_body(call);
    if (!body) return body.error();
    if (!body->contains("ValidationStatus") || !(*body)["ValidationStatus"].is_string()) {
        return missing_parameter("ValidationStatus is required.");
    }
    std::string status = (*body)["ValidationStatus"].get<std::string>();
    if (auto ok = check_enum(status, "ValidationStatus", {"FAILED", "SUCCESSFUL", "TIMED_OUT", "VALIDATING"}); !ok) {
        return ok.error();
    }
    RestoreJob* job = find_restore_job(call.state(), labels[0]);
    if (job == nullptr) return not_found("Restore job " + labels[0] + " was not found.");
    if (job->restore_testing_plan_arn.empty()) {
        return api_error(400, "InvalidRequestException",
                         "Restore job " + job->id + " was not started by a restore testing plan; only restore testing "
                         "jobs take validation results.");
    }
    if (job->status != "COMPLETED") {
        return api_error(400, "InvalidRequestException",
                         "Restore job " + job->id + " is " + job->status + "; a validation result can be sent once it is COMPLETED.");
    }
    job->validation_status = status;
    job->validation_message = body->value("ValidationStatusMessage", "");
    Reply reply;
    reply.status = 204;
    return reply;
}

}  // namespace vd::sim::backup
