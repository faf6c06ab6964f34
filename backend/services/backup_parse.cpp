#include "backend/services/backup_parse.hpp"

#include "backend/services/json_util.hpp"

namespace vd::services::backup_parse {

model::Vault vault(const nlohmann::json& j) {
    JsonFields f(j);
    model::Vault v;
    v.name = f.str("BackupVaultName");
    v.arn = f.str("BackupVaultArn");
    v.vault_type = f.str("VaultType");
    v.vault_state = f.str("VaultState");
    v.encryption_key_arn = f.str("EncryptionKeyArn");
    v.creation_date = f.time("CreationDate");
    v.recovery_points = f.int64("NumberOfRecoveryPoints").value_or(0);
    v.locked = f.boolean("Locked");
    v.min_retention_days = f.int64("MinRetentionDays");
    v.max_retention_days = f.int64("MaxRetentionDays");
    v.lock_date = f.time("LockDate");
    v.extra = f.unread();
    return v;
}

model::Lifecycle lifecycle(const nlohmann::json& j) {
    JsonFields f(j);
    model::Lifecycle l;
    l.move_to_cold_storage_after_days = f.int64("MoveToColdStorageAfterDays");
    l.delete_after_days = f.int64("DeleteAfterDays");
    l.opt_in_to_archive_for_supported_resources = f.boolean("OptInToArchiveForSupportedResources");
    return l;
}

model::RecoveryPoint recovery_point(const nlohmann::json& j) {
    JsonFields f(j);
    model::RecoveryPoint p;
    p.arn = f.str("RecoveryPointArn");
    p.vault_name = f.str("BackupVaultName");
    p.vault_arn = f.str("BackupVaultArn");
    p.source_vault_arn = f.str("SourceBackupVaultArn");
    p.resource_arn = f.str("ResourceArn");
    p.resource_type = f.str("ResourceType");
    p.resource_name = f.str("ResourceName");
    p.status = f.str("Status");
    p.status_message = f.str("StatusMessage");
    p.storage_class = f.str("StorageClass");
    p.creation_date = f.time("CreationDate");
    p.completion_date = f.time("CompletionDate");
    p.backup_size_bytes = f.int64("BackupSizeInBytes");
    if (!p.backup_size_bytes) p.backup_size_bytes = f.int64("BackupSizeBytes");  // the ByResource spelling
    p.lifecycle = lifecycle(f.object("Lifecycle"));
    JsonFields calculated(f.object("CalculatedLifecycle"));
    p.calculated.move_to_cold_storage_at = calculated.time("MoveToColdStorageAt");
    p.calculated.delete_at = calculated.time("DeleteAt");
    p.encrypted = f.boolean("IsEncrypted");
    p.encryption_key_arn = f.str("EncryptionKeyArn");
    p.iam_role_arn = f.str("IamRoleArn");
    JsonFields created_by(f.object("CreatedBy"));
    p.backup_plan_id = created_by.str("BackupPlanId");
    p.backup_plan_arn = created_by.str("BackupPlanArn");
    p.backup_plan_name = created_by.str("BackupPlanName");
    p.backup_rule_id = created_by.str("BackupRuleId");
    p.created_by_rule_name = created_by.str("BackupRuleName");
    p.is_parent = f.boolean("IsParent");
    p.parent_recovery_point_arn = f.str("ParentRecoveryPointArn");
    p.composite_member_identifier = f.str("CompositeMemberIdentifier");
    p.initiation_date = f.time("InitiationDate");
    p.vault_type = f.str("VaultType");
    p.encryption_key_type = f.str("EncryptionKeyType");
    p.extra = f.unread();
    return p;
}

model::BackupJob backup_job(const nlohmann::json& j) {
    JsonFields f(j);
    model::BackupJob b;
    b.account_id = f.str("AccountId");
    b.job_id = f.str("BackupJobId");
    b.vault_name = f.str("BackupVaultName");
    b.vault_arn = f.str("BackupVaultArn");
    b.recovery_point_arn = f.str("RecoveryPointArn");
    b.resource_arn = f.str("ResourceArn");
    b.resource_type = f.str("ResourceType");
    b.resource_name = f.str("ResourceName");
    b.state = f.str("State");
    b.status_message = f.str("StatusMessage");
    b.message_category = f.str("MessageCategory");
    b.percent_done = f.str("PercentDone");
    b.creation_date = f.time("CreationDate");
    b.completion_date = f.time("CompletionDate");
    b.start_by = f.time("StartBy");
    b.backup_size_bytes = f.int64("BackupSizeInBytes");
    b.iam_role_arn = f.str("IamRoleArn");
    JsonFields created_by(f.object("CreatedBy"));
    b.backup_plan_id = created_by.str("BackupPlanId");
    b.backup_rule_id = created_by.str("BackupRuleId");
    b.extra = f.unread();
    return b;
}

model::CopyJob copy_job(const nlohmann::json& j) {
    JsonFields f(j);
    model::CopyJob c;
    c.account_id = f.str("AccountId");
    c.copy_job_id = f.str("CopyJobId");
    c.source_vault_arn = f.str("SourceBackupVaultArn");
    c.source_recovery_point_arn = f.str("SourceRecoveryPointArn");
    c.destination_vault_arn = f.str("DestinationBackupVaultArn");
    c.destination_recovery_point_arn = f.str("DestinationRecoveryPointArn");
    c.resource_arn = f.str("ResourceArn");
    c.resource_type = f.str("ResourceType");
    c.resource_name = f.str("ResourceName");
    c.state = f.str("State");
    c.status_message = f.str("StatusMessage");
    c.message_category = f.str("MessageCategory");
    c.creation_date = f.time("CreationDate");
    c.completion_date = f.time("CompletionDate");
    c.backup_size_bytes = f.int64("BackupSizeInBytes");
    c.extra = f.unread();
    return c;
}

model::RestoreJob restore_job(const nlohmann::json& j) {
    JsonFields f(j);
    model::RestoreJob r;
    r.account_id = f.str("AccountId");
    r.restore_job_id = f.str("RestoreJobId");
    r.recovery_point_arn = f.str("RecoveryPointArn");
    r.resource_type = f.str("ResourceType");
    r.source_resource_arn = f.str("SourceResourceArn");
    r.created_resource_arn = f.str("CreatedResourceArn");
    r.status = f.str("Status");
    r.status_message = f.str("StatusMessage");
    r.percent_done = f.str("PercentDone");
    r.creation_date = f.time("CreationDate");
    r.completion_date = f.time("CompletionDate");
    r.backup_size_bytes = f.int64("BackupSizeInBytes");
    r.expected_completion_time_minutes = f.int64("ExpectedCompletionTimeMinutes");
    r.iam_role_arn = f.str("IamRoleArn");
    r.validation_status = f.str("ValidationStatus");
    r.validation_status_message = f.str("ValidationStatusMessage");
    r.restore_testing_plan_arn = JsonFields(f.object("CreatedBy")).str("RestoreTestingPlanArn");
    r.extra = f.unread();
    return r;
}

model::BackupRule backup_rule(const nlohmann::json& j) {
    JsonFields f(j);
    model::BackupRule r;
    r.rule_id = f.str("RuleId");
    r.rule_name = f.str("RuleName");
    r.target_vault_name = f.str("TargetBackupVaultName");
    r.schedule_expression = f.str("ScheduleExpression");
    r.schedule_expression_timezone = f.str("ScheduleExpressionTimezone");
    r.start_window_minutes = f.int64("StartWindowMinutes");
    r.completion_window_minutes = f.int64("CompletionWindowMinutes");
    r.lifecycle = lifecycle(f.object("Lifecycle"));
    for (const auto& action : f.array("CopyActions")) {
        JsonFields a(action);
        model::CopyAction copy;
        copy.destination_vault_arn = a.str("DestinationBackupVaultArn");
        copy.lifecycle = lifecycle(a.object("Lifecycle"));
        r.copy_actions.push_back(std::move(copy));
    }
    r.enable_continuous_backup = f.boolean("EnableContinuousBackup");
    return r;
}

model::BackupPlan plan_summary(const nlohmann::json& j) {
    JsonFields f(j);
    model::BackupPlan p;
    p.plan_id = f.str("BackupPlanId");
    p.plan_arn = f.str("BackupPlanArn");
    p.plan_name = f.str("BackupPlanName");
    p.version_id = f.str("VersionId");
    p.creation_date = f.time("CreationDate");
    p.last_execution_date = f.time("LastExecutionDate");
    p.extra = f.unread();
    return p;
}

model::BackupPlan backup_plan(const nlohmann::json& j) {
    JsonFields f(j);
    model::BackupPlan p;
    p.plan_id = f.str("BackupPlanId");
    p.plan_arn = f.str("BackupPlanArn");
    p.version_id = f.str("VersionId");
    p.creation_date = f.time("CreationDate");
    p.last_execution_date = f.time("LastExecutionDate");
    JsonFields body(f.object("BackupPlan"));
    p.plan_name = body.str("BackupPlanName");
    for (const auto& rule : body.array("Rules")) p.rules.push_back(backup_rule(rule));
    p.extra = f.unread();
    return p;
}

model::BackupSelection selection_summary(const nlohmann::json& j) {
    JsonFields f(j);
    model::BackupSelection s;
    s.selection_id = f.str("SelectionId");
    s.selection_name = f.str("SelectionName");
    s.iam_role_arn = f.str("IamRoleArn");
    return s;
}

model::BackupSelection backup_selection(const nlohmann::json& j) {
    JsonFields f(j);
    model::BackupSelection s;
    s.selection_id = f.str("SelectionId");
    JsonFields body(f.object("BackupSelection"));
    s.selection_name = body.str("SelectionName");
    s.iam_role_arn = body.str("IamRoleArn");
    for (const auto& arn : body.array("Resources"))
        if (arn.is_string()) s.resources.push_back(arn.get<std::string>());
    for (const auto& arn : body.array("NotResources"))
        if (arn.is_string()) s.not_resources.push_back(arn.get<std::string>());
    for (const auto& condition : body.array("ListOfTags")) {
        JsonFields c(condition);
        s.tag_conditions.emplace_back(c.str("ConditionKey"), c.str("ConditionValue"));
    }
    return s;
}

model::ProtectedResource protected_resource(const nlohmann::json& j) {
    JsonFields f(j);
    model::ProtectedResource r;
    r.resource_arn = f.str("ResourceArn");
    r.resource_type = f.str("ResourceType");
    r.resource_name = f.str("ResourceName");
    r.last_backup_time = f.time("LastBackupTime");
    r.last_backup_vault_arn = f.str("LastBackupVaultArn");
    r.last_recovery_point_arn = f.str("LastRecoveryPointArn");
    r.extra = f.unread();
    return r;
}

model::RestoreTestingPlan restore_testing_plan(const nlohmann::json& j) {
    JsonFields f(j);
    model::RestoreTestingPlan p;
    p.name = f.str("RestoreTestingPlanName");
    p.arn = f.str("RestoreTestingPlanArn");
    p.schedule_expression = f.str("ScheduleExpression");
    p.schedule_expression_timezone = f.str("ScheduleExpressionTimezone");
    p.last_execution_time = f.time("LastExecutionTime");
    p.creation_time = f.time("CreationTime");
    p.extra = f.unread();
    return p;
}

model::JobSummary job_summary(const nlohmann::json& j) {
    JsonFields f(j);
    model::JobSummary s;
    s.account_id = f.str("AccountId");
    s.region = f.str("Region");
    s.state = f.str("State");
    s.resource_type = f.str("ResourceType");
    s.message_category = f.str("MessageCategory");
    s.count = f.int64("Count").value_or(0);
    s.start_time = f.time("StartTime");
    s.end_time = f.time("EndTime");
    return s;
}

model::RestoreMetadata restore_metadata(const nlohmann::json& j) {
    JsonFields f(j);
    model::RestoreMetadata m;
    m.recovery_point_arn = f.str("RecoveryPointArn");
    m.resource_type = f.str("ResourceType");
    m.metadata = f.string_map("RestoreMetadata");
    return m;
}

}  // namespace vd::services::backup_parse
