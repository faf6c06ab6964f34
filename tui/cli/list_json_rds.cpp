// The Amazon RDS members of `list --output json`: DBInstance, DBSnapshot and
// DBClusterSnapshot as the AWS CLI prints DescribeDBInstances,
// DescribeDBSnapshots and DescribeDBClusterSnapshots (TagList as a list of
// {Key, Value}, Endpoint as {Address, Port}).
#include "tui/cli/list_json.hpp"
#include "tui/cli/list_json_fields.hpp"

namespace vd::cli {

using namespace json_fields;

AwsJson db_instance_json(const model::DbInstance& d, const std::string& region) {
    AwsJson j = AwsJson::object();
    put(j, "DBInstanceIdentifier", d.identifier);
    put(j, "DBInstanceClass", d.instance_class);
    put(j, "Engine", d.engine);
    put(j, "DBInstanceStatus", d.status);
    put(j, "DBName", d.db_name);
    if (!d.endpoint.address.empty() || d.endpoint.port > 0) {
        AwsJson endpoint = AwsJson::object();
        put(endpoint, "Address", d.endpoint.address);
        if (d.endpoint.port > 0) endpoint["Port"] = d.endpoint.port;
        j["Endpoint"] = endpoint;
    }
    j["AllocatedStorage"] = d.allocated_storage_gb;
    put(j, "InstanceCreateTime", d.create_time);
    put(j, "PreferredBackupWindow", d.preferred_backup_window);
    j["BackupRetentionPeriod"] = d.backup_retention_period;
    if (!d.subnet_group.empty()) j["DBSubnetGroup"] = {{"DBSubnetGroupName", d.subnet_group}};
    put(j, "LatestRestorableTime", d.latest_restorable_time);
    j["MultiAZ"] = d.multi_az;
    put(j, "EngineVersion", d.engine_version);
    put(j, "DBClusterIdentifier", d.cluster_identifier);
    j["StorageEncrypted"] = d.storage_encrypted;
    put(j, "DbiResourceId", d.resource_id);
    put(j, "DBInstanceArn", d.arn);
    j["DeletionProtection"] = d.deletion_protection;
    AwsJson tags = AwsJson::array();
    for (const auto& [k, v] : d.tags) tags.push_back({{"Key", k}, {"Value", v}});
    j["TagList"] = std::move(tags);
    j["vaultdeck"] = origin(region, d.arn);
    return j;
}

AwsJson db_snapshot_json(const model::DbSnapshot& s, const std::string& region) {
    AwsJson j = AwsJson::object();
    const bool cluster = s.cluster_snapshot;
    put(j, cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier", s.identifier);
    put(j, cluster ? "DBClusterIdentifier" : "DBInstanceIdentifier", s.instance_identifier);
    put(j, "SnapshotCreateTime", s.create_time);
    put(j, "Engine", s.engine);
    j["AllocatedStorage"] = s.allocated_storage_gb;
    put(j, "Status", s.status);
    put(j, "SnapshotType", s.snapshot_type);
    j["PercentProgress"] = s.percent_progress;
    put(j, "SourceRegion", s.source_region);
    j[cluster ? "StorageEncrypted" : "Encrypted"] = s.encrypted;
    put(j, cluster ? "DBClusterSnapshotArn" : "DBSnapshotArn", s.arn);
    put(j, cluster ? "SourceDBClusterSnapshotArn" : "SourceDBSnapshotIdentifier", s.source_snapshot_arn);
    j["vaultdeck"] = origin(region, s.arn);
    return j;
}

}  // namespace vd::cli
