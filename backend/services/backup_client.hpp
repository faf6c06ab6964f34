// AWS Backup over rest-json, typed, with pagination handled here.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backend/aws/client.hpp"
#include "backend/model/backup.hpp"

namespace vd::services {

// Filters shared by the job listings (all optional).
struct JobFilter {
    std::string state;
    std::string resource_arn;
    std::string resource_type;
    std::string vault_name;
    std::string account_id;  // "ANY" for cross-account monitoring
    std::optional<TimePoint> created_after;
    std::optional<TimePoint> created_before;
    std::optional<TimePoint> completed_after;
    std::optional<TimePoint> completed_before;
    int page_size = 0;        // 0: the service default
};

struct StartRestoreJobRequest {
    std::string recovery_point_arn;
    std::map<std::string, std::string> metadata;
    std::string iam_role_arn;
    std::string idempotency_token;
    std::string resource_type;
    bool copy_source_tags_to_restored_resource = false;
};

class BackupClient {
public:
    explicit BackupClient(std::shared_ptr<aws::AwsClient> client);

    Result<std::vector<model::Vault>> list_backup_vaults();
    Result<model::Vault> describe_backup_vault(const std::string& name);
    Result<std::vector<model::RecoveryPoint>> list_recovery_points_by_backup_vault(const std::string& vault, const JobFilter& filter = {});
    Result<std::vector<model::RecoveryPoint>> list_recovery_points_by_resource(const std::string& resource_arn);
    Result<model::RecoveryPoint> describe_recovery_point(const std::string& vault, const std::string& arn);
    Result<model::RestoreMetadata> get_recovery_point_restore_metadata(const std::string& vault, const std::string& arn);
    Result<std::vector<model::BackupJob>> list_backup_jobs(const JobFilter& filter = {});
    Result<std::vector<model::JobSummary>> list_backup_job_summaries(const std::string& account_id, const std::string& aggregation_period);
    Result<model::BackupJob> describe_backup_job(const std::string& job_id);
    Result<std::vector<model::RestoreJob>> list_restore_jobs(const JobFilter& filter = {});
    Result<model::RestoreJob> describe_restore_job(const std::string& job_id);
    Result<std::string> start_restore_job(const StartRestoreJobRequest& request);  // the restore job id
    Result<std::vector<model::CopyJob>> list_copy_jobs(const JobFilter& filter = {});
    Result<std::vector<model::BackupPlan>> list_backup_plans();  // id, arn, name, version only
    Result<model::BackupPlan> get_backup_plan(const std::string& plan_id);  // with rules
    Result<std::vector<model::BackupSelection>> list_backup_selections(const std::string& plan_id);  // id, name
    Result<model::BackupSelection> get_backup_selection(const std::string& plan_id, const std::string& selection_id);
    Result<std::vector<model::ProtectedResource>> list_protected_resources();
    Result<std::string> start_backup_job(const std::string& vault, const std::string& resource_arn,
                                         const std::string& iam_role_arn, const std::string& idempotency_token);
    Result<std::vector<model::RestoreTestingPlan>> list_restore_testing_plans();
    Result<model::RestoreTestingPlan> get_restore_testing_plan(const std::string& name);
    Result<std::vector<model::RestoreJob>> list_restore_jobs_by_protected_resource(const std::string& resource_arn);
    Status put_restore_validation_result(const std::string& restore_job_id, const std::string& status, const std::string& message);

private:
    std::shared_ptr<aws::AwsClient> client_;
};

}  // namespace vd::services
