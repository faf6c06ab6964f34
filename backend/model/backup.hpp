// Plain value types for AWS Backup, named as the service names them.
// Enum-like fields stay strings: the service adds values over time and an
// unknown value must be kept, never an error. A recovery point's repeated
// strings are Atoms (backend/core/atom.hpp): 100 k points share a few
// hundred vault, role, plan and resource ARNs.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backend/core/atom.hpp"
#include "backend/core/clock.hpp"
#include "backend/model/fields.hpp"

namespace vd::model {

// Where an item came from, so a multi-account view can group and label it.
struct Origin {
    std::string account_id;
    std::string region;
};
VD_FIELDS(Origin, account_id, region)

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
VD_FIELDS(Vault, origin, name, arn, vault_type, vault_state, encryption_key_arn, creation_date,
          recovery_points, locked, min_retention_days, max_retention_days, lock_date, extra)

// When a point goes cold and when it is deleted, as AWS computed them.
struct Lifecycle {
    std::optional<int64_t> move_to_cold_storage_after_days;
    std::optional<int64_t> delete_after_days;
    bool opt_in_to_archive_for_supported_resources = false;
};
VD_FIELDS(Lifecycle, move_to_cold_storage_after_days, delete_after_days,
          opt_in_to_archive_for_supported_resources)

struct CalculatedLifecycle {
    std::optional<TimePoint> move_to_cold_storage_at;
    std::optional<TimePoint> delete_at;
};
VD_FIELDS(CalculatedLifecycle, move_to_cold_storage_at, delete_at)

struct RecoveryPoint {
    Origin origin;
    std::string arn;
    Atom vault_name;
    Atom vault_arn;
    Atom source_vault_arn;  // set on copies
    Atom resource_arn;
    Atom resource_type;     // RDS, Aurora, EFS, S3, EC2, ...
    Atom resource_name;
    Atom status;            // COMPLETED, PARTIAL, DELETING, EXPIRED, AVAILABLE, STOPPED, CREATING
    Atom status_message;
    Atom storage_class;     // WARM, COLD, DELETED
    std::optional<TimePoint> creation_date;
    std::optional<TimePoint> completion_date;
    std::optional<int64_t> backup_size_bytes;
    Lifecycle lifecycle;
    CalculatedLifecycle calculated;
    bool encrypted = false;
    Atom encryption_key_arn;
    Atom iam_role_arn;
    Atom backup_plan_id;
    Atom backup_plan_arn;
    Atom backup_rule_id;
    Atom created_by_rule_name;  // resolved from the plan when known
    Atom backup_plan_name;      // CreatedBy.BackupPlanName
    bool is_parent = false;
    Atom parent_recovery_point_arn;
    Atom composite_member_identifier;
    std::optional<TimePoint> initiation_date;
    Atom vault_type;           // BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT, RESTORE_ACCESS_BACKUP_VAULT
    Atom encryption_key_type;  // AWS_OWNED_KMS_KEY, CUSTOMER_MANAGED_KMS_KEY
    std::map<std::string, std::string> extra;  // members this version does not model, kept as text
};
VD_FIELDS(RecoveryPoint, origin, arn, vault_name, vault_arn, source_vault_arn, resource_arn, resource_type,
          resource_name, status, status_message, storage_class, creation_date, completion_date,
          backup_size_bytes, lifecycle, calculated, encrypted, encryption_key_arn, iam_role_arn,
          backup_plan_id, backup_plan_arn, backup_rule_id, created_by_rule_name, backup_plan_name, is_parent,
          parent_recovery_point_arn, composite_member_identifier, initiation_date, vault_type, encryption_key_type,
          extra)

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
VD_FIELDS(BackupJob, origin, job_id, vault_name, vault_arn, recovery_point_arn, resource_arn, resource_type,
          resource_name, state, status_message, message_category, percent_done, creation_date, completion_date,
          start_by, backup_size_bytes, backup_plan_id, backup_rule_id, iam_role_arn, account_id, extra)

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
VD_FIELDS(CopyJob, origin, copy_job_id, source_vault_arn, source_recovery_point_arn, destination_vault_arn,
          destination_recovery_point_arn, resource_arn, resource_type, resource_name, state, status_message,
          message_category, creation_date, completion_date, backup_size_bytes, account_id, extra)

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
VD_FIELDS(RestoreJob, origin, restore_job_id, recovery_point_arn, resource_type, source_resource_arn,
          created_resource_arn, status, status_message, percent_done, creation_date, completion_date,
          backup_size_bytes, expected_completion_time_minutes, iam_role_arn, validation_status,
          validation_status_message, restore_testing_plan_arn, account_id, extra)

struct CopyAction {
    std::string destination_vault_arn;
    Lifecycle lifecycle;
};
VD_FIELDS(CopyAction, destination_vault_arn, lifecycle)

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
VD_FIELDS(BackupRule, rule_id, rule_name, target_vault_name, schedule_expression, schedule_expression_timezone,
          start_window_minutes, completion_window_minutes, lifecycle, copy_actions, enable_continuous_backup)

struct BackupSelection {
    std::string selection_id;
    std::string selection_name;
    std::string iam_role_arn;
    std::vector<std::string> resources;      // ARNs, may contain wildcards
    std::vector<std::string> not_resources;
    // ListOfTags conditions: STRINGEQUALS key=value
    std::vector<std::pair<std::string, std::string>> tag_conditions;
};
VD_FIELDS(BackupSelection, selection_id, selection_name, iam_role_arn, resources, not_resources,
          tag_conditions)

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
VD_FIELDS(BackupPlan, origin, plan_id, plan_arn, plan_name, version_id, creation_date, last_execution_date,
          rules, selections, extra)

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
VD_FIELDS(ProtectedResource, origin, resource_arn, resource_type, resource_name, last_backup_time,
          last_backup_vault_arn, last_recovery_point_arn, extra)

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
VD_FIELDS(RestoreTestingPlan, origin, name, arn, schedule_expression, schedule_expression_timezone,
          last_execution_time, creation_time, extra)

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
VD_FIELDS(JobSummary, account_id, region, state, resource_type, message_category, count, start_time, end_time)

struct RestoreMetadata {
    std::string recovery_point_arn;
    std::string resource_type;
    std::map<std::string, std::string> metadata;
};
VD_FIELDS(RestoreMetadata, recovery_point_arn, resource_type, metadata)

}  // namespace vd::model
