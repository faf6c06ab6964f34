// Amazon RDS over the query protocol (XML answers), typed, with Marker paging.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backend/aws/client.hpp"
#include "backend/model/rds.hpp"

namespace vd::services {

struct RestoreFromSnapshotRequest {
    std::string target_identifier;
    std::string snapshot_identifier;
    std::string instance_class;
    std::string subnet_group;
    std::vector<std::string> security_group_ids;
    std::string parameter_group;
    bool multi_az = false;
};

struct RestoreToPointInTimeRequest {
    std::string source_identifier;
    std::string source_resource_id;  // alternative to the identifier
    std::string target_identifier;
    std::optional<TimePoint> restore_time;  // empty with use_latest
    bool use_latest_restorable_time = false;
    std::string instance_class;
    std::string subnet_group;
    std::vector<std::string> security_group_ids;
    std::string parameter_group;
};

class RdsClient {
public:
    explicit RdsClient(std::shared_ptr<aws::AwsClient> client);

    Result<std::vector<model::DbInstance>> describe_db_instances(const std::string& identifier = {});
    Result<std::vector<model::DbCluster>> describe_db_clusters(const std::string& identifier = {});
    Result<std::vector<model::DbSnapshot>> describe_db_snapshots(const std::string& instance_identifier = {},
                                                                 const std::string& snapshot_type = {});
    Result<std::vector<model::DbSnapshot>> describe_db_cluster_snapshots(const std::string& cluster_identifier = {});
    Result<std::vector<model::AutomatedBackup>> describe_db_instance_automated_backups(const std::string& instance_identifier = {});
    Result<model::DbInstance> restore_db_instance_from_db_snapshot(const RestoreFromSnapshotRequest& request);
    Result<model::DbInstance> restore_db_instance_to_point_in_time(const RestoreToPointInTimeRequest& request);
    Result<model::DbInstance> delete_db_instance(const std::string& identifier, bool skip_final_snapshot,
                                                 const std::string& final_snapshot_identifier = {});
    Result<model::DbSnapshot> copy_db_snapshot(const std::string& source_arn, const std::string& target_identifier,
                                               const std::string& source_region, const std::string& kms_key_id = {});

private:
    std::shared_ptr<aws::AwsClient> client_;
};

}  // namespace vd::services
