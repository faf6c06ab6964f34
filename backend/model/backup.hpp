// Plain value types for AWS Backup, named as the service names them.
// Enum-like fields stay strings: the service adds values over time and an
// unknown value must be kept, never an error.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backend/core/clock.hpp"

namespace vd::model {

// Where an item came from, so a multi-account view can group and label it.
struct Origin {
    std::string account_id;
    std::string region;
};

struct Vault {
    Origin origin;
    std::string name;
    std::string arn;
    std::string vault_type;  // BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT
    std::string vault_state; // AVAILABLE, CREATING, FAILED
    std::string encryption_key_arn;
    std::optional<TimePoint> creation_date;
    int64_t recovery_points = 0;
    bool locked = false;
    std::optional<int64_t> min_retention_days;
    std::optional<int64_t> max_retention_days;
    std::optional<TimePoint> lock_date;
    std::map<std::string, std::string> extra;  // members this version does not model, kept as text
};

// When a point goes cold and when it is deleted, as AWS computed them.
struct Lifecycle {
    std::optional<int64_t> move_to_cold_storage_after_days;
    std::optional<int64_t> delete_after_days;
    bool opt_in_to_archive_for_supported_resources = false;
};

struct CalculatedLifecycle {
    std::optional<TimePoint> move_to_cold_storage_at;
    std::optional<TimePoint> delete_at;
};

struct RecoveryPoint {
    Origin origin;
    std::string arn;
    std::string vault_name;
    std::string vault_arn;
    std::string source_vault_arn;  // set on copies
    std::string resource_arn;
    std::string resource_type;     // RDS, Aurora, EFS, S3, EC2, ...
    std::string resource_name;
    std::string status;            // COMPLETED, PARTIAL, DELETING, EXPIRED, AVAILABLE, STOPPED, CREATING
    std::string status_message;
    std::string storage_class;     // WARM, COLD, DELETED
    std::optional<TimePoint> creation_date;
    std::optional<TimePoint> completion_date;
    std::optional<int64_t> backup_size_bytes;
    Lifecycle lifecycle;
    CalculatedLifecycle calculated;
    bool encrypted = false;
    std::string encryption_key_arn;
    std::string iam_role_arn;
    std::string backup_plan_id;
    std::string backup_plan_arn;
    std::string backup_rule_id;
    std::string created_by_rule_name;  // resolved from the plan when known
    std::string backup_plan_name;      // CreatedBy.BackupPlanName
    bool is_parent = false;
    std::string parent_recovery_point_arn;
    std::string composite_member_identifier;
    std::map<std::string, std::string> extra;  // members this version does not model, kept as text
};

struct BackupJob {
    Origin origin;
    std::string job_id;
    std::string vault_name;
    std::string vault_arn;
    std::string recovery_point_arn;
    std::string resource_arn;
    std::string resource_type;
    std::string resource_name;
    std::string state;  // CREATED, PENDING, RUNNING, ABORTING, ABORTED, COMPLETED, FAILED, EXPIRED, PARTIAL
    std::string status_message;
    std::string message_category;  // SUCCESS, ACCESS_DENIED, ... (COMPLETED with another = with issues)
    std::string percent_done;      // AWS sends a string
    std::optional<TimePoint> creation_date;
    std::optional<TimePoint> completion_date;
    std::optional<TimePoint> start_by;
    std::optional<int64_t> backup_size_bytes;
    std::string backup_plan_id;
    std::string backup_rule_id;
    std::string iam_role_arn;
    std::string account_id;  // the job's own account (cross-account monitoring)
    std::map<std::string, std::string> extra;  // members this version does not model, kept as text
};

struct CopyJob {
    Origin origin;
    std::string copy_job_id;
    std::string source_vault_arn;
    std::string source_recovery_point_arn;
    std::string destination_vault_arn;
    std::string destination_recovery_point_arn;
    std::string resource_arn;
    std::string resource_type;
    std::string resource_name;
    std::string state;  // CREATED, RUNNING, COMPLETED, FAILED, PARTIAL
    std::string status_message;
    std::string message_category;
    std::optional<TimePoint> creation_date;
    std::optional<TimePoint> completion_date;
    std::optional<int64_t> backup_size_bytes;
    std::string account_id;
    std::map<std::string, std::string> extra;  // members this version does not model, kept as text
};

struct RestoreJob {
    Origin origin;
    std::string restore_job_id;
    std::string recovery_point_arn;
    std::string resource_type;
    std::string source_resource_arn;   // the resource the recovery point was taken of
    std::string created_resource_arn;
    std::string status;  // PENDING, RUNNING, COMPLETED, ABORTED, FAILED
    std::string status_message;
    std::string percent_done;
    std::optional<TimePoint> creation_date;
    std::optional<TimePoint> completion_date;
    std::optional<int64_t> backup_size_bytes;
    std::optional<int64_t> expected_completion_time_minutes;
    std::string iam_role_arn;
    std::string validation_status;  // FAILED, SUCCESSFUL, TIMED_OUT, VALIDATING
    std::string validation_status_message;
    std::string restore_testing_plan_arn;  // CreatedBy.RestoreTestingPlanArn
    std::string account_id;
    std::map<std::string, std::string> extra;  // members this version does not model, kept as text
};

struct CopyAction {
    std::string destination_vault_arn;
    Lifecycle lifecycle;
};

struct BackupRule {
    std::string rule_id;
    std::string rule_name;
    std::string target_vault_name;
    std::string schedule_expression;  // cron(0 3 * * ? *)
    std::string schedule_expression_timezone;  // empty means UTC
    std::optional<int64_t> start_window_minutes;
    std::optional<int64_t> completion_window_minutes;
    Lifecycle lifecycle;
    std::vector<CopyAction> copy_actions;
    bool enable_continuous_backup = false;
};

struct BackupSelection {
    std::string selection_id;
    std::string selection_name;
    std::string iam_role_arn;
    std::vector<std::string> resources;      // ARNs, may contain wildcards
    std::vector<std::string> not_resources;
    // ListOfTags conditions: STRINGEQUALS key=value
    std::vector<std::pair<std::string, std::string>> tag_conditions;
};

struct BackupPlan {
    Origin origin;
    std::string plan_id;
    std::string plan_arn;
    std::string plan_name;
    std::string version_id;
    std::optional<TimePoint> creation_date;
    std::optional<TimePoint> last_execution_date;
    std::vector<BackupRule> rules;
    std::vector<BackupSelection> selections;
    std::map<std::string, std::string> extra;  // members this version does not model, kept as text
};

struct ProtectedResource {
    Origin origin;
    std::string resource_arn;
    std::string resource_type;
    std::string resource_name;
    std::optional<TimePoint> last_backup_time;
    std::string last_backup_vault_arn;
    std::string last_recovery_point_arn;
    std::map<std::string, std::string> extra;  // members this version does not model, kept as text
};

struct RestoreTestingPlan {
    Origin origin;
    std::string name;
    std::string arn;
    std::string schedule_expression;
    std::string schedule_expression_timezone;
    std::optional<TimePoint> last_execution_time;
    std::optional<TimePoint> creation_time;
    std::map<std::string, std::string> extra;  // members this version does not model, kept as text
};

// One row of ListBackupJobSummaries (cross-account, AGGREGATE_ALL).
struct JobSummary {
    std::string account_id;
    std::string region;
    std::string state;
    std::string resource_type;
    std::string message_category;
    int64_t count = 0;
    std::optional<TimePoint> start_time;
    std::optional<TimePoint> end_time;
};

struct RestoreMetadata {
    std::string recovery_point_arn;
    std::string resource_type;
    std::map<std::string, std::string> metadata;
};

}  // namespace vd::model
