// RdsClient: the describe calls (Marker pagination, 100 records a page) and
// the four calls that change AWS (restore twice, delete, copy).
#include "backend/services/rds_client.hpp"

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

// Adds the placement settings both restores share.
template <class Request>
void add_placement(QueryParams& p, const Request& r) {
    p.add_if("DBInstanceClass", r.instance_class);
    p.add_if("DBSubnetGroupName", r.subnet_group);
    p.add_list("VpcSecurityGroupIds", "VpcSecurityGroupId", r.security_group_ids);
    p.add_if("DBParameterGroupName", r.parameter_group);
}

}  // namespace

// Wraps the pipeline client of one account and region.
RdsClient::RdsClient(std::shared_ptr<aws::AwsClient> client) : client_(std::move(client)) {}

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
    add_placement(p, r);
    if (r.multi_az) p.add_bool("MultiAZ", true);
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
    add_placement(p, r);
    return change<model::DbInstance>(*client_, p, "DBInstance", rds_parse::db_instance);
}

// Deletes an instance, with or without a final snapshot (mutating).
Result<model::DbInstance> RdsClient::delete_db_instance(const std::string& identifier, bool skip_final_snapshot,
                                                        const std::string& final_snapshot_identifier) {
    const char* op = "DeleteDBInstance";
    if (auto s = require(identifier, "a DB instance identifier", op); !s) return s.error();
    if (!skip_final_snapshot) {
        if (auto s = require(final_snapshot_identifier, "a final snapshot identifier (or skip the final snapshot)", op); !s)
            return s.error();
    }
    auto p = params(op);
    p.add("DBInstanceIdentifier", identifier);
    p.add_bool("SkipFinalSnapshot", skip_final_snapshot);
    if (!skip_final_snapshot) p.add("FinalDBSnapshotIdentifier", final_snapshot_identifier);
    return change<model::DbInstance>(*client_, p, "DBInstance", rds_parse::db_instance);
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
