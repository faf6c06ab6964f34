// The AWS Backup members of `list --output json`, one function per list
// member shape of the Backup model (ListBackupVaults' BackupVaultListMember,
// ListRecoveryPointsByBackupVault's RecoveryPointByBackupVault, ...).
#include <cstdio>
#include <ctime>

#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "tui/cli/list_json.hpp"
#include "tui/cli/list_json_fields.hpp"

namespace vd::cli {

using namespace json_fields;

std::string aws_cli_time(TimePoint t) {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
    int64_t seconds = micros / 1000000;
    int64_t fraction = micros % 1000000;
    if (fraction < 0) {
        fraction += 1000000;
        --seconds;
    }
    std::time_t tt = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (fraction != 0) out += fmt::format(".{:06}", fraction);
    return out + "+00:00";
}

std::string arn_account(const std::string& arn) {
    if (arn.rfind("arn:", 0) != 0) return {};
    size_t field = 0, start = 0;
    for (size_t i = 0; i < arn.size() && field < 4; ++i) {
        if (arn[i] == ':') {
            ++field;
            start = i + 1;
        }
    }
    const size_t end = arn.find(':', start);
    return field == 4 && end != std::string::npos ? arn.substr(start, end - start) : std::string();
}

std::string vault_lock_words(const model::Vault& v, TimePoint now) {
    if (!v.locked && !v.min_retention_days && !v.max_retention_days) return "not locked";
    std::string days = fmt::format("{}-{} days", v.min_retention_days ? std::to_string(*v.min_retention_days) : "?",
                                   v.max_retention_days ? std::to_string(*v.max_retention_days) : "?");
    if (!v.lock_date) return "governance lock (" + days + ")";
    if (*v.lock_date > now) return "compliance lock from " + format_iso8601(*v.lock_date) + ", governance until then (" + days + ")";
    return "compliance lock since " + format_iso8601(*v.lock_date) + " (" + days + ")";
}

AwsJson vault_json(const model::Vault& v, const std::string& region) {
    AwsJson j = AwsJson::object();
    put(j, "BackupVaultName", v.name);
    put(j, "BackupVaultArn", v.arn);
    put(j, "VaultType", v.vault_type);
    put(j, "VaultState", v.vault_state);
    put(j, "CreationDate", v.creation_date);
    put(j, "EncryptionKeyArn", v.encryption_key_arn);
    j["NumberOfRecoveryPoints"] = v.recovery_points;
    j["Locked"] = v.locked;
    put(j, "MinRetentionDays", v.min_retention_days);
    put(j, "MaxRetentionDays", v.max_retention_days);
    put(j, "LockDate", v.lock_date);
    j["vaultdeck"] = origin(region, v.arn);
    j["vaultdeck"]["lock"] = vault_lock_words(v, system_clock()->now());
    return j;
}

AwsJson recovery_point_json(const model::RecoveryPoint& p, const std::string& region, TimePoint now, bool by_resource) {
    AwsJson j = AwsJson::object();
    put(j, "RecoveryPointArn", p.arn);
    put(j, "BackupVaultName", p.vault_name);
    if (by_resource) {
        put(j, "CreationDate", p.creation_date);
        put(j, "Status", p.status);
        put(j, "StatusMessage", p.status_message);
        put(j, "EncryptionKeyArn", p.encryption_key_arn);
        put(j, "BackupSizeBytes", p.backup_size_bytes);
        put(j, "ParentRecoveryPointArn", p.parent_recovery_point_arn);
        put(j, "ResourceName", p.resource_name);
        j["IsParent"] = p.is_parent;
    } else {
        put(j, "BackupVaultArn", p.vault_arn);
        put(j, "SourceBackupVaultArn", p.source_vault_arn);
        put(j, "ResourceArn", p.resource_arn);
        put(j, "ResourceType", p.resource_type);
        AwsJson created_by = AwsJson::object();
        put(created_by, "BackupPlanId", p.backup_plan_id);
        put(created_by, "BackupPlanArn", p.backup_plan_arn);
        put(created_by, "BackupPlanName", p.backup_plan_name);
        put(created_by, "BackupRuleId", p.backup_rule_id);
        if (!created_by.empty()) j["CreatedBy"] = created_by;
        put(j, "IamRoleArn", p.iam_role_arn);
        put(j, "Status", p.status);
        put(j, "StatusMessage", p.status_message);
        put(j, "CreationDate", p.creation_date);
        put(j, "InitiationDate", p.initiation_date);
        put(j, "CompletionDate", p.completion_date);
        put(j, "BackupSizeInBytes", p.backup_size_bytes);
        AwsJson calculated = AwsJson::object();
        put(calculated, "MoveToColdStorageAt", p.calculated.move_to_cold_storage_at);
        put(calculated, "DeleteAt", p.calculated.delete_at);
        if (!calculated.empty()) j["CalculatedLifecycle"] = calculated;
        if (auto l = lifecycle(p.lifecycle); !l.empty()) j["Lifecycle"] = l;
        put(j, "EncryptionKeyArn", p.encryption_key_arn);
        j["IsEncrypted"] = p.encrypted;
        put(j, "ParentRecoveryPointArn", p.parent_recovery_point_arn);
        put(j, "CompositeMemberIdentifier", p.composite_member_identifier);
        j["IsParent"] = p.is_parent;
        put(j, "ResourceName", p.resource_name);
        put(j, "VaultType", p.vault_type);
        put(j, "EncryptionKeyType", p.encryption_key_type);
    }
    AwsJson v = origin(region, p.arn);
    const auto& cold_at = p.calculated.move_to_cold_storage_at;
    v["storageClass"] = !p.storage_class.empty() ? p.storage_class : (cold_at && *cold_at <= now) ? "COLD" : "WARM";
    if (cold_at) v["coldAt"] = aws_cli_time(*cold_at);
    if (p.calculated.delete_at) v["deleteAt"] = aws_cli_time(*p.calculated.delete_at);
    put(v, "ruleName", p.created_by_rule_name);
    j["vaultdeck"] = v;
    return j;
}

AwsJson backup_job_json(const model::BackupJob& b, const std::string& region) {
    AwsJson j = AwsJson::object();
    put(j, "AccountId", b.account_id);
    put(j, "BackupJobId", b.job_id);
    put(j, "BackupVaultName", b.vault_name);
    put(j, "BackupVaultArn", b.vault_arn);
    put(j, "RecoveryPointArn", b.recovery_point_arn);
    put(j, "ResourceArn", b.resource_arn);
    put(j, "CreationDate", b.creation_date);
    put(j, "CompletionDate", b.completion_date);
    put(j, "State", b.state);
    put(j, "StatusMessage", b.status_message);
    put(j, "PercentDone", b.percent_done);
    put(j, "BackupSizeInBytes", b.backup_size_bytes);
    put(j, "IamRoleArn", b.iam_role_arn);
    AwsJson created_by = AwsJson::object();
    put(created_by, "BackupPlanId", b.backup_plan_id);
    put(created_by, "BackupRuleId", b.backup_rule_id);
    if (!created_by.empty()) j["CreatedBy"] = created_by;
    put(j, "StartBy", b.start_by);
    put(j, "ResourceType", b.resource_type);
    put(j, "ResourceName", b.resource_name);
    put(j, "MessageCategory", b.message_category);
    j["vaultdeck"] = origin(region, b.vault_arn.empty() ? b.resource_arn : b.vault_arn);
    return j;
}

AwsJson restore_job_json(const model::RestoreJob& r, const std::string& region) {
    AwsJson j = AwsJson::object();
    put(j, "AccountId", r.account_id);
    put(j, "RestoreJobId", r.restore_job_id);
    put(j, "RecoveryPointArn", r.recovery_point_arn);
    put(j, "SourceResourceArn", r.source_resource_arn);
    put(j, "CreationDate", r.creation_date);
    put(j, "CompletionDate", r.completion_date);
    put(j, "Status", r.status);
    put(j, "StatusMessage", r.status_message);
    put(j, "PercentDone", r.percent_done);
    put(j, "BackupSizeInBytes", r.backup_size_bytes);
    put(j, "IamRoleArn", r.iam_role_arn);
    put(j, "ExpectedCompletionTimeMinutes", r.expected_completion_time_minutes);
    put(j, "CreatedResourceArn", r.created_resource_arn);
    put(j, "ResourceType", r.resource_type);
    if (!r.restore_testing_plan_arn.empty()) j["CreatedBy"] = {{"RestoreTestingPlanArn", r.restore_testing_plan_arn}};
    put(j, "ValidationStatus", r.validation_status);
    put(j, "ValidationStatusMessage", r.validation_status_message);
    j["vaultdeck"] = origin(region, r.recovery_point_arn);
    return j;
}

AwsJson copy_job_json(const model::CopyJob& c, const std::string& region) {
    AwsJson j = AwsJson::object();
    put(j, "AccountId", c.account_id);
    put(j, "CopyJobId", c.copy_job_id);
    put(j, "SourceBackupVaultArn", c.source_vault_arn);
    put(j, "SourceRecoveryPointArn", c.source_recovery_point_arn);
    put(j, "DestinationBackupVaultArn", c.destination_vault_arn);
    put(j, "DestinationRecoveryPointArn", c.destination_recovery_point_arn);
    put(j, "ResourceArn", c.resource_arn);
    put(j, "CreationDate", c.creation_date);
    put(j, "CompletionDate", c.completion_date);
    put(j, "State", c.state);
    put(j, "StatusMessage", c.status_message);
    put(j, "BackupSizeInBytes", c.backup_size_bytes);
    put(j, "ResourceType", c.resource_type);
    put(j, "ResourceName", c.resource_name);
    put(j, "MessageCategory", c.message_category);
    j["vaultdeck"] = origin(region, c.source_vault_arn);
    return j;
}

AwsJson plan_json(const model::BackupPlan& p, const std::string& region) {
    AwsJson j = AwsJson::object();
    put(j, "BackupPlanArn", p.plan_arn);
    put(j, "BackupPlanId", p.plan_id);
    put(j, "CreationDate", p.creation_date);
    put(j, "VersionId", p.version_id);
    put(j, "BackupPlanName", p.plan_name);
    put(j, "LastExecutionDate", p.last_execution_date);
    AwsJson rules = AwsJson::array();
    for (const auto& r : p.rules) {
        AwsJson rule = AwsJson::object();
        put(rule, "RuleName", r.rule_name);
        put(rule, "TargetBackupVaultName", r.target_vault_name);
        put(rule, "ScheduleExpression", r.schedule_expression);
        put(rule, "StartWindowMinutes", r.start_window_minutes);
        put(rule, "CompletionWindowMinutes", r.completion_window_minutes);
        if (auto l = lifecycle(r.lifecycle); !l.empty()) rule["Lifecycle"] = l;
        if (!r.copy_actions.empty()) {
            AwsJson copies = AwsJson::array();
            for (const auto& c : r.copy_actions) {
                AwsJson copy = AwsJson::object();
                if (auto l = lifecycle(c.lifecycle); !l.empty()) copy["Lifecycle"] = l;
                copy["DestinationBackupVaultArn"] = c.destination_vault_arn;
                copies.push_back(std::move(copy));
            }
            rule["CopyActions"] = std::move(copies);
        }
        put(rule, "RuleId", r.rule_id);
        rule["EnableContinuousBackup"] = r.enable_continuous_backup;
        put(rule, "ScheduleExpressionTimezone", r.schedule_expression_timezone);
        rules.push_back(std::move(rule));
    }
    j["BackupPlan"] = {{"BackupPlanName", p.plan_name}, {"Rules", std::move(rules)}};
    j["vaultdeck"] = origin(region, p.plan_arn);
    return j;
}

AwsJson protected_resource_json(const model::ProtectedResource& r, const std::string& region) {
    AwsJson j = AwsJson::object();
    put(j, "ResourceArn", r.resource_arn);
    put(j, "ResourceType", r.resource_type);
    put(j, "LastBackupTime", r.last_backup_time);
    put(j, "ResourceName", r.resource_name);
    put(j, "LastBackupVaultArn", r.last_backup_vault_arn);
    put(j, "LastRecoveryPointArn", r.last_recovery_point_arn);
    j["vaultdeck"] = origin(region, r.resource_arn);
    return j;
}

}  // namespace vd::cli
