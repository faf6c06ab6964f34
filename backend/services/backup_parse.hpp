// AWS Backup answers (rest-json) into model values. Every parser takes one
// JSON object, reads what the model holds and keeps the rest in `extra`;
// enum-like members stay strings so new values pass through unchanged.
#pragma once

#include <nlohmann/json.hpp>

#include "backend/model/backup.hpp"

namespace vd::services::backup_parse {

// A BackupVaultListMember or a DescribeBackupVault answer.
model::Vault vault(const nlohmann::json& j);
// A RecoveryPointByBackupVault, RecoveryPointByResource or DescribeRecoveryPoint answer.
model::RecoveryPoint recovery_point(const nlohmann::json& j);
// A BackupJob or a DescribeBackupJob answer.
model::BackupJob backup_job(const nlohmann::json& j);
// A CopyJob.
model::CopyJob copy_job(const nlohmann::json& j);
// A RestoreJobsListMember or a DescribeRestoreJob answer.
model::RestoreJob restore_job(const nlohmann::json& j);
// A Lifecycle structure.
model::Lifecycle lifecycle(const nlohmann::json& j);
// A BackupRule (with its Lifecycle and CopyActions).
model::BackupRule backup_rule(const nlohmann::json& j);
// A BackupPlansListMember (no rules).
model::BackupPlan plan_summary(const nlohmann::json& j);
// A GetBackupPlan answer (the plan with its rules).
model::BackupPlan backup_plan(const nlohmann::json& j);
// A BackupSelectionsListMember (id and name only).
model::BackupSelection selection_summary(const nlohmann::json& j);
// A GetBackupSelection answer.
model::BackupSelection backup_selection(const nlohmann::json& j);
// A ProtectedResource.
model::ProtectedResource protected_resource(const nlohmann::json& j);
// A RestoreTestingPlanForList or RestoreTestingPlanForGet.
model::RestoreTestingPlan restore_testing_plan(const nlohmann::json& j);
// A BackupJobSummary.
model::JobSummary job_summary(const nlohmann::json& j);
// A GetRecoveryPointRestoreMetadata answer.
model::RestoreMetadata restore_metadata(const nlohmann::json& j);

}  // namespace vd::services::backup_parse
