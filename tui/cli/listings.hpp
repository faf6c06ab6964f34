// The rows and columns `vaultdeck list KIND` prints for each kind: which
// columns a table shows, and the stable camelCase keys (mirroring the AWS
// member names) that JSON and CSV carry. Sorting is newest first for
// anything with a creation time, by name otherwise.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "backend/model/backup.hpp"
#include "backend/model/rds.hpp"
#include "tui/cli/output_format.hpp"

namespace vd::cli {

Listing vaults_listing(std::vector<model::Vault> vaults);
Listing recovery_points_listing(std::vector<model::RecoveryPoint> points);
Listing backup_jobs_listing(std::vector<model::BackupJob> jobs);
Listing restore_jobs_listing(std::vector<model::RestoreJob> jobs);
Listing copy_jobs_listing(std::vector<model::CopyJob> jobs);
// One row per rule (a plan without rules is one row with empty rule fields).
Listing plans_listing(std::vector<model::BackupPlan> plans);
Listing protected_resources_listing(std::vector<model::ProtectedResource> resources);
Listing db_instances_listing(std::vector<model::DbInstance> instances);
// Instance and cluster snapshots together; clusterSnapshot tells them apart.
Listing db_snapshots_listing(std::vector<model::DbSnapshot> snapshots);

// The name at the end of an ARN: "prod-primary" of
// arn:aws:backup:eu-west-1:1:backup-vault:prod-primary, "fs-1" of .../fs-1.
std::string arn_tail(std::string_view arn);

}  // namespace vd::cli
