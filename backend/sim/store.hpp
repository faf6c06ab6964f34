// Adding, finding and removing things in a RegionState so that every index
// stays right: vault point maps, the ARN index, the deletion schedule, job
// indexes and the protected-resource list.
#pragma once

#include <optional>
#include <string>

#include "backend/sim/world.hpp"

namespace vd::sim {

// When a point moves to cold storage / is deleted, from its lifecycle (none for continuous points).
std::optional<TimePoint> cold_at(const RecoveryPoint& rp);
std::optional<TimePoint> delete_at(const RecoveryPoint& rp);
// WARM or COLD at time now.
std::string storage_class(const RecoveryPoint& rp, TimePoint now);

// Adds a point to its vault (which must exist) and records the backup on its resource.
RecoveryPoint& add_recovery_point(RegionState& state, RecoveryPoint rp);
// Removes a point; false when it was not there.
bool remove_recovery_point(RegionState& state, const std::string& arn);
// The point with this ARN (optionally only in this vault), or null.
RecoveryPoint* find_recovery_point(RegionState& state, const std::string& arn, const std::string& vault = {});

BackupJob& add_backup_job(RegionState& state, BackupJob job, bool active);
BackupJob* find_backup_job(RegionState& state, const std::string& id);
CopyJob& add_copy_job(RegionState& state, CopyJob job, bool active);
CopyJob* find_copy_job(RegionState& state, const std::string& id);
RestoreJob& add_restore_job(RegionState& state, RestoreJob job, bool active);
RestoreJob* find_restore_job(RegionState& state, const std::string& id);

// Adds a DB instance (or replaces one) and lists it as a protectable resource.
DbInstance& add_db_instance(RegionState& state, DbInstance db);
// Removes a DB instance and its inventory entry.
void remove_db_instance(RegionState& state, const std::string& identifier);
// Adds a resource to the region's inventory (what plans can select).
void add_resource(RegionState& state, Resource resource);

// The vault named by an ARN in any region of the world, or null.
Vault* find_vault_by_arn(World& world, const std::string& arn, RegionState** owner = nullptr);

}  // namespace vd::sim
