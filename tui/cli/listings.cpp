#include "tui/cli/listings.hpp"

#include <algorithm>

namespace vd::cli {
namespace {

// Text, or nothing when empty.
Cell text(const std::string& s) {
    if (s.empty()) return {};
    return s;
}

template <class T>
Cell opt(const std::optional<T>& v) {
    if (!v) return {};
    if constexpr (std::is_integral_v<T>) return static_cast<int64_t>(*v);
    else return *v;
}

// Newest first by an optional time (items without one last), stable.
template <class T, class Get>
void newest_first(std::vector<T>& items, Get get) {
    std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) {
        const auto& ta = get(a);
        const auto& tb = get(b);
        if (ta.has_value() != tb.has_value()) return ta.has_value();
        return ta.has_value() && *ta > *tb;
    });
}

// The friendliest short name for a resource: its name, else its ARN's tail.
Cell resource_label(const std::string& name, const std::string& arn) {
    return text(name.empty() ? arn_tail(arn) : name);
}

Column right(std::string key, std::string header) {
    return Column{std::move(key), std::move(header), Show::Everywhere, Align::Right};
}
Column data(std::string key) { return Column{std::move(key), "", Show::DataOnly}; }
Column table(std::string key, std::string header, size_t max_width = 0) {
    return Column{std::move(key), std::move(header), Show::TableOnly, Align::Left, Display::Plain, max_width};
}
Column bytes(std::string key, std::string header) {
    return Column{std::move(key), std::move(header), Show::Everywhere, Align::Right, Display::Bytes};
}

}  // namespace

std::string arn_tail(std::string_view arn) {
    size_t cut = arn.find_last_of(":/");
    return std::string(cut == std::string_view::npos ? arn : arn.substr(cut + 1));
}

Listing vaults_listing(std::vector<model::Vault> vaults) {
    std::stable_sort(vaults.begin(), vaults.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    Listing l;
    l.columns = {{"backupVaultName", "VAULT"}, {"vaultType", "TYPE"}, {"vaultState", "STATE"},
                 right("numberOfRecoveryPoints", "POINTS"), {"locked", "LOCKED"}, right("minRetentionDays", "MIN DAYS"),
                 right("maxRetentionDays", "MAX DAYS"), {"creationDate", "CREATED"}, data("lockDate"),
                 data("encryptionKeyArn"), data("backupVaultArn")};
    for (const auto& v : vaults)
        l.add({text(v.name), text(v.vault_type), text(v.vault_state), v.recovery_points, v.locked,
               opt(v.min_retention_days), opt(v.max_retention_days), opt(v.creation_date), opt(v.lock_date),
               text(v.encryption_key_arn), text(v.arn)});
    return l;
}

Listing recovery_points_listing(std::vector<model::RecoveryPoint> points) {
    newest_first(points, [](const auto& p) { return p.creation_date; });
    Listing l;
    l.columns = {{"creationDate", "CREATED"}, {"backupVaultName", "VAULT"}, table("resource", "RESOURCE", 32),
                 {"resourceType", "TYPE"}, {"status", "STATUS"}, {"storageClass", "STORAGE"},
                 bytes("backupSizeInBytes", "SIZE"), {"backupRuleName", "RULE"}, {"coldAt", "COLD AT"},
                 {"deleteAt", "DELETE AT"}, data("recoveryPointArn"), data("resourceArn"), data("resourceName"),
                 data("completionDate"), data("backupPlanId"), data("backupPlanName"), data("backupRuleId"),
                 data("isEncrypted"), data("sourceBackupVaultArn"), data("statusMessage")};
    for (const auto& p : points)
        l.add({opt(p.creation_date), text(p.vault_name), resource_label(p.resource_name, p.resource_arn),
               text(p.resource_type), text(p.status), text(p.storage_class), opt(p.backup_size_bytes),
               text(p.created_by_rule_name), opt(p.calculated.move_to_cold_storage_at), opt(p.calculated.delete_at),
               text(p.arn), text(p.resource_arn), text(p.resource_name), opt(p.completion_date), text(p.backup_plan_id), text(p.backup_plan_name), text(p.backup_rule_id), p.encrypted,
               text(p.source_vault_arn), text(p.status_message)});
    return l;
}

Listing backup_jobs_listing(std::vector<model::BackupJob> jobs) {
    newest_first(jobs, [](const auto& j) { return j.creation_date; });
    Listing l;
    l.columns = {{"creationDate", "CREATED"}, {"backupVaultName", "VAULT"}, table("resource", "RESOURCE", 32),
                 {"resourceType", "TYPE"}, {"state", "STATE"}, right("percentDone", "DONE %"),
                 {"completionDate", "COMPLETED"}, {"statusMessage", "MESSAGE", Show::Everywhere, Align::Left, Display::Plain, 40},
                 {"backupJobId", "JOB ID"}, data("messageCategory"), data("resourceArn"), data("resourceName"), data("recoveryPointArn"),
                 data("backupSizeInBytes"), data("accountId")};
    for (const auto& j : jobs)
        l.add({opt(j.creation_date), text(j.vault_name), resource_label(j.resource_name, j.resource_arn),
               text(j.resource_type), text(j.state), text(j.percent_done), opt(j.completion_date),
               text(j.status_message), text(j.job_id), text(j.message_category), text(j.resource_arn), text(j.resource_name),
               text(j.recovery_point_arn), opt(j.backup_size_bytes), text(j.account_id)});
    return l;
}

Listing restore_jobs_listing(std::vector<model::RestoreJob> jobs) {
    newest_first(jobs, [](const auto& j) { return j.creation_date; });
    Listing l;
    l.columns = {{"creationDate", "CREATED"}, {"resourceType", "TYPE"}, {"status", "STATUS"},
                 right("percentDone", "DONE %"), {"completionDate", "COMPLETED"},
                 table("createdResource", "CREATED RESOURCE", 32), {"validationStatus", "VALIDATION"},
                 {"restoreJobId", "JOB ID"}, data("createdResourceArn"), data("recoveryPointArn"),
                 data("statusMessage"), data("expectedCompletionTimeMinutes"), data("validationStatusMessage"),
                 data("restoreTestingPlanArn"), data("accountId")};
    for (const auto& j : jobs)
        l.add({opt(j.creation_date), text(j.resource_type), text(j.status), text(j.percent_done),
               opt(j.completion_date), text(arn_tail(j.created_resource_arn)), text(j.validation_status),
               text(j.restore_job_id), text(j.created_resource_arn), text(j.recovery_point_arn),
               text(j.status_message), opt(j.expected_completion_time_minutes), text(j.validation_status_message),
               text(j.restore_testing_plan_arn), text(j.account_id)});
    return l;
}

Listing copy_jobs_listing(std::vector<model::CopyJob> jobs) {
    newest_first(jobs, [](const auto& j) { return j.creation_date; });
    Listing l;
    l.columns = {{"creationDate", "CREATED"}, table("resource", "RESOURCE", 32), {"resourceType", "TYPE"},
                 {"state", "STATE"}, table("destination", "DESTINATION"), {"completionDate", "COMPLETED"},
                 {"statusMessage", "MESSAGE", Show::Everywhere, Align::Left, Display::Plain, 40},
                 {"copyJobId", "JOB ID"}, data("sourceBackupVaultArn"), data("destinationBackupVaultArn"), data("sourceRecoveryPointArn"),
                 data("destinationRecoveryPointArn"), data("resourceArn"), data("resourceName"),
                 data("messageCategory"), data("backupSizeInBytes"), data("accountId")};
    for (const auto& j : jobs)
        l.add({opt(j.creation_date), resource_label(j.resource_name, j.resource_arn), text(j.resource_type),
               text(j.state), text(arn_tail(j.destination_vault_arn)), opt(j.completion_date), text(j.status_message),
               text(j.copy_job_id), text(j.source_vault_arn), text(j.destination_vault_arn),
               text(j.source_recovery_point_arn), text(j.destination_recovery_point_arn), text(j.resource_arn),
               text(j.resource_name), text(j.message_category), opt(j.backup_size_bytes), text(j.account_id)});
    return l;
}

Listing plans_listing(std::vector<model::BackupPlan> plans) {
    std::stable_sort(plans.begin(), plans.end(), [](const auto& a, const auto& b) { return a.plan_name < b.plan_name; });
    Listing l;
    l.columns = {{"backupPlanName", "PLAN"}, {"ruleName", "RULE"}, {"scheduleExpression", "SCHEDULE"},
                 {"scheduleExpressionTimezone", "TIMEZONE"}, {"targetBackupVaultName", "VAULT"},
                 right("moveToColdStorageAfterDays", "COLD AFTER"), right("deleteAfterDays", "DELETE AFTER"),
                 table("copies", "COPIES TO"), data("copyActions"), data("startWindowMinutes"),
                 data("completionWindowMinutes"), data("enableContinuousBackup"), data("ruleId"), data("backupPlanId"),
                 data("backupPlanArn"), data("versionId"), data("lastExecutionDate")};
    for (const auto& p : plans) {
        std::vector<Cell> plan_cells = {text(p.plan_id), text(p.plan_arn), text(p.version_id), opt(p.last_execution_date)};
        if (p.rules.empty()) {
            std::vector<Cell> row(13);
            row[0] = text(p.plan_name);
            row.insert(row.end(), plan_cells.begin(), plan_cells.end());
            l.add(std::move(row));
        }
        for (const auto& r : p.rules) {
            nlohmann::ordered_json copies = nlohmann::ordered_json::array();
            std::string copy_names;
            for (const auto& c : r.copy_actions) {
                nlohmann::ordered_json action = {{"destinationBackupVaultArn", c.destination_vault_arn}};
                if (c.lifecycle.move_to_cold_storage_after_days)
                    action["moveToColdStorageAfterDays"] = *c.lifecycle.move_to_cold_storage_after_days;
                if (c.lifecycle.delete_after_days) action["deleteAfterDays"] = *c.lifecycle.delete_after_days;
                copies.push_back(std::move(action));
                copy_names += (copy_names.empty() ? "" : ",") + arn_tail(c.destination_vault_arn);
            }
            std::vector<Cell> row = {text(p.plan_name), text(r.rule_name), text(r.schedule_expression),
                                     text(r.schedule_expression_timezone), text(r.target_vault_name),
                                     opt(r.lifecycle.move_to_cold_storage_after_days), opt(r.lifecycle.delete_after_days),
                                     text(copy_names), copies, opt(r.start_window_minutes),
                                     opt(r.completion_window_minutes), r.enable_continuous_backup, text(r.rule_id)};
            row.insert(row.end(), plan_cells.begin(), plan_cells.end());
            l.add(std::move(row));
        }
    }
    return l;
}

Listing protected_resources_listing(std::vector<model::ProtectedResource> resources) {
    newest_first(resources, [](const auto& r) { return r.last_backup_time; });
    Listing l;
    l.columns = {table("resource", "RESOURCE", 40), {"resourceType", "TYPE"}, {"lastBackupTime", "LAST BACKUP"},
                 table("lastBackupVault", "VAULT"), data("resourceArn"), data("resourceName"),
                 data("lastBackupVaultArn"), data("lastRecoveryPointArn")};
    for (const auto& r : resources)
        l.add({resource_label(r.resource_name, r.resource_arn), text(r.resource_type), opt(r.last_backup_time),
               text(arn_tail(r.last_backup_vault_arn)), text(r.resource_arn), text(r.resource_name),
               text(r.last_backup_vault_arn), text(r.last_recovery_point_arn)});
    return l;
}

Listing db_instances_listing(std::vector<model::DbInstance> instances) {
    std::stable_sort(instances.begin(), instances.end(), [](const auto& a, const auto& b) { return a.identifier < b.identifier; });
    Listing l;
    l.columns = {{"dbInstanceIdentifier", "INSTANCE"}, {"engine", "ENGINE"}, {"dbInstanceClass", "CLASS"},
                 {"dbInstanceStatus", "STATUS"}, right("backupRetentionPeriod", "RETENTION"),
                 {"latestRestorableTime", "LATEST RESTORABLE"}, {"storageEncrypted", "ENCRYPTED"}, {"multiAZ", "MULTI-AZ"},
                 data("engineVersion"), data("endpointAddress"), data("endpointPort"), data("preferredBackupWindow"),
                 data("allocatedStorage"), data("deletionProtection"), data("dbClusterIdentifier"),
                 data("dbSubnetGroupName"), data("instanceCreateTime"), data("dbInstanceArn"), data("dbiResourceId"),
                 data("dbName"), data("tags")};
    for (const auto& d : instances) {
        nlohmann::ordered_json tags = nlohmann::ordered_json::object();
        for (const auto& [k, v] : d.tags) tags[k] = v;
        Cell port = d.endpoint.port > 0 ? Cell(int64_t{d.endpoint.port}) : Cell();
        l.add({text(d.identifier), text(d.engine), text(d.instance_class), text(d.status), d.backup_retention_period,
               opt(d.latest_restorable_time), d.storage_encrypted, d.multi_az, text(d.engine_version),
               text(d.endpoint.address), port, text(d.preferred_backup_window), d.allocated_storage_gb,
               d.deletion_protection, text(d.cluster_identifier), text(d.subnet_group), opt(d.create_time), text(d.arn),
               text(d.resource_id), text(d.db_name), tags});
    }
    return l;
}

Listing db_snapshots_listing(std::vector<model::DbSnapshot> snapshots) {
    newest_first(snapshots, [](const auto& s) { return s.create_time; });
    Listing l;
    l.columns = {{"snapshotCreateTime", "CREATED"}, {"dbSnapshotIdentifier", "SNAPSHOT", Show::Everywhere, Align::Left, Display::Plain, 48},
                 {"dbInstanceIdentifier", "INSTANCE/CLUSTER"}, {"snapshotType", "TYPE"}, {"status", "STATUS"},
                 right("percentProgress", "PROGRESS"), {"encrypted", "ENCRYPTED"}, {"sourceRegion", "SOURCE REGION"},
                 data("clusterSnapshot"), data("engine"), data("allocatedStorage"), data("sourceDBSnapshotIdentifier"),
                 data("dbSnapshotArn")};
    for (const auto& s : snapshots)
        l.add({opt(s.create_time), text(s.identifier), text(s.instance_identifier), text(s.snapshot_type),
               text(s.status), s.percent_progress, s.encrypted, text(s.source_region), s.cluster_snapshot,
               text(s.engine), s.allocated_storage_gb, text(s.source_snapshot_arn), text(s.arn)});
    return l;
}

}  // namespace vd::cli
