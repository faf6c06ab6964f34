// How AWS Backup's rest-json answers spell the simulator's objects: member
// names, timestamps as epoch seconds, optional members left out when empty.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "backend/sim/world.hpp"

namespace vd::sim {

nlohmann::json lifecycle_json(const Lifecycle& lifecycle);
nlohmann::json created_by_json(const CreatedBy& created_by);
// BackupVaultListMember / DescribeBackupVaultOutput.
nlohmann::json vault_json(const Vault& vault);

enum class PointShape { ByVault, ByResource, Describe };
nlohmann::json recovery_point_json(const RecoveryPoint& rp, const Vault& vault, TimePoint now, PointShape shape);

nlohmann::json backup_job_json(const BackupJob& job, const std::string& account_id, TimePoint now);
nlohmann::json copy_job_json(const CopyJob& job, const std::string& account_id, TimePoint now);
nlohmann::json restore_job_json(const RestoreJob& job, const std::string& account_id, TimePoint now);

nlohmann::json rule_json(const BackupRule& rule);
// BackupPlansListMember.
nlohmann::json plan_summary_json(const BackupPlan& plan);
// BackupSelection (the inner structure of GetBackupSelection).
nlohmann::json selection_json(const BackupSelection& selection);

// RestoreTestingPlanForList / RestoreTestingPlanForGet.
nlohmann::json restore_testing_plan_json(const RestoreTestingPlan& plan, bool full);

}  // namespace vd::sim
