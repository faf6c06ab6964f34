// The simulated AWS world: everything the simulator knows, per account and
// region. Plain data; the engine (engine.hpp) moves it through time and the
// service handlers read and change it under the simulator's one mutex.
//
// Ordered containers are keyed by a "listing key" (listing_key.hpp) so that
// iteration order is the order AWS lists things in (newest first) and a page
// token is simply the key of the next item.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/sim/cron.hpp"

namespace vd::sim {

class PgServer;

// Which plan and rule made a recovery point or job (CreatedBy).
struct CreatedBy {
    std::string plan_id;
    std::string plan_arn;
    std::string plan_name;
    std::string plan_version;
    std::string rule_id;
    std::string rule_name;
    std::string rule_cron;
    std::string rule_timezone;
};

struct Lifecycle {
    std::optional<int64_t> cold_after_days;
    std::optional<int64_t> delete_after_days;
    bool opt_in_to_archive = false;
};

// A resource AWS Backup can protect (RDS instance, Aurora cluster, EFS, S3...).
struct Resource {
    std::string arn;
    std::string type;  // RDS, Aurora, EFS, S3, EC2, DynamoDB
    std::string name;
    std::map<std::string, std::string> tags;
    int64_t size_bytes = 0;  // typical backup size
};

struct RecoveryPoint {
    std::string arn;
    std::string vault_name;
    std::string source_vault_arn;  // copies only
    std::string resource_arn;
    std::string resource_type;
    std::string resource_name;
    std::shared_ptr<const CreatedBy> created_by;  // null for on-demand
    std::string iam_role_arn;
    std::string status = "COMPLETED";
    std::string status_message;
    TimePoint creation;
    TimePoint completion;
    int64_t size_bytes = 0;
    Lifecycle lifecycle;
    std::string encryption_key_arn;
    bool continuous = false;
    std::optional<TimePoint> last_restore;
    std::string backup_job_id;
};

struct Vault {
    std::string name;
    std::string arn;
    std::string encryption_key_arn;
    std::string creator_request_id;
    TimePoint creation;
    bool locked = false;
    std::optional<int64_t> min_retention_days;
    std::optional<int64_t> max_retention_days;
    std::optional<TimePoint> lock_date;
    std::map<std::string, RecoveryPoint> points;  // by listing key
};

struct BackupJob {
    std::string id;
    std::string vault_name;
    std::string vault_arn;
    std::string recovery_point_arn;
    std::string resource_arn;
    std::string resource_type;
    std::string resource_name;
    std::shared_ptr<const CreatedBy> created_by;
    std::string iam_role_arn;
    std::string state = "CREATED";
    std::string status_message;
    std::string message_category;
    TimePoint creation;
    std::optional<TimePoint> completion;
    TimePoint start_by;
    int64_t size_bytes = 0;
    Lifecycle lifecycle;
    std::string idempotency_token;
    // Where the engine takes the job next.
    TimePoint runs_at;
    TimePoint ends_at;
    std::string outcome = "COMPLETED";  // the final state
    std::string outcome_message;
    std::string outcome_category = "SUCCESS";
    std::vector<std::pair<std::string, Lifecycle>> copy_to;  // destination vault ARN and lifecycle
};

struct CopyJob {
    std::string id;
    std::string source_vault_arn;
    std::string source_recovery_point_arn;
    std::string destination_vault_arn;
    std::string destination_recovery_point_arn;
    std::string resource_arn;
    std::string resource_type;
    std::string resource_name;
    std::shared_ptr<const CreatedBy> created_by;
    std::string created_by_backup_job_id;
    std::string iam_role_arn;
    std::string state = "CREATED";
    std::string status_message;
    std::string message_category;
    TimePoint creation;
    std::optional<TimePoint> completion;
    int64_t size_bytes = 0;
    Lifecycle lifecycle;
    TimePoint runs_at;
    TimePoint ends_at;
    std::string outcome = "COMPLETED";
    std::string outcome_message;
    std::string outcome_category = "SUCCESS";
};

struct RestoreJob {
    std::string id;
    std::string recovery_point_arn;
    std::string source_resource_arn;
    std::string vault_arn;
    std::string resource_type;
    std::string iam_role_arn;
    std::string status = "PENDING";
    std::string status_message;
    TimePoint creation;
    std::optional<TimePoint> completion;
    TimePoint recovery_point_creation;
    int64_t size_bytes = 0;
    int64_t expected_minutes = 0;
    std::string created_resource_arn;
    std::string target_identifier;  // the DB instance to create (RDS)
    std::map<std::string, std::string> metadata;
    std::string idempotency_token;
    std::string restore_testing_plan_arn;
    std::string validation_status;
    std::string validation_message;
    std::string deletion_status;
    std::string deletion_message;
    TimePoint runs_at;
    TimePoint ends_at;
    std::optional<TimePoint> cleanup_at;  // restore tests: when the restored resource is deleted
    std::string outcome = "COMPLETED";
    std::string outcome_message;
};

struct CopyAction {
    std::string destination_vault_arn;
    Lifecycle lifecycle;
};

struct BackupRule {
    std::string id;
    std::string name;
    std::string target_vault;
    std::string schedule;  // cron(...) as given
    std::string timezone;  // empty: UTC
    std::optional<int64_t> start_window_minutes;
    std::optional<int64_t> completion_window_minutes;
    Lifecycle lifecycle;
    std::vector<CopyAction> copy_actions;
    bool continuous = false;
    std::map<std::string, std::string> recovery_point_tags;
    std::optional<CronSchedule> cron;
    std::optional<TimePoint> next_run;
    std::shared_ptr<const CreatedBy> creator;  // shared by the points and jobs it makes
};

struct TagCondition {
    std::string key;
    std::string value;
};

struct BackupSelection {
    std::string id;
    std::string name;
    std::string iam_role_arn;
    std::vector<std::string> resources;
    std::vector<std::string> not_resources;
    std::vector<TagCondition> tags;
    TimePoint creation;
    std::string creator_request_id;
};

struct BackupPlan {
    std::string id;
    std::string arn;
    std::string name;
    std::string version_id;
    std::string creator_request_id;
    TimePoint creation;
    std::optional<TimePoint> last_execution;
    std::vector<BackupRule> rules;
    std::map<std::string, BackupSelection> selections;  // by id
};

struct RestoreTestingPlan {
    std::string name;
    std::string arn;
    std::string schedule;
    std::string timezone;
    int start_window_hours = 24;
    TimePoint creation;
    std::optional<TimePoint> last_execution;
    std::optional<TimePoint> last_update;
    std::string algorithm = "LATEST_WITHIN_WINDOW";
    std::vector<std::string> include_vaults;
    std::vector<std::string> exclude_vaults;
    std::vector<std::string> recovery_point_types;  // SNAPSHOT, CONTINUOUS
    int selection_window_days = 7;
    std::vector<std::string> protected_resource_arns;  // what its selection restores
    std::optional<CronSchedule> cron;
    std::optional<TimePoint> next_run;
};

struct ProtectedResource {
    std::string arn;
    std::string type;
    std::string name;
    TimePoint last_backup;
    std::string last_vault_arn;
    std::string last_recovery_point_arn;
};

struct DbInstance {
    std::string identifier;
    std::string arn;
    std::string resource_id;  // db-XXXXXXXX
    std::string instance_class = "db.t4g.medium";
    std::string engine = "postgres";
    std::string engine_version = "16.3";
    std::string status = "available";
    std::string master_username = "postgres";
    std::string db_name;
    int port = 5432;
    int64_t allocated_storage = 20;
    TimePoint create_time;
    std::string backup_window = "03:00-03:30";
    std::string maintenance_window = "sun:05:00-sun:05:30";
    int backup_retention = 7;
    bool multi_az = false;
    bool encrypted = true;
    std::string kms_key_id;
    std::string cluster_identifier;
    std::string availability_zone;
    std::string subnet_group = "default";
    std::vector<std::string> security_groups;
    std::string parameter_group;
    std::string option_group;  // empty: default:<engine>-<major>
    std::string storage_type = "gp3";
    int64_t iops = 0;
    bool copy_tags_to_snapshot = false;
    std::string engine_lifecycle_support = "open-source-rds-extended-support";
    bool deletion_protection = false;
    std::vector<std::pair<std::string, std::string>> tags;
    std::string restored_from_recovery_point;  // AwsBackupRecoveryPointArn
    std::string endpoint_host;  // Endpoint.Address; empty: an AWS-like name (--postgres: the server's host)
    bool sample_data = false;   // --postgres seeds its database with the sample schema and rows
    // Where the engine takes the instance next ("" = stays).
    std::string next_status;
    TimePoint next_status_at;
    bool remove_at_next = false;
};

struct DbClusterMember {
    std::string instance_identifier;
    bool writer = false;
};

struct DbCluster {
    std::string identifier;
    std::string arn;
    std::string resource_id;  // cluster-XXXX
    std::string engine = "aurora-postgresql";
    std::string engine_version = "15.4";
    std::string status = "available";
    std::string master_username = "postgres";
    std::string database_name;
    int port = 5432;
    int backup_retention = 7;
    std::string backup_window = "04:00-04:30";
    std::string maintenance_window = "sun:06:00-sun:06:30";
    TimePoint create_time;
    bool encrypted = true;
    std::string kms_key_id;
    std::vector<DbClusterMember> members;
    std::vector<std::string> availability_zones;
    int64_t allocated_storage = 1;
    std::string subnet_group = "default";
    std::vector<std::string> security_groups;
    std::string parameter_group;  // DB cluster parameter group; empty: default.<family>
    bool deletion_protection = false;
    bool copy_tags_to_snapshot = false;
    std::vector<std::pair<std::string, std::string>> tags;
    std::string engine_lifecycle_support = "open-source-rds-extended-support";
    std::string restored_from_recovery_point;
    // Where the engine takes the cluster next ("" = stays); a deleted
    // cluster is removed instead.
    std::string next_status;
    TimePoint next_status_at;
    bool remove_at_next = false;
};

struct DbSnapshot {
    std::string identifier;
    std::string arn;
    std::string instance_identifier;  // or cluster identifier for cluster snapshots
    std::string resource_id;           // DbiResourceId / DbClusterResourceId
    std::string snapshot_type = "manual";
    std::string status = "available";
    std::string engine = "postgres";
    std::string engine_version = "16.3";
    int64_t allocated_storage = 20;
    int port = 5432;
    std::string availability_zone;
    std::string master_username = "postgres";
    TimePoint create_time;
    TimePoint instance_create_time;
    bool encrypted = true;
    std::string kms_key_id;
    std::string source_region;
    std::string source_snapshot;  // SourceDBSnapshotIdentifier (an ARN for cross-region copies)
    TimePoint ready_at;           // creating/copying until then
    std::vector<std::pair<std::string, std::string>> tags;
};

// Automated backups kept after their instance was deleted.
struct RetainedAutomatedBackup {
    DbInstance instance;  // as it was
    TimePoint deleted_at;
};

struct S3LifecycleRule {
    std::string id;
    std::string prefix;
    std::string status = "Enabled";
    int transition_days = 0;
    std::string transition_class;
    int expiration_days = 0;
};

struct Bucket {
    std::string name;
    std::string region;
    TimePoint creation;
    std::vector<S3LifecycleRule> lifecycle;  // empty: NoSuchLifecycleConfiguration
};

// One account's state in one region.
struct RegionState {
    std::string account_id;
    std::string region;
    std::map<std::string, Vault> vaults;  // by name
    std::unordered_map<std::string, std::pair<std::string, std::string>> point_index;  // arn -> vault, key
    std::multimap<TimePoint, std::string> deletions;  // DeleteAt -> recovery point ARN
    std::map<std::string, BackupJob> backup_jobs;      // by listing key
    std::unordered_map<std::string, std::string> backup_job_index;  // id -> key
    std::map<std::string, CopyJob> copy_jobs;
    std::unordered_map<std::string, std::string> copy_job_index;
    std::map<std::string, RestoreJob> restore_jobs;
    std::unordered_map<std::string, std::string> restore_job_index;
    std::map<std::string, std::string> idempotency;  // token -> job id (restore and backup)
    std::map<std::string, BackupPlan> plans;          // by id
    std::map<std::string, RestoreTestingPlan> restore_testing_plans;  // by name
    std::map<std::string, ProtectedResource> protected_resources;    // by ARN
    std::map<std::string, Resource> resources;                       // inventory, by ARN
    std::map<std::string, DbInstance> db_instances;                  // by identifier
    std::map<std::string, DbCluster> db_clusters;
    std::map<std::string, DbSnapshot> db_snapshots;                  // manual and copies, by identifier
    std::map<std::string, DbSnapshot> cluster_snapshots;
    std::vector<RetainedAutomatedBackup> retained_backups;
    // The region's network as far as restores need it: one VPC, the DB
    // subnet groups ("default" always exists) and the VPC security groups
    // its databases use, by name and by id.
    std::string vpc_id;
    std::set<std::string> db_subnet_groups;
    std::set<std::string> security_groups;
    // Jobs the engine still has to move (ids).
    std::vector<std::string> active_backup_jobs;
    std::vector<std::string> active_copy_jobs;
    std::vector<std::string> active_restore_jobs;
};

// An access key the simulator accepts, and who it belongs to.
struct Principal {
    std::string access_key;
    std::string secret_key;
    std::string session_token;  // empty for long-term keys
    std::string account_id;
    std::string arn;
    std::string user_id;
    std::optional<TimePoint> expiration;
};

struct World {
    std::string primary_region = "us-east-1";
    std::vector<std::string> regions{"us-east-1", "us-west-2"};
    std::string default_account = "123456789012";
    std::map<std::string, std::map<std::string, RegionState>> accounts;  // account -> region -> state
    std::map<std::string, std::map<std::string, Bucket>> buckets;         // account -> name -> bucket
    std::map<std::string, Principal> principals;                         // by access key
    // The PostgreSQL server whose databases stand for the DB instances and
    // their snapshots (--postgres, postgres_backing.hpp); null: none.
    std::shared_ptr<PgServer> postgres;

    // The state of one account in one region, created empty on first use.
    RegionState& region(const std::string& account_id, const std::string& region_name);
    // The state, or null when never created.
    RegionState* find_region(const std::string& account_id, const std::string& region_name);
};

}  // namespace vd::sim
