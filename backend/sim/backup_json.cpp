#include "backend/sim/backup_json.hpp"

#include "backend/sim/jobs.hpp"
#include "backend/sim/rest_json.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim {

using nlohmann::json;

json lifecycle_json(const Lifecycle& lifecycle) {
    json j = json::object();
    if (lifecycle.cold_after_days) j["MoveToColdStorageAfterDays"] = *lifecycle.cold_after_days;
    if (lifecycle.delete_after_days) j["DeleteAfterDays"] = *lifecycle.delete_after_days;
    j["OptInToArchiveForSupportedResources"] = lifecycle.opt_in_to_archive;
    return j;
}

json created_by_json(const CreatedBy& c) {
    json j = json::object();
    put_string(j, "BackupPlanId", c.plan_id);
    put_string(j, "BackupPlanArn", c.plan_arn);
    put_string(j, "BackupPlanName", c.plan_name);
    put_string(j, "BackupPlanVersion", c.plan_version);
    put_string(j, "BackupRuleId", c.rule_id);
    put_string(j, "BackupRuleName", c.rule_name);
    put_string(j, "BackupRuleCron", c.rule_cron);
    put_string(j, "BackupRuleTimezone", c.rule_timezone);
    return j;
}

json vault_json(const Vault& v) {
    json j = {{"BackupVaultName", v.name},
              {"BackupVaultArn", v.arn},
              {"VaultType", "BACKUP_VAULT"},
              {"VaultState", "AVAILABLE"},
              {"CreationDate", epoch_json(v.creation)},
              {"NumberOfRecoveryPoints", static_cast<int64_t>(v.points.size())},
              {"Locked", v.locked}};
    put_string(j, "EncryptionKeyArn", v.encryption_key_arn);
    put_string(j, "CreatorRequestId", v.creator_request_id);
    if (v.min_retention_days) j["MinRetentionDays"] = *v.min_retention_days;
    if (v.max_retention_days) j["MaxRetentionDays"] = *v.max_retention_days;
    put_time(j, "LockDate", v.lock_date);
    j["EncryptionKeyType"] = v.encryption_key_arn.empty() ? "AWS_OWNED_KMS_KEY" : "CUSTOMER_MANAGED_KMS_KEY";
    return j;
}

json recovery_point_json(const RecoveryPoint& rp, const Vault& vault, TimePoint now, PointShape shape) {
    json j = {{"RecoveryPointArn", rp.arn},
              {"CreationDate", epoch_json(rp.creation)},
              {"Status", rp.status},
              {"BackupVaultName", vault.name},
              {"IsParent", false},
              {"ResourceName", rp.resource_name},
              {"VaultType", "BACKUP_VAULT"}};
    put_string(j, "StatusMessage", rp.status_message);
    put_string(j, "EncryptionKeyArn", rp.encryption_key_arn);
    j["EncryptionKeyType"] = rp.encryption_key_arn.empty() ? "AWS_OWNED_KMS_KEY" : "CUSTOMER_MANAGED_KMS_KEY";
    if (shape == PointShape::ByResource) {
        j["BackupSizeBytes"] = rp.size_bytes;
        return j;
    }
    j["BackupVaultArn"] = vault.arn;
    put_string(j, "SourceBackupVaultArn", rp.source_vault_arn);
    j["ResourceArn"] = rp.resource_arn;
    j["ResourceType"] = rp.resource_type;
    if (rp.created_by) j["CreatedBy"] = created_by_json(*rp.created_by);
    put_string(j, "IamRoleArn", rp.iam_role_arn);
    j["InitiationDate"] = epoch_json(rp.creation);
    j["CompletionDate"] = epoch_json(rp.completion);
    j["BackupSizeInBytes"] = rp.size_bytes;
    json calculated = json::object();
    put_time(calculated, "MoveToColdStorageAt", cold_at(rp));
    put_time(calculated, "DeleteAt", delete_at(rp));
    if (!calculated.empty()) j["CalculatedLifecycle"] = calculated;
    j["Lifecycle"] = lifecycle_json(rp.lifecycle);
    j["IsEncrypted"] = true;
    put_time(j, "LastRestoreTime", rp.last_restore);
    if (shape == PointShape::Describe) j["StorageClass"] = storage_class(rp, now);
    return j;
}

json backup_job_json(const BackupJob& job, const std::string& account_id, TimePoint now) {
    json j = {{"AccountId", account_id},
              {"BackupJobId", job.id},
              {"BackupVaultName", job.vault_name},
              {"BackupVaultArn", job.vault_arn},
              {"VaultType", "BACKUP_VAULT"},
              {"RecoveryPointArn", job.recovery_point_arn},
              {"RecoveryPointLifecycle", lifecycle_json(job.lifecycle)},
              {"IsEncrypted", true},
              {"ResourceArn", job.resource_arn},
              {"CreationDate", epoch_json(job.creation)},
              {"State", job.state},
              {"IamRoleArn", job.iam_role_arn},
              {"StartBy", epoch_json(job.start_by)},
              {"ResourceType", job.resource_type},
              {"IsParent", false},
              {"ResourceName", job.resource_name}};
    put_time(j, "CompletionDate", job.completion);
    put_string(j, "StatusMessage", job.status_message);
    put_string(j, "MessageCategory", job.message_category);
    if (job.created_by) j["CreatedBy"] = created_by_json(*job.created_by);
    if (job.state == "RUNNING") {
        j["PercentDone"] = percent_done(job.runs_at, job.ends_at, now);
        j["ExpectedCompletionDate"] = epoch_json(job.ends_at);
        auto fraction = std::chrono::duration<double>(now - job.runs_at) / std::chrono::duration<double>(job.ends_at - job.runs_at);
        j["BytesTransferred"] = static_cast<int64_t>(static_cast<double>(job.size_bytes) * std::clamp(fraction, 0.0, 1.0));
    } else if (job.state == "COMPLETED") {
        j["PercentDone"] = "100.00%";
        j["BackupSizeInBytes"] = job.size_bytes;
        j["BytesTransferred"] = job.size_bytes;
    } else if (job.state == "CREATED") {
        j["PercentDone"] = "0.00%";
    }
    if (job.state != "CREATED" && job.state != "EXPIRED") j["InitiationDate"] = epoch_json(job.runs_at);
    return j;
}

json copy_job_json(const CopyJob& job, const std::string& account_id, TimePoint now) {
    (void)now;
    json j = {{"AccountId", account_id},
              {"CopyJobId", job.id},
              {"SourceBackupVaultArn", job.source_vault_arn},
              {"SourceRecoveryPointArn", job.source_recovery_point_arn},
              {"DestinationBackupVaultArn", job.destination_vault_arn},
              {"DestinationVaultType", "BACKUP_VAULT"},
              {"DestinationRecoveryPointLifecycle", lifecycle_json(job.lifecycle)},
              {"ResourceArn", job.resource_arn},
              {"CreationDate", epoch_json(job.creation)},
              {"State", job.state},
              {"BackupSizeInBytes", job.size_bytes},
              {"IamRoleArn", job.iam_role_arn},
              {"ResourceType", job.resource_type},
              {"IsParent", false},
              {"ResourceName", job.resource_name}};
    put_string(j, "DestinationRecoveryPointArn", job.destination_recovery_point_arn);
    put_time(j, "CompletionDate", job.completion);
    put_string(j, "StatusMessage", job.status_message);
    put_string(j, "MessageCategory", job.message_category);
    if (job.created_by) j["CreatedBy"] = created_by_json(*job.created_by);
    put_string(j, "CreatedByBackupJobId", job.created_by_backup_job_id);
    return j;
}

json restore_job_json(const RestoreJob& job, const std::string& account_id, TimePoint now) {
    json j = {{"AccountId", account_id},
              {"RestoreJobId", job.id},
              {"RecoveryPointArn", job.recovery_point_arn},
              {"SourceResourceArn", job.source_resource_arn},
              {"BackupVaultArn", job.vault_arn},
              {"CreationDate", epoch_json(job.creation)},
              {"Status", job.status},
              {"BackupSizeInBytes", job.size_bytes},
              {"IamRoleArn", job.iam_role_arn},
              {"ExpectedCompletionTimeMinutes", job.expected_minutes},
              {"ResourceType", job.resource_type},
              {"RecoveryPointCreationDate", epoch_json(job.recovery_point_creation)},
              {"IsParent", false}};
    put_time(j, "CompletionDate", job.completion);
    put_string(j, "StatusMessage", job.status_message);
    if (job.status == "RUNNING") j["PercentDone"] = percent_done(job.runs_at, job.ends_at, now);
    if (job.status == "PENDING") j["PercentDone"] = "0.00%";
    if (job.status == "COMPLETED") j["PercentDone"] = "100.00%";
    put_string(j, "CreatedResourceArn", job.created_resource_arn);
    if (!job.restore_testing_plan_arn.empty()) j["CreatedBy"] = {{"RestoreTestingPlanArn", job.restore_testing_plan_arn}};
    put_string(j, "ValidationStatus", job.validation_status);
    put_string(j, "ValidationStatusMessage", job.validation_message);
    put_string(j, "DeletionStatus", job.deletion_status);
    put_string(j, "DeletionStatusMessage", job.deletion_message);
    return j;
}

json rule_json(const BackupRule& rule) {
    json j = {{"RuleName", rule.name}, {"TargetBackupVaultName", rule.target_vault}, {"RuleId", rule.id}};
    put_string(j, "ScheduleExpression", rule.schedule);
    j["ScheduleExpressionTimezone"] = rule.timezone.empty() ? "Etc/UTC" : rule.timezone;
    if (rule.start_window_minutes) j["StartWindowMinutes"] = *rule.start_window_minutes;
    if (rule.completion_window_minutes) j["CompletionWindowMinutes"] = *rule.completion_window_minutes;
    j["Lifecycle"] = lifecycle_json(rule.lifecycle);
    if (!rule.recovery_point_tags.empty()) j["RecoveryPointTags"] = rule.recovery_point_tags;
    json copies = json::array();
    for (const auto& c : rule.copy_actions) {
        copies.push_back({{"Lifecycle", lifecycle_json(c.lifecycle)}, {"DestinationBackupVaultArn", c.destination_vault_arn}});
    }
    if (!copies.empty()) j["CopyActions"] = copies;
    j["EnableContinuousBackup"] = rule.continuous;
    return j;
}

json plan_summary_json(const BackupPlan& plan) {
    json j = {{"BackupPlanArn", plan.arn},
              {"BackupPlanId", plan.id},
              {"CreationDate", epoch_json(plan.creation)},
              {"VersionId", plan.version_id},
              {"BackupPlanName", plan.name}};
    put_string(j, "CreatorRequestId", plan.creator_request_id);
    put_time(j, "LastExecutionDate", plan.last_execution);
    return j;
}

json selection_json(const BackupSelection& s) {
    json tags = json::array();
    for (const auto& t : s.tags) {
        tags.push_back({{"ConditionType", "STRINGEQUALS"}, {"ConditionKey", t.key}, {"ConditionValue", t.value}});
    }
    return {{"SelectionName", s.name},
            {"IamRoleArn", s.iam_role_arn},
            {"Resources", s.resources},
            {"ListOfTags", tags},
            {"NotResources", s.not_resources},
            {"Conditions",
             {{"StringEquals", json::array()},
              {"StringNotEquals", json::array()},
              {"StringLike", json::array()},
              {"StringNotLike", json::array()}}}};
}

json restore_testing_plan_json(const RestoreTestingPlan& p, bool full) {
    json j = {{"CreationTime", epoch_json(p.creation)},
              {"RestoreTestingPlanArn", p.arn},
              {"RestoreTestingPlanName", p.name},
              {"ScheduleExpression", p.schedule},
              {"ScheduleExpressionTimezone", p.timezone.empty() ? "Etc/UTC" : p.timezone},
              {"StartWindowHours", p.start_window_hours}};
    put_time(j, "LastExecutionTime", p.last_execution);
    put_time(j, "LastUpdateTime", p.last_update);
    if (full) {
        j["RecoveryPointSelection"] = {{"Algorithm", p.algorithm},
                                       {"ExcludeVaults", p.exclude_vaults},
                                       {"IncludeVaults", p.include_vaults},
                                       {"RecoveryPointTypes", p.recovery_point_types},
                                       {"SelectionWindowDays", p.selection_window_days}};
    }
    return j;
}

}  // namespace vd::sim
