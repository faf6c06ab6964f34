// RDS facts derived from the world: new and restored DB instances, the
// automated snapshots an instance has, and its point-in-time restore window.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backend/sim/ids.hpp"
#include "backend/sim/world.hpp"

namespace vd::sim {

// How far behind now the latest restorable time of an instance stays.
inline constexpr std::chrono::minutes kPitrLag{5};

// A DB instance copied from `like` (engine, class, storage...) under a new
// identifier, in state "creating" until `ready`, then "available".
DbInstance restored_instance(const RegionState& state, IdSource& ids, const DbInstance& like,
                             const std::string& identifier, TimePoint now, TimePoint ready);

// A DB cluster copied from `like` (engine, version, port...) under a new
// identifier, without members, "creating" until `ready`; placement and
// groups are AWS's defaults until the request sets them.
DbCluster restored_cluster(const RegionState& state, IdSource& ids, const DbCluster& like, const std::string& identifier,
                           TimePoint now, TimePoint ready);

// The id of the default VPC security group of a region.
std::string default_security_group(const RegionState& state);

// An instance that looks like the source of a recovery point or snapshot,
// when the source itself is gone: found by identifier, else defaults.
DbInstance instance_like(const RegionState& state, const std::string& identifier);

// A snapshot of an instance or a cluster taken at `at`, as AWS describes it:
// engine, version, storage, port, user, encryption copied from its source;
// ready `ready_after` later. Type and status are the caller's.
DbSnapshot snapshot_of(const RegionState& state, const DbInstance& instance, const std::string& identifier, TimePoint at,
                       std::chrono::minutes ready_after);
DbSnapshot snapshot_of(const RegionState& state, const DbCluster& cluster, const std::string& identifier, TimePoint at,
                       std::chrono::minutes ready_after);

// The automated snapshots an instance has at time now (one a day in its
// backup window, kept for its retention period), oldest first.
std::vector<DbSnapshot> automated_snapshots(const RegionState& state, const DbInstance& instance, TimePoint now);
// The automated snapshots of a cluster.
std::vector<DbSnapshot> automated_cluster_snapshots(const RegionState& state, const DbCluster& cluster, TimePoint now);

struct RestoreWindow {
    TimePoint earliest;
    TimePoint latest;
};
// The point-in-time window of an instance with automated backups, else nullopt.
std::optional<RestoreWindow> restore_window(const DbInstance& instance, TimePoint now);
// The same for a cluster.
std::optional<RestoreWindow> cluster_restore_window(const DbCluster& cluster, TimePoint now);

// The endpoint host name AWS would give an instance.
std::string endpoint_address(const RegionState& state, const std::string& identifier);

}  // namespace vd::sim
