// The settings in AWS Backup restore metadata (StartRestoreJob) that the
// simulator gives the restored RDS instance or Aurora cluster, as AWS does:
// DBSubnetGroupName, VpcSecurityGroupIds (a JSON array in a string),
// DBParameterGroupName / DBClusterParameterGroupName, OptionGroupName, Port,
// MultiAZ, StorageType, Iops, CopyTagsToSnapshot, DeletionProtection and
// EngineLifecycleSupport. What the metadata leaves out stays AWS's default.
#pragma once

#include <map>
#include <string>

#include "backend/core/result.hpp"
#include "backend/sim/world.hpp"

namespace vd::sim {

using RestoreMetadata = std::map<std::string, std::string>;

// A one-line reason when a value is one AWS would refuse.
Status check_restore_metadata(const RestoreMetadata& metadata);
// Applies the metadata to a restored instance.
void apply_instance_metadata(const RestoreMetadata& metadata, DbInstance& db);
// Applies the metadata to a restored cluster.
void apply_cluster_metadata(const RestoreMetadata& metadata, DbCluster& cluster);

}  // namespace vd::sim
