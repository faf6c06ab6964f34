#include "backend/poll/snapshot_json.hpp"

#include "backend/core/time_format.hpp"

namespace nlohmann {

void adl_serializer<vd::TimePoint>::to_json(json& j, const vd::TimePoint& t) { j = vd::to_epoch_seconds(t); }
void adl_serializer<vd::TimePoint>::from_json(const json& j, vd::TimePoint& t) {
    t = vd::from_epoch_seconds(j.get<double>());
}

}  // namespace nlohmann

namespace vd::model {

using nlohmann::json;

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Origin, account_id, region)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Vault, origin, name, arn, vault_type, vault_state, encryption_key_arn,
                                                creation_date, recovery_points, locked, min_retention_days,
                                                max_retention_days, lock_date)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Lifecycle, move_to_cold_storage_after_days, delete_after_days,
                                                opt_in_to_archive_for_supported_resources)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CalculatedLifecycle, move_to_cold_storage_at, delete_at)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RecoveryPoint, origin, arn, vault_name, vault_arn, source_vault_arn,
                                                resource_arn, resource_type, resource_name, status, status_message,
                                                storage_class, creation_date, completion_date, backup_size_bytes,
                                                lifecycle, calculated, encrypted, encryption_key_arn, iam_role_arn,
                                                backup_plan_id, backup_plan_arn, backup_rule_id, created_by_rule_name,
                                                is_parent, parent_recovery_point_arn, composite_member_identifier)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(BackupJob, origin, job_id, vault_name, vault_arn, recovery_point_arn,
                                                resource_arn, resource_type, resource_name, state, status_message,
                                                message_category, percent_done, creation_date, completion_date,
                                                start_by, backup_size_bytes, backup_plan_id, backup_rule_id,
                                                iam_role_arn, account_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CopyJob, origin, copy_job_id, source_vault_arn,
                                                source_recovery_point_arn, destination_vault_arn,
                                                destination_recovery_point_arn, resource_arn, resource_type,
                                                resource_name, state, status_message, message_category,
                                                creation_date, completion_date, backup_size_bytes, account_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RestoreJob, origin, restore_job_id, recovery_point_arn, resource_type,
                                                created_resource_arn, status, status_message, percent_done,
                                                creation_date, completion_date, backup_size_bytes,
                                                expected_completion_time_minutes, iam_role_arn, validation_status,
                                                validation_status_message, restore_testing_plan_arn, account_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CopyAction, destination_vault_arn, lifecycle)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(BackupRule, rule_id, rule_name, target_vault_name, schedule_expression,
                                                schedule_expression_timezone, start_window_minutes,
                                                completion_window_minutes, lifecycle, copy_actions,
                                                enable_continuous_backup)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(BackupSelection, selection_id, selection_name, iam_role_arn, resources,
                                                not_resources, tag_conditions)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(BackupPlan, origin, plan_id, plan_arn, plan_name, version_id,
                                                creation_date, last_execution_date, rules, selections)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ProtectedResource, origin, resource_arn, resource_type, resource_name,
                                                last_backup_time, last_backup_vault_arn, last_recovery_point_arn)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RestoreTestingPlan, origin, name, arn, schedule_expression,
                                                schedule_expression_timezone, last_execution_time, creation_time)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(JobSummary, account_id, region, state, resource_type,
                                                message_category, count, start_time, end_time)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Endpoint, address, port)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DbInstance, origin, identifier, arn, resource_id, engine,
                                                engine_version, instance_class, status, endpoint, cluster_identifier,
                                                allocated_storage_gb, backup_retention_period, preferred_backup_window,
                                                latest_restorable_time, create_time, storage_encrypted, multi_az,
                                                deletion_protection, subnet_group, tags)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DbCluster, origin, identifier, arn, engine, engine_version, status,
                                                endpoint, backup_retention_period, earliest_restorable_time,
                                                latest_restorable_time, create_time, storage_encrypted, members)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DbSnapshot, origin, identifier, arn, instance_identifier,
                                                cluster_snapshot, snapshot_type, status, engine, create_time,
                                                allocated_storage_gb, encrypted, source_region, source_snapshot_arn,
                                                percent_progress)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PitrWindow, earliest, latest)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AutomatedBackup, origin, instance_identifier, arn, instance_arn,
                                                resource_id, status, engine, backup_retention_period, restore_window,
                                                encrypted)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CallerIdentity, account, arn, user_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LifecycleTransition, days, storage_class)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(BucketLifecycleRule, id, status, prefix, transitions, expiration_days,
                                                noncurrent_expiration_days)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(BucketLifecycle, bucket, region, has_configuration, rules)

}  // namespace vd::model

namespace vd::poll {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(KindStatus, last_success, last_attempt, last_error, stale, loaded,
                                                from_cache)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DrillRecord, id, resource, runbook, recovery_point_arn, started,
                                                finished, rto_seconds, rpo_seconds, passed, checks_passed,
                                                checks_total, report_path)

namespace {

nlohmann::json region_to_json(const RegionData& r) {
    nlohmann::json status = nlohmann::json::object();
    for (const auto& [kind, ks] : r.status) status[kind_name(kind)] = ks;
    return {
        {"account_name", r.account_name}, {"profile", r.profile}, {"account_id", r.account_id},
        {"region", r.region}, {"environment", r.environment}, {"identity", r.identity},
        {"vaults", r.vaults}, {"recovery_points", r.recovery_points}, {"backup_jobs", r.backup_jobs},
        {"copy_jobs", r.copy_jobs}, {"restore_jobs", r.restore_jobs}, {"job_summaries", r.job_summaries},
        {"plans", r.plans}, {"protected_resources", r.protected_resources}, {"db_instances", r.db_instances},
        {"db_clusters", r.db_clusters}, {"db_snapshots", r.db_snapshots},
        {"automated_backups", r.automated_backups}, {"restore_testing_plans", r.restore_testing_plans},
        {"bucket_lifecycles", r.bucket_lifecycles}, {"status", status},
    };
}

RegionData region_from_json(const nlohmann::json& j) {
    RegionData r;
    j.at("account_name").get_to(r.account_name);
    j.at("profile").get_to(r.profile);
    j.at("account_id").get_to(r.account_id);
    j.at("region").get_to(r.region);
    j.at("environment").get_to(r.environment);
    j.at("identity").get_to(r.identity);
    j.at("vaults").get_to(r.vaults);
    j.at("recovery_points").get_to(r.recovery_points);
    j.at("backup_jobs").get_to(r.backup_jobs);
    j.at("copy_jobs").get_to(r.copy_jobs);
    j.at("restore_jobs").get_to(r.restore_jobs);
    j.at("job_summaries").get_to(r.job_summaries);
    j.at("plans").get_to(r.plans);
    j.at("protected_resources").get_to(r.protected_resources);
    j.at("db_instances").get_to(r.db_instances);
    j.at("db_clusters").get_to(r.db_clusters);
    j.at("db_snapshots").get_to(r.db_snapshots);
    j.at("automated_backups").get_to(r.automated_backups);
    j.at("restore_testing_plans").get_to(r.restore_testing_plans);
    j.at("bucket_lifecycles").get_to(r.bucket_lifecycles);
    for (int k = 0; k < kKindCount; ++k) {
        Kind kind = static_cast<Kind>(k);
        if (auto it = j.at("status").find(kind_name(kind)); it != j.at("status").end()) {
            r.status[kind] = it->get<KindStatus>();
        }
    }
    return r;
}

}  // namespace

nlohmann::json snapshot_to_json(const Snapshot& s) {
    nlohmann::json regions = nlohmann::json::array();
    for (const auto& r : s.regions) regions.push_back(region_to_json(r));
    return {{"format", 1}, {"taken", s.taken}, {"generation", s.generation}, {"regions", regions}, {"drills", s.drills}};
}

Snapshot snapshot_from_json(const nlohmann::json& j) {
    if (j.value("format", 0) != 1) throw nlohmann::json::other_error::create(501, "unknown cache format", &j);
    Snapshot s;
    j.at("taken").get_to(s.taken);
    j.at("generation").get_to(s.generation);
    for (const auto& r : j.at("regions")) s.regions.push_back(region_from_json(r));
    j.at("drills").get_to(s.drills);
    return s;
}

}  // namespace vd::poll
