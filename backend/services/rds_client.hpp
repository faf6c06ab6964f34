// Amazon RDS over the query protocol (XML answers), typed, with Marker paging.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backend/aws/client.hpp"
#include "backend/model/rds.hpp"

namespace vd::services {

// The value that keeps a new database off paid RDS Extended Support; AWS's
// own default is "open-source-rds-extended-support".
inline constexpr const char* kExtendedSupportDisabled = "open-source-rds-extended-support-disabled";
inline constexpr const char* kExtendedSupport = "open-source-rds-extended-support";

// What a restore may set on the new instance or cluster; empty or unset
// members leave AWS's defaults (which are not the source's).
struct RestoreSettings {
    std::string instance_class;
    std::string subnet_group;
    std::vector<std::string> security_group_ids;
    std::string parameter_group;  // the DB parameter group (a cluster's: DB cluster parameter group)
    std::string option_group;
    int port = 0;
    std::string storage_type;  // gp2, gp3, io1, io2, standard
    int64_t iops = 0;
    std::optional<bool> multi_az;
    std::optional<bool> deletion_protection;
    std::optional<bool> copy_tags_to_snapshot;
    std::vector<std::pair<std::string, std::string>> tags;
    std::string engine_lifecycle_support;  // kExtendedSupportDisabled or kExtendedSupport
};

struct RestoreFromSnapshotRequest : RestoreSettings {
    std::string target_identifier;
    std::string snapshot_identifier;
};

struct RestoreToPointInTimeRequest : RestoreSettings {
    std::string source_identifier;
    std::string source_resource_id;  // alternative to the identifier
    std::string target_identifier;
    std::optional<TimePoint> restore_time;  // empty with use_latest
    bool use_latest_restorable_time = false;
};

// A new Aurora cluster from a DB cluster snapshot (instance_class, option
// group, storage and Multi-AZ do not apply to a cluster).
struct RestoreClusterFromSnapshotRequest : RestoreSettings {
    std::string cluster_identifier;
    std::string snapshot_identifier;
    std::string engine;  // required by AWS: the snapshot's engine
    std::string engine_version;
};

// A new Aurora cluster as of a time of another cluster.
struct RestoreClusterToPointInTimeRequest : RestoreSettings {
    std::string source_cluster_identifier;
    std::string cluster_identifier;
    std::optional<TimePoint> restore_time;  // empty with use_latest
    bool use_latest_restorable_time = false;
};

// A DB instance added to an Aurora cluster (its writer after a restore).
struct CreateClusterInstanceRequest {
    std::string identifier;
    std::string cluster_identifier;
    std::string instance_class;
    std::string engine;
    std::string parameter_group;
    std::vector<std::pair<std::string, std::string>> tags;
    std::optional<bool> copy_tags_to_snapshot;
};

class RdsClient {
public:
    explicit RdsClient(std::shared_ptr<aws::AwsClient> client);

    Result<std::vector<model::DbInstance>> describe_db_instances(const std::string& identifier = {});
    Result<std::vector<model::DbCluster>> describe_db_clusters(const std::string& identifier = {});
    // One DB subnet group's VPC; NotFound (code DBSubnetGroupNotFoundFault) when it does not exist.
    Result<std::string> describe_db_subnet_group_vpc(const std::string& name);
    Result<std::vector<model::DbSnapshot>> describe_db_snapshots(const std::string& instance_identifier = {},
                                                                 const std::string& snapshot_type = {});
    Result<std::vector<model::DbSnapshot>> describe_db_cluster_snapshots(const std::string& cluster_identifier = {});
    Result<std::vector<model::AutomatedBackup>> describe_db_instance_automated_backups(const std::string& instance_identifier = {});
    Result<model::DbInstance> restore_db_instance_from_db_snapshot(const RestoreFromSnapshotRequest& request);
    Result<model::DbInstance> restore_db_instance_to_point_in_time(const RestoreToPointInTimeRequest& request);
    Result<model::DbCluster> restore_db_cluster_from_snapshot(const RestoreClusterFromSnapshotRequest& request);
    Result<model::DbCluster> restore_db_cluster_to_point_in_time(const RestoreClusterToPointInTimeRequest& request);
    Result<model::DbInstance> create_cluster_instance(const CreateClusterInstanceRequest& request);
    Result<model::DbInstance> delete_db_instance(const std::string& identifier, bool skip_final_snapshot,
                                                 const std::string& final_snapshot_identifier = {});
    // Deletes a cluster whose instances are being deleted; a final cluster
    // snapshot unless skip_final_snapshot.
    Result<model::DbCluster> delete_db_cluster(const std::string& identifier, bool skip_final_snapshot,
                                               const std::string& final_snapshot_identifier = {});
    Result<model::DbSnapshot> copy_db_snapshot(const std::string& source_arn, const std::string& target_identifier,
                                               const std::string& source_region, const std::string& kms_key_id = {});

private:
    std::shared_ptr<aws::AwsClient> client_;
};

}  // namespace vd::services
