// How Amazon RDS's query-protocol answers spell instances, clusters,
// snapshots and automated backups (element names from the service model).
#pragma once

#include <pugixml.hpp>

#include "backend/sim/world.hpp"

namespace vd::sim {

inline constexpr const char* kRdsNamespace = "http://rds.amazonaws.com/doc/2014-10-31/";

// Appends <name>...DBInstance members...</name>.
void xml_db_instance(pugi::xml_node parent, const char* name, const RegionState& state, const DbInstance& db, TimePoint now);
void xml_db_cluster(pugi::xml_node parent, const RegionState& state, const DbCluster& cluster, TimePoint now);
void xml_db_snapshot(pugi::xml_node parent, const char* name, const RegionState& state, const DbSnapshot& snap, TimePoint now);
void xml_cluster_snapshot(pugi::xml_node parent, const RegionState& state, const DbSnapshot& snap, TimePoint now);
// One DBInstanceAutomatedBackup; deleted_at set for retained backups of deleted instances.
void xml_automated_backup(pugi::xml_node parent, const RegionState& state, const DbInstance& db, TimePoint now,
                          const std::optional<TimePoint>& deleted_at);

// The automated-backups ARN of an instance (stable for its resource id).
std::string automated_backups_arn(const RegionState& state, const DbInstance& db);

}  // namespace vd::sim
