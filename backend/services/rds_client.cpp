// RdsClient: the describe calls (Marker pagination, 100 records a page) and
// the calls that change AWS (instance and cluster restores, a cluster's new
// instance, delete, copy).
#include "backend/services/rds_client.hpp"

#include <fmt/format.h>

#include "backend/services/query_wire.hpp"
#include "backend/services/rds_parse.hpp"
#include "backend/services/rds_presign.hpp"

namespace vd::services {

namespace {

constexpr const char* kService = "rds";
constexpr const char* kVersion = "2014-10-31";

// The parameters of one RDS action.
QueryParams params(const char* action) { return QueryParams(action, kVersion); }

// Sends a call that changes AWS and reads the one <Element> of its result.
template <class T, class Parse>
Result<T> change(aws::AwsClient& client, const QueryParams& p, const char* element, Parse parse) {
    pugi::xml_document doc;
    auto result = query_wire::call(client, query_wire::make(kService, p, true), doc);
    if (!result) return result.error();
    pugi::xml_node node = result->child(element);
    if (!node)
        return make_error(ErrorKind::Parse, p.pairs().front().second + ": the answer has no <" + element + ">",
                          "MalformedXML");
    return parse(node);
}

// Tags as Tags.Tag.N.Key / Tags.Tag.N.Value.
void add_tags(QueryParams& p, const std::vector<std::pair<std::string, std::string>>& tags) {
    for (size_t i = 0; i < tags.size(); ++i) {
        std::string prefix = "Tags.Tag." + std::to_string(i + 1) + ".";
        p.add(prefix + "Key", tags[i].first);
        p.add(prefix + "Value", tags[i].second);
    }
}

// Adds an optional flag only when it was set.
void add_flag(QueryParams& p, const char* name, const std::optional<bool>& value) {
    if (value) p.add_bool(name, *value);
}

// Adds the settings an instance restore may give the new instance.
void add_instance_settings(QueryParams& p, const RestoreSettings& r) {
    p.add_if("DBInstanceClass", r.instance_class);
    p.add_if("DBSubnetGroupName", r.subnet_group);
    p.add_list("VpcSecurityGroupIds", "VpcSecurityGroupId", r.security_group_ids);
    p.add_if("DBParameterGroupName", r.parameter_group);
    p.add_if("OptionGroupName", r.option_group);
    if (r.port > 0) p.add("Port", std::to_string(r.port));
    p.add_if("StorageType", r.storage_type);
    if (r.iops > 0) p.add("Iops", std::to_string(r.iops));
    add_flag(p, "MultiAZ", r.multi_az);
    add_flag(p, "DeletionProtection", r.deletion_protection);
    add_flag(p, "CopyTagsToSnapshot", r.copy_tags_to_snapshot);
    add_tags(p, r.tags);
    p.add_if("EngineLifecycleSupport", r.engine_lifecycle_support);
}

// Adds the settings a cluster restore may give the new cluster.
void add_cluster_settings(QueryParams& p, const RestoreSettings& r) {
    p.add_if("DBSubnetGroupName", r.subnet_group);
    p.add_list("VpcSecurityGroupIds", "VpcSecurityGroupId", r.security_group_ids);
    p.add_if("DBClusterParameterGroupName", r.parameter_group);
    if (r.port > 0) p.add("Port", std::to_string(r.port));
    add_flag(p, "DeletionProtection", r.deletion_protection);
    add_flag(p, "CopyTagsToSnapshot", r.copy_tags_to_snapshot);
    add_tags(p, r.tags);
    p.add_if("EngineLifecycleSupport", r.engine_lifecycle_support);
}

// DeleteDBInstance or DeleteDBCluster: with a final snapshot unless skipped.
Result<QueryParams> delete_params(const char* op, const char* member, const char* what, const std::string& identifier,
                                  bool skip_final_snapshot, const std::string& final_snapshot_identifier) {
    if (auto s = require(identifier, what, op); !s) return s.error();
    if (!skip_final_snapshot) {
        if (auto s = require(final_snapshot_identifier, "a final snapshot identifier (or skip the final snapshot)", op); !s)
            return s.error();
    }
    auto p = params(op);
    p.add(member, identifier);
    p.add_bool("SkipFinalSnapshot", skip_final_snapshot);
    if (!skip_final_snapshot) p.add("FinalDBSnapshotIdentifier", final_snapshot_identifier);
    return p;
}

}  // namespace

// Wraps the pipeline client of one account and region.
RdsClient::RdsClient(std::shared_ptr<aws::AwsClient> client) : client_(std::move(client)) {}

// DescribeDBSubnetGroups of one name: its VPC.
Result<std::string> RdsClient::describe_db_subnet_group_vpc(const std::string& name) {
    const char* op = "DescribeDBSubnetGroups";
    if (auto s = require(name, "a DB subnet group name", op); !s) return s.error();
    auto p = params(op);
    p.add("DBSubnetGroupName", name);
    pugi::xml_document doc;
    auto result = query_wire::call(*client_, query_wire::make(kService, p), doc);
    if (!result) return result.error();
    auto group = result->child("DBSubnetGroups").child("DBSubnetGroup");
    if (!group) return make_error(ErrorKind::Parse, fmt::format("{}: the answer has no DBSubnetGroup", op), "MalformedXML");
    return std::string(group.child("VpcId").text().as_string());
}

// Every DB instance (or one), all pages.
Result<std::vector<model::DbInstance>> RdsClient::describe_db_instances(const std::string& identifier) {
    auto p = params("DescribeDBInstances");
    p.add_if("DBInstanceIdentifier", identifier);
    return query_wire::list_all<model::DbInstance>(*client_, kService, p, {"DBInstances", "DBInstance"},
                                                   rds_parse::db_instance);
}

// Every DB cluster (or one), all pages.
Result<std::vector<model::DbCluster>> RdsClient::describe_db_clusters(const std::string& identifier) {
    auto p = params("DescribeDBClusters");
    p.add_if("DBClusterIdentifier", identifier);
    return query_wire::list_all<model::DbCluster>(*client_, kService, p, {"DBClusters", "DBCluster"},
                                                  rds_parse::db_cluster);
}

// DB snapshots, optionally of one instance and one type, all pages.
Result<std::vector<model::DbSnapshot>> RdsClient::describe_db_snapshots(const std::string& instance_identifier,
                                                                       const std::string& snapshot_type) {
    auto p = params("DescribeDBSnapshots");
    p.add_if("DBInstanceIdentifier", instance_identifier);
    p.add_if("SnapshotType", snapshot_type);
    return query_wire::list_all<model::DbSnapshot>(*client_, kService, p, {"DBSnapshots", "DBSnapshot"},
                                                   rds_parse::db_snapshot);
}

// DB cluster snapshots, optionally of one cluster, all pages.
Result<std::vector<model::DbSnapshot>> RdsClient::describe_db_cluster_snapshots(const std::string& cluster_identifier) {
    auto p = params("DescribeDBClusterSnapshots");
    p.add_if("DBClusterIdentifier", cluster_identifier);
    return query_wire::list_all<model::DbSnapshot>(*client_, kService, p, {"DBClusterSnapshots", "DBClusterSnapshot"},
                                                   rds_parse::db_cluster_snapshot);
}

// Automated backups with their PITR windows, all pages.
Result<std::vector<model::AutomatedBackup>> RdsClient::describe_db_instance_automated_backups(
    const std::string& instance_identifier) {
    auto p = params("DescribeDBInstanceAutomatedBackups");
    p.add_if("DBInstanceIdentifier", instance_identifier);
    return query_wire::list_all<model::AutomatedBackup>(
        *client_, kService, p, {"DBInstanceAutomatedBackups", "DBInstanceAutomatedBackup"}, rds_parse::automated_backup);
}

// Restores a snapshot into a new instance (mutating).
Result<model::DbInstance> RdsClient::restore_db_instance_from_db_snapshot(const RestoreFromSnapshotRequest& r) {
    const char* op = "RestoreDBInstanceFromDBSnapshot";
    if (auto s = require(r.target_identifier, "a target DB instance identifier", op); !s) return s.error();
    if (auto s = require(r.snapshot_identifier, "a DB snapshot identifier", op); !s) return s.error();
    auto p = params(op);
    p.add("DBInstanceIdentifier", r.target_identifier);
    p.add("DBSnapshotIdentifier", r.snapshot_identifier);
    add_instance_settings(p, r);
    return change<model::DbInstance>(*client_, p, "DBInstance", rds_parse::db_instance);
}

// Restores an instance as of a time into a new instance (mutating).
Result<model::DbInstance> RdsClient::restore_db_instance_to_point_in_time(const RestoreToPointInTimeRequest& r) {
    const char* op = "RestoreDBInstanceToPointInTime";
    if (auto s = require(r.target_identifier, "a target DB instance identifier", op); !s) return s.error();
    if (r.source_identifier.empty() && r.source_resource_id.empty())
        return make_error(ErrorKind::InvalidInput, std::string(op) + ": a source DB instance identifier or resource id is required",
                          "MissingParameter");
    if (r.restore_time.has_value() == r.use_latest_restorable_time)
        return make_error(ErrorKind::InvalidInput,
                          std::string(op) + ": give either a restore time or use the latest restorable time, not both",
                          "InvalidParameterCombination");
    auto p = params(op);
    p.add_if("SourceDBInstanceIdentifier", r.source_identifier);
    if (r.source_identifier.empty()) p.add("SourceDbiResourceId", r.source_resource_id);
    p.add("TargetDBInstanceIdentifier", r.target_identifier);
    if (r.restore_time) p.add_time("RestoreTime", *r.restore_time);
    if (r.use_latest_restorable_time) p.add_bool("UseLatestRestorableTime", true);
    add_instance_settings(p, r);
    return change<model::DbInstance>(*client_, p, "DBInstance", rds_parse::db_instance);
}

// Restores a cluster snapshot into a new Aurora cluster, without instances (mutating).
Result<model::DbCluster> RdsClient::restore_db_cluster_from_snapshot(const RestoreClusterFromSnapshotRequest& r) {
    const char* op = "RestoreDBClusterFromSnapshot";
    if (auto s = require(r.cluster_identifier, "a new DB cluster identifier", op); !s) return s.error();
    if (auto s = require(r.snapshot_identifier, "a DB cluster snapshot identifier", op); !s) return s.error();
    if (auto s = require(r.engine, "the engine of the snapshot", op); !s) return s.error();
    auto p = params(op);
    p.add("DBClusterIdentifier", r.cluster_identifier);
    p.add("SnapshotIdentifier", r.snapshot_identifier);
    p.add("Engine", r.engine);
    p.add_if("EngineVersion", r.engine_version);
    add_cluster_settings(p, r);
    return change<model::DbCluster>(*client_, p, "DBCluster", rds_parse::db_cluster);
}

// Restores a cluster as of a time into a new Aurora cluster, without instances (mutating).
Result<model::DbCluster> RdsClient::restore_db_cluster_to_point_in_time(const RestoreClusterToPointInTimeRequest& r) {
    const char* op = "RestoreDBClusterToPointInTime";
    if (auto s = require(r.cluster_identifier, "a new DB cluster identifier", op); !s) return s.error();
    if (auto s = require(r.source_cluster_identifier, "a source DB cluster identifier", op); !s) return s.error();
    if (r.restore_time.has_value() == r.use_latest_restorable_time)
        return make_error(ErrorKind::InvalidInput,
                          std::string(op) + ": give either a restore time or use the latest restorable time, not both",
                          "InvalidParameterCombination");
    auto p = params(op);
    p.add("DBClusterIdentifier", r.cluster_identifier);
    p.add("SourceDBClusterIdentifier", r.source_cluster_identifier);
    if (r.restore_time) p.add_time("RestoreToTime", *r.restore_time);
    if (r.use_latest_restorable_time) p.add_bool("UseLatestRestorableTime", true);
    add_cluster_settings(p, r);
    return change<model::DbCluster>(*client_, p, "DBCluster", rds_parse::db_cluster);
}

// Adds a DB instance to an Aurora cluster (mutating). EngineLifecycleSupport
// is not sent: for Aurora the cluster holds it.
Result<model::DbInstance> RdsClient::create_cluster_instance(const CreateClusterInstanceRequest& r) {
    const char* op = "CreateDBInstance";
    if (auto s = require(r.identifier, "a new DB instance identifier", op); !s) return s.error();
    if (auto s = require(r.cluster_identifier, "the DB cluster identifier", op); !s) return s.error();
    if (auto s = require(r.instance_class, "a DB instance class", op); !s) return s.error();
    if (auto s = require(r.engine, "the cluster's engine", op); !s) return s.error();
    auto p = params(op);
    p.add("DBInstanceIdentifier", r.identifier);
    p.add("DBInstanceClass", r.instance_class);
    p.add("Engine", r.engine);
    p.add("DBClusterIdentifier", r.cluster_identifier);
    p.add_if("DBParameterGroupName", r.parameter_group);
    add_flag(p, "CopyTagsToSnapshot", r.copy_tags_to_snapshot);
    add_tags(p, r.tags);
    return change<model::DbInstance>(*client_, p, "DBInstance", rds_parse::db_instance);
}

// Deletes an instance, with or without a final snapshot (mutating).
Result<model::DbInstance> RdsClient::delete_db_instance(const std::string& identifier, bool skip_final_snapshot,
                                                        const std::string& final_snapshot_identifier) {
    auto p = delete_params("DeleteDBInstance", "DBInstanceIdentifier", "a DB instance identifier", identifier, skip_final_snapshot, final_snapshot_identifier);
    if (!p) return p.error();
    return change<model::DbInstance>(*client_, *p, "DBInstance", rds_parse::db_instance);
}

// Deletes a cluster, with or without a final cluster snapshot (mutating).
Result<model::DbCluster> RdsClient::delete_db_cluster(const std::string& identifier, bool skip_final_snapshot,
                                                      const std::string& final_snapshot_identifier) {
    auto p = delete_params("DeleteDBCluster", "DBClusterIdentifier", "a DB cluster identifier", identifier, skip_final_snapshot, final_snapshot_identifier);
    if (!p) return p.error();
    return change<model::DbCluster>(*client_, *p, "DBCluster", rds_parse::db_cluster);
}

// Copies a snapshot, presigned when it comes from another region (mutating).
Result<model::DbSnapshot> RdsClient::copy_db_snapshot(const std::string& source_arn, const std::string& target_identifier,
                                                      const std::string& source_region, const std::string& kms_key_id) {
    const char* op = "CopyDBSnapshot";
    if (auto s = require(source_arn, "a source DB snapshot", op); !s) return s.error();
    if (auto s = require(target_identifier, "a target DB snapshot identifier", op); !s) return s.error();
    auto p = params(op);
    p.add("SourceDBSnapshotIdentifier", source_arn);
    p.add("TargetDBSnapshotIdentifier", target_identifier);
    p.add_if("KmsKeyId", kms_key_id);
    const std::string& here = client_->options().region;
    if (!source_region.empty() && source_region != here) {
        auto url = presign_copy_db_snapshot(client_->options(), p, source_region);
        if (!url) return url.error();
        p.add("PreSignedUrl", *url);
    }
    return change<model::DbSnapshot>(*client_, p, "DBSnapshot", rds_parse::db_snapshot);
}

}  // namespace vd::services
