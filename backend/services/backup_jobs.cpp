// BackupClient: backup, restore and copy jobs, and the three calls that
// change AWS (StartBackupJob, StartRestoreJob, PutRestoreValidationResult).
#include "backend/services/backup_client.hpp"
#include "backend/services/backup_filter.hpp"
#include "backend/services/backup_parse.hpp"
#include "backend/services/backup_wire.hpp"
#include "backend/services/query_encoding.hpp"

namespace vd::services {

using namespace backup_wire;

namespace {

// Adds the creation and completion time filters under the given names.
void add_times(aws::ServiceRequest& r, const JobFilter& f, const char* complete_before, const char* complete_after) {
    add_time(r, "createdBefore", f.created_before);
    add_time(r, "createdAfter", f.created_after);
    add_time(r, complete_before, f.completed_before);
    add_time(r, complete_after, f.completed_after);
}

// A PUT with a JSON body that changes AWS.
aws::ServiceRequest mutating_put(std::string operation, std::string path, const nlohmann::json& body) {
    auto r = make(std::move(operation), "PUT", std::move(path));
    r.body = body.dump();
    r.mutating = true;
    return r;
}

}  // namespace

// Every backup job that passes the filter, all pages.
Result<std::vector<model::BackupJob>> BackupClient::list_backup_jobs(const JobFilter& f) {
    auto r = make("ListBackupJobs", "GET", "/backup-jobs/");
    add_if(r, "resourceArn", f.resource_arn);
    add_if(r, "state", f.state);
    add_if(r, "backupVaultName", f.vault_name);
    add_if(r, "resourceType", f.resource_type);
    add_if(r, "accountId", f.account_id);
    add_times(r, f, "completeBefore", "completeAfter");
    return list_all<model::BackupJob>(*client_, r, "BackupJobs", backup_parse::backup_job, kLowerNames, page_size_of(f));
}

// Job counts per account, state and resource type, all pages.
Result<std::vector<model::JobSummary>> BackupClient::list_backup_job_summaries(const std::string& account_id,
                                                                             const std::string& aggregation_period) {
    auto r = make("ListBackupJobSummaries", "GET", "/audit/backup-job-summaries");
    add_if(r, "AccountId", account_id);
    add_if(r, "AggregationPeriod", aggregation_period);
    return list_all<model::JobSummary>(*client_, r, "BackupJobSummaries", backup_parse::job_summary, kUpperNames);
}

// One backup job in full.
Result<model::BackupJob> BackupClient::describe_backup_job(const std::string& job_id) {
    if (auto s = require(job_id, "a backup job id", "DescribeBackupJob"); !s) return s.error();
    auto body = call(*client_, make("DescribeBackupJob", "GET", "/backup-jobs/" + encode_label(job_id)));
    if (!body) return body.error();
    return backup_parse::backup_job(*body);
}

// Every restore job that passes the filter, all pages.
Result<std::vector<model::RestoreJob>> BackupClient::list_restore_jobs(const JobFilter& f) {
    const char* op = "ListRestoreJobs";
    unsigned supported = kFilterState | kFilterResourceType | kFilterAccount | kFilterCreated | kFilterCompleted;
    if (auto s = check_filter(f, supported, op); !s) return s.error();
    auto r = make(op, "GET", "/restore-jobs/");
    add_if(r, "accountId", f.account_id);
    add_if(r, "resourceType", f.resource_type);
    add_if(r, "status", f.state);
    add_times(r, f, "completeBefore", "completeAfter");
    return list_all<model::RestoreJob>(*client_, r, "RestoreJobs", backup_parse::restore_job, kLowerNames, page_size_of(f));
}

// One restore job in full.
Result<model::RestoreJob> BackupClient::describe_restore_job(const std::string& job_id) {
    if (auto s = require(job_id, "a restore job id", "DescribeRestoreJob"); !s) return s.error();
    auto body = call(*client_, make("DescribeRestoreJob", "GET", "/restore-jobs/" + encode_label(job_id)));
    if (!body) return body.error();
    return backup_parse::restore_job(*body);
}

// Starts a restore (mutating, idempotent by token) and returns its job id.
Result<std::string> BackupClient::start_restore_job(const StartRestoreJobRequest& request) {
    const char* op = "StartRestoreJob";
    if (auto s = require(request.recovery_point_arn, "a recovery point ARN", op); !s) return s.error();
    if (auto s = require(request.idempotency_token, "an idempotency token", op); !s) return s.error();
    nlohmann::json body = {{"RecoveryPointArn", request.recovery_point_arn},
                           {"Metadata", request.metadata},
                           {"IdempotencyToken", request.idempotency_token}};
    if (!request.iam_role_arn.empty()) body["IamRoleArn"] = request.iam_role_arn;
    if (!request.resource_type.empty()) body["ResourceType"] = request.resource_type;
    if (request.copy_source_tags_to_restored_resource) body["CopySourceTagsToRestoredResource"] = true;
    auto answer = call(*client_, mutating_put(op, "/restore-jobs", body));
    if (!answer) return answer.error();
    std::string id = JsonFields(*answer).str("RestoreJobId");
    if (id.empty()) return make_error(ErrorKind::Parse, std::string(op) + ": the answer has no RestoreJobId", "MalformedJSON");
    return id;
}

// Every copy job that passes the filter, all pages.
Result<std::vector<model::CopyJob>> BackupClient::list_copy_jobs(const JobFilter& f) {
    const char* op = "ListCopyJobs";
    unsigned supported =
        kFilterState | kFilterResourceArn | kFilterResourceType | kFilterAccount | kFilterCreated | kFilterCompleted;
    if (auto s = check_filter(f, supported, op); !s) return s.error();
    auto r = make(op, "GET", "/copy-jobs/");
    add_if(r, "resourceArn", f.resource_arn);
    add_if(r, "state", f.state);
    add_if(r, "resourceType", f.resource_type);
    add_if(r, "accountId", f.account_id);
    add_times(r, f, "completeBefore", "completeAfter");
    return list_all<model::CopyJob>(*client_, r, "CopyJobs", backup_parse::copy_job, kLowerNames, page_size_of(f));
}

// Starts an on-demand backup (mutating, idempotent by token) and returns its job id.
Result<std::string> BackupClient::start_backup_job(const std::string& vault, const std::string& resource_arn,
                                                   const std::string& iam_role_arn,
                                                   const std::string& idempotency_token) {
    const char* op = "StartBackupJob";
    if (auto s = require(vault, "a vault name", op); !s) return s.error();
    if (auto s = require(resource_arn, "a resource ARN", op); !s) return s.error();
    if (auto s = require(iam_role_arn, "an IAM role ARN", op); !s) return s.error();
    if (auto s = require(idempotency_token, "an idempotency token", op); !s) return s.error();
    nlohmann::json body = {{"BackupVaultName", vault},
                           {"ResourceArn", resource_arn},
                           {"IamRoleArn", iam_role_arn},
                           {"IdempotencyToken", idempotency_token}};
    auto answer = call(*client_, mutating_put(op, "/backup-jobs", body));
    if (!answer) return answer.error();
    std::string id = JsonFields(*answer).str("BackupJobId");
    if (id.empty()) return make_error(ErrorKind::Parse, std::string(op) + ": the answer has no BackupJobId", "MalformedJSON");
    return id;
}

// Every restore job of one resource, all pages.
Result<std::vector<model::RestoreJob>> BackupClient::list_restore_jobs_by_protected_resource(const std::string& resource_arn) {
    const char* op = "ListRestoreJobsByProtectedResource";
    if (auto s = require(resource_arn, "a resource ARN", op); !s) return s.error();
    auto r = make(op, "GET", "/resources/" + encode_label(resource_arn) + "/restore-jobs/");
    return list_all<model::RestoreJob>(*client_, r, "RestoreJobs", backup_parse::restore_job);
}

// Records the outcome of a restore test (mutating).
Status BackupClient::put_restore_validation_result(const std::string& restore_job_id, const std::string& status,
                                                   const std::string& message) {
    const char* op = "PutRestoreValidationResult";
    if (auto s = require(restore_job_id, "a restore job id", op); !s) return s.error();
    if (auto s = require(status, "a validation status", op); !s) return s.error();
    nlohmann::json body = {{"ValidationStatus", status}};
    if (!message.empty()) body["ValidationStatusMessage"] = message;
    auto response = send(*client_, mutating_put(op, "/restore-jobs/" + encode_label(restore_job_id) + "/validations", body));
    if (!response) return response.error();
    return ok_status();
}

}  // namespace vd::services
