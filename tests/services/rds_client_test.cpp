// RdsClient over the query protocol: requests checked against the RDS model
// (Action, Version, Param.Member.N lists, MaxRecords, Marker), XML answers
// parsed from realistic fixtures, Marker pagination followed, the
// cross-region copy presigned, and pipeline errors passed through.
#include <gtest/gtest.h>

#include "backend/aws/sigv4_verify.hpp"
#include "backend/core/time_format.hpp"
#include "backend/services/rds_client.hpp"
#include "services/support/fake_aws_client.hpp"
#include "services/support/model_check.hpp"

namespace vd::test {
namespace {

using services::RdsClient;

TimePoint at(const char* iso, int ms = 0) { return *parse_time(iso) + std::chrono::milliseconds(ms); }

class StaticCredentials final : public aws::CredentialsProvider {
public:
    Result<aws::Credentials> credentials() override { return aws::Credentials{"AKIDEXAMPLE", "secret-example", "", {}, "test"}; }
    std::string name() const override { return "static"; }
};

class RdsRequests : public ::testing::Test {
protected:
    void TearDown() override {
        for (const auto& r : fake->requests()) EXPECT_EQ(model.check(r), std::vector<std::string>{}) << r.operation;
    }

    inline static ServiceModel model = ServiceModel::load("rds");
    std::shared_ptr<FakeAwsClient> fake = std::make_shared<FakeAwsClient>();
    RdsClient client{fake};
};

TEST_F(RdsRequests, DescribeDBInstancesFollowsTheMarkerWithOneHundredRecordsAPage) {
    fake->push_body(fixture("rds/describe_db_instances_page1.xml"));
    fake->push_body(fixture("rds/describe_db_instances_page2.xml"));
    auto instances = client.describe_db_instances();
    ASSERT_TRUE(instances.ok()) << instances.error().to_string();
    ASSERT_EQ(instances->size(), 2u);
    ASSERT_EQ(fake->requests().size(), 2u);
    const auto& first = fake->requests()[0];
    EXPECT_EQ(first.method, "POST");
    EXPECT_EQ(first.protocol, aws::Protocol::Query);
    EXPECT_EQ(FakeAwsClient::form_value(first, "Action"), "DescribeDBInstances");
    EXPECT_EQ(FakeAwsClient::form_value(first, "Version"), "2014-10-31");
    EXPECT_EQ(FakeAwsClient::form_value(first, "MaxRecords"), "100");
    EXPECT_EQ(FakeAwsClient::form_value(first, "Marker"), "");
    EXPECT_EQ(FakeAwsClient::form_value(fake->requests()[1], "Marker"), "eyJtYXJrZXIiOiAib3JkZXJzLXByb2QifQ==");
    EXPECT_NE(fake->requests()[1].body.find("Marker=eyJtYXJrZXIiOiAib3JkZXJzLXByb2QifQ%3D%3D"), std::string::npos);

    const auto& orders = (*instances)[0];
    EXPECT_EQ(orders.identifier, "orders-prod");
    EXPECT_EQ(orders.arn, "arn:aws:rds:eu-west-1:111122223333:db:orders-prod");
    EXPECT_EQ(orders.resource_id, "db-ABCDEFGHIJKLMNOPQRSTUVWXY1");
    EXPECT_EQ(orders.endpoint.address, "orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com");
    EXPECT_EQ(orders.endpoint.port, 5432);
    EXPECT_EQ(orders.latest_restorable_time, at("2025-11-22T03:35:00Z", 123));
    EXPECT_EQ(orders.create_time, at("2024-06-01T00:00:00Z"));
    EXPECT_EQ(orders.backup_retention_period, 14);
    EXPECT_EQ(orders.allocated_storage_gb, 500);
    EXPECT_EQ(orders.preferred_backup_window, "02:30-03:00");
    EXPECT_EQ(orders.subnet_group, "prod-db-subnets");
    EXPECT_EQ(orders.db_name, "orders");
    EXPECT_TRUE(orders.multi_az);
    EXPECT_TRUE(orders.storage_encrypted);
    EXPECT_TRUE(orders.deletion_protection);
    ASSERT_EQ(orders.tags.size(), 2u);
    EXPECT_EQ(orders.tags[1], (std::pair<std::string, std::string>{"backup", "daily"}));
    const auto& replica = (*instances)[1];
    EXPECT_EQ(replica.identifier, "pedidos-réplica");
    EXPECT_EQ(replica.status, "backing-up-sideways");
    EXPECT_EQ(replica.cluster_identifier, "pedidos-cluster");
    EXPECT_FALSE(replica.latest_restorable_time.has_value());
    EXPECT_TRUE(replica.tags.empty());
    EXPECT_TRUE(replica.db_name.empty());
}

TEST_F(RdsRequests, EmptyListsAndIdentifierFilters) {
    fake->push_body(fixture("rds/describe_db_instances_empty.xml"));
    auto none = client.describe_db_instances("pedidos-réplica");
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "DBInstanceIdentifier"), "pedidos-réplica");
    EXPECT_NE(fake->last().body.find("DBInstanceIdentifier=pedidos-r%C3%A9plica"), std::string::npos);
}

TEST_F(RdsRequests, SnapshotsKeepTypeAndSourceRegion) {
    fake->push_body(fixture("rds/describe_db_snapshots.xml"));
    auto snaps = client.describe_db_snapshots("orders-prod", "manual");
    ASSERT_TRUE(snaps.ok());
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "SnapshotType"), "manual");
    ASSERT_EQ(snaps->size(), 2u);
    EXPECT_EQ((*snaps)[0].snapshot_type, "automated");
    EXPECT_EQ((*snaps)[0].create_time, at("2025-11-22T02:35:12Z", 345));
    EXPECT_TRUE((*snaps)[0].encrypted);
    EXPECT_EQ((*snaps)[0].percent_progress, 100);
    EXPECT_FALSE((*snaps)[0].cluster_snapshot);
    EXPECT_EQ((*snaps)[1].status, "copying");
    EXPECT_EQ((*snaps)[1].source_region, "us-east-1");
    EXPECT_EQ((*snaps)[1].source_snapshot_arn, "arn:aws:rds:us-east-1:111122223333:snapshot:orders-prod-nightly");

    fake->push_body(fixture("rds/describe_db_cluster_snapshots.xml"));
    auto cluster = client.describe_db_cluster_snapshots("pedidos-cluster");
    ASSERT_TRUE(cluster.ok());
    ASSERT_EQ(cluster->size(), 1u);
    EXPECT_TRUE((*cluster)[0].cluster_snapshot);
    EXPECT_EQ((*cluster)[0].instance_identifier, "pedidos-cluster");
    EXPECT_EQ((*cluster)[0].create_time, at("2025-11-22T03:00:05Z", 500));
    EXPECT_TRUE((*cluster)[0].encrypted);
    EXPECT_EQ((*cluster)[0].source_snapshot_arn, "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:pedidos-origin");
}

TEST_F(RdsRequests, ClustersAndThePitrWindowOfAutomatedBackups) {
    fake->push_body(fixture("rds/describe_db_clusters.xml"));
    auto clusters = client.describe_db_clusters();
    ASSERT_TRUE(clusters.ok());
    ASSERT_EQ(clusters->size(), 1u);
    EXPECT_EQ((*clusters)[0].endpoint.address, "pedidos.cluster-x.eu-west-1.rds.amazonaws.com");
    EXPECT_EQ((*clusters)[0].endpoint.port, 5432);
    EXPECT_EQ((*clusters)[0].earliest_restorable_time, at("2025-11-15T03:00:00Z"));
    EXPECT_EQ((*clusters)[0].members, (std::vector<std::string>{"pedidos-réplica", "pedidos-writer"}));

    fake->push_body(fixture("rds/describe_db_instance_automated_backups.xml"));
    auto backups = client.describe_db_instance_automated_backups("orders-prod");
    ASSERT_TRUE(backups.ok());
    ASSERT_EQ(backups->size(), 2u);
    ASSERT_TRUE((*backups)[0].restore_window.has_value());
    EXPECT_EQ((*backups)[0].restore_window->earliest, at("2025-11-08T02:35:00Z"));
    EXPECT_EQ((*backups)[0].restore_window->latest, at("2025-11-22T03:35:00Z", 123));
    EXPECT_EQ((*backups)[0].arn, "arn:aws:rds:eu-west-1:111122223333:auto-backup:ab-abcdefghijklmnop");
    EXPECT_EQ((*backups)[1].status, "retained");
    EXPECT_FALSE((*backups)[1].restore_window.has_value());  // only one end of the window
}

TEST_F(RdsRequests, RestoreFromSnapshotEncodesSecurityGroupsAsModelledAndIsMutating) {
    fake->push_body(fixture("rds/RestoreDBInstanceFromDBSnapshot.xml"));
    services::RestoreFromSnapshotRequest req;
    req.target_identifier = "orders-drill-20251122";
    req.snapshot_identifier = "rds:orders-prod-2025-11-22-02-35";
    req.instance_class = "db.t4g.medium";
    req.subnet_group = "drill-subnets";
    req.security_group_ids = {"sg-0a1b2c3d", "sg-99887766"};
    req.parameter_group = "drill-pg16";
    req.multi_az = true;
    auto db = client.restore_db_instance_from_db_snapshot(req);
    ASSERT_TRUE(db.ok()) << db.error().to_string();
    EXPECT_EQ(db->identifier, "orders-drill-20251122");
    EXPECT_EQ(db->status, "creating");
    EXPECT_EQ(db->subnet_group, "drill-subnets");
    const auto& r = fake->last();
    EXPECT_TRUE(r.mutating);
    EXPECT_EQ(FakeAwsClient::form_value(r, "VpcSecurityGroupIds.VpcSecurityGroupId.1"), "sg-0a1b2c3d");
    EXPECT_EQ(FakeAwsClient::form_value(r, "VpcSecurityGroupIds.VpcSecurityGroupId.2"), "sg-99887766");
    EXPECT_EQ(FakeAwsClient::form_value(r, "MultiAZ"), "true");
    EXPECT_EQ(FakeAwsClient::form_value(r, "DBParameterGroupName"), "drill-pg16");
}

TEST_F(RdsRequests, RestoreToPointInTimeSendsAnIsoTimeOrLatest) {
    fake->push_body(fixture("rds/RestoreDBInstanceToPointInTime.xml"));
    services::RestoreToPointInTimeRequest req;
    req.source_identifier = "orders-prod";
    req.target_identifier = "orders-pitr-1";
    req.restore_time = at("2025-11-22T03:30:00Z");
    ASSERT_TRUE(client.restore_db_instance_to_point_in_time(req).ok());
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "RestoreTime"), "2025-11-22T03:30:00Z");
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "UseLatestRestorableTime"), "");

    fake->push_body(fixture("rds/RestoreDBInstanceToPointInTime.xml"));
    services::RestoreToPointInTimeRequest latest;
    latest.source_resource_id = "db-ABCDEFGHIJKLMNOPQRSTUVWXY1";
    latest.target_identifier = "orders-pitr-2";
    latest.use_latest_restorable_time = true;
    ASSERT_TRUE(client.restore_db_instance_to_point_in_time(latest).ok());
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "UseLatestRestorableTime"), "true");
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "SourceDbiResourceId"), "db-ABCDEFGHIJKLMNOPQRSTUVWXY1");

    services::RestoreToPointInTimeRequest both = latest;
    both.restore_time = at("2025-11-22T03:30:00Z");
    auto refused = client.restore_db_instance_to_point_in_time(both);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(fake->requests().size(), 2u);
}

TEST_F(RdsRequests, InstanceRestoresCarryEngineLifecycleSupportAndTheSourceSettings) {
    fake->push_body(fixture("rds/RestoreDBInstanceFromDBSnapshot.xml"));
    services::RestoreFromSnapshotRequest req;
    req.target_identifier = "orders-drill-20251122";
    req.snapshot_identifier = "rds:orders-prod-2025-11-22-02-35";
    req.option_group = "orders-options";
    req.port = 6432;
    req.storage_type = "io1";
    req.iops = 3000;
    req.multi_az = false;
    req.deletion_protection = false;
    req.copy_tags_to_snapshot = true;
    req.tags = {{"team", "orders"}, {"vaultdeck:restored-from", "orders-prod"}};
    req.engine_lifecycle_support = services::kExtendedSupportDisabled;
    ASSERT_TRUE(client.restore_db_instance_from_db_snapshot(req).ok());
    const auto& r = fake->last();
    EXPECT_EQ(FakeAwsClient::form_value(r, "EngineLifecycleSupport"), "open-source-rds-extended-support-disabled");
    EXPECT_EQ(FakeAwsClient::form_value(r, "OptionGroupName"), "orders-options");
    EXPECT_EQ(FakeAwsClient::form_value(r, "Port"), "6432");
    EXPECT_EQ(FakeAwsClient::form_value(r, "StorageType"), "io1");
    EXPECT_EQ(FakeAwsClient::form_value(r, "Iops"), "3000");
    EXPECT_EQ(FakeAwsClient::form_value(r, "MultiAZ"), "false");
    EXPECT_EQ(FakeAwsClient::form_value(r, "DeletionProtection"), "false");
    EXPECT_EQ(FakeAwsClient::form_value(r, "CopyTagsToSnapshot"), "true");
    EXPECT_EQ(FakeAwsClient::form_value(r, "Tags.Tag.2.Key"), "vaultdeck:restored-from");
    EXPECT_EQ(FakeAwsClient::form_value(r, "Tags.Tag.2.Value"), "orders-prod");

    fake->push_body(fixture("rds/RestoreDBInstanceToPointInTime.xml"));
    services::RestoreToPointInTimeRequest pitr;
    pitr.source_identifier = "orders-prod";
    pitr.target_identifier = "orders-pitr-1";
    pitr.use_latest_restorable_time = true;
    pitr.engine_lifecycle_support = services::kExtendedSupport;
    ASSERT_TRUE(client.restore_db_instance_to_point_in_time(pitr).ok());
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "EngineLifecycleSupport"), "open-source-rds-extended-support");
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "MultiAZ"), "");  // unset: not sent
}

TEST_F(RdsRequests, AuroraRestoresMakeTheClusterThenItsWriter) {
    fake->push_body(fixture("rds/RestoreDBClusterFromSnapshot.xml"));
    services::RestoreClusterFromSnapshotRequest snap;
    snap.cluster_identifier = "pedidos-drill";
    snap.snapshot_identifier = "rds:pedidos-cluster-2025-11-22-03-00";
    snap.engine = "aurora-postgresql";
    snap.subnet_group = "pedidos-subnets";
    snap.security_group_ids = {"sg-0a1b2c3d"};
    snap.parameter_group = "pedidos-cluster-params";
    snap.port = 6432;
    snap.engine_lifecycle_support = services::kExtendedSupportDisabled;
    auto cluster = client.restore_db_cluster_from_snapshot(snap);
    ASSERT_TRUE(cluster.ok()) << cluster.error().to_string();
    EXPECT_EQ(cluster->identifier, "pedidos-drill");
    EXPECT_EQ(cluster->status, "creating");
    EXPECT_EQ(cluster->parameter_group, "pedidos-cluster-params");
    EXPECT_EQ(cluster->security_groups, std::vector<std::string>{"sg-0a1b2c3d"});
    EXPECT_EQ(cluster->engine_lifecycle_support, "open-source-rds-extended-support-disabled");
    const auto& r = fake->last();
    EXPECT_TRUE(r.mutating);
    EXPECT_EQ(FakeAwsClient::form_value(r, "SnapshotIdentifier"), "rds:pedidos-cluster-2025-11-22-03-00");
    EXPECT_EQ(FakeAwsClient::form_value(r, "DBClusterParameterGroupName"), "pedidos-cluster-params");
    EXPECT_EQ(FakeAwsClient::form_value(r, "DBParameterGroupName"), "");
    EXPECT_EQ(FakeAwsClient::form_value(r, "EngineLifecycleSupport"), "open-source-rds-extended-support-disabled");

    fake->push_body(fixture("rds/RestoreDBClusterToPointInTime.xml"));
    services::RestoreClusterToPointInTimeRequest pitr;
    pitr.source_cluster_identifier = "pedidos-cluster";
    pitr.cluster_identifier = "pedidos-pitr";
    pitr.restore_time = at("2025-11-22T03:30:00Z");
    pitr.engine_lifecycle_support = services::kExtendedSupportDisabled;
    ASSERT_TRUE(client.restore_db_cluster_to_point_in_time(pitr).ok());
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "RestoreToTime"), "2025-11-22T03:30:00Z");
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "EngineLifecycleSupport"), "open-source-rds-extended-support-disabled");

    fake->push_body(fixture("rds/CreateDBInstance.xml"));
    services::CreateClusterInstanceRequest writer;
    writer.identifier = "pedidos-drill-writer";
    writer.cluster_identifier = "pedidos-drill";
    writer.instance_class = "db.r6g.large";
    writer.engine = "aurora-postgresql";
    auto inst = client.create_cluster_instance(writer);
    ASSERT_TRUE(inst.ok()) << inst.error().to_string();
    EXPECT_EQ(inst->cluster_identifier, "pedidos-drill");
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "DBClusterIdentifier"), "pedidos-drill");
    EXPECT_TRUE(fake->last().mutating);

    services::CreateClusterInstanceRequest no_class = writer;
    no_class.instance_class.clear();
    EXPECT_FALSE(client.create_cluster_instance(no_class).ok());
    EXPECT_EQ(fake->requests().size(), 3u);
}

TEST_F(RdsRequests, DeleteNeedsAFinalSnapshotUnlessSkipped) {
    auto refused = client.delete_db_instance("orders-drill-20251122", false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::InvalidInput);
    fake->push_body(fixture("rds/DeleteDBInstance.xml"));
    auto deleted = client.delete_db_instance("orders-drill-20251122", true);
    ASSERT_TRUE(deleted.ok());
    EXPECT_EQ(deleted->status, "deleting");
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "SkipFinalSnapshot"), "true");
    EXPECT_TRUE(fake->last().mutating);
    fake->push_body(fixture("rds/DeleteDBInstance.xml"));
    ASSERT_TRUE(client.delete_db_instance("orders-drill-20251122", false, "orders-drill-final").ok());
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "FinalDBSnapshotIdentifier"), "orders-drill-final");
}

TEST_F(RdsRequests, ClusterDeleteNeedsAFinalSnapshotUnlessSkipped) {
    auto refused = client.delete_db_cluster("pedidos-drill", false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::InvalidInput);
    EXPECT_TRUE(fake->requests().empty()) << "refused before anything is sent";
    fake->push_body(fixture("rds/DeleteDBCluster.xml"));
    auto deleted = client.delete_db_cluster("pedidos-drill", true);
    ASSERT_TRUE(deleted.ok()) << deleted.error().to_string();
    EXPECT_EQ(deleted->status, "deleting");
    EXPECT_EQ(deleted->identifier, "pedidos-drill");
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "DBClusterIdentifier"), "pedidos-drill");
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "SkipFinalSnapshot"), "true");
    EXPECT_TRUE(fake->last().mutating);
    fake->push_body(fixture("rds/DeleteDBCluster.xml"));
    ASSERT_TRUE(client.delete_db_cluster("pedidos-drill", false, "pedidos-drill-final").ok());
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "FinalDBSnapshotIdentifier"), "pedidos-drill-final");
}

TEST_F(RdsRequests, CrossRegionCopyCarriesAPresignedUrlForTheSourceRegion) {
    fake->mutable_options().credentials = std::make_shared<StaticCredentials>();
    fake->mutable_options().clock = std::make_shared<FixedClock>(at("2025-11-22T05:00:00Z"));
    fake->push_body(fixture("rds/CopyDBSnapshot.xml"));
    auto copy = client.copy_db_snapshot("arn:aws:rds:us-east-1:111122223333:snapshot:orders-prod-nightly",
                                        "orders-prod-dr-copy", "us-east-1", "arn:aws:kms:eu-west-1:111122223333:key/k");
    ASSERT_TRUE(copy.ok()) << copy.error().to_string();
    EXPECT_EQ(copy->source_region, "us-east-1");
    EXPECT_TRUE(fake->last().mutating);
    std::string url = FakeAwsClient::form_value(fake->last(), "PreSignedUrl");
    ASSERT_EQ(url.rfind("https://rds.us-east-1.amazonaws.com/?", 0), 0u) << url;
    EXPECT_NE(url.find("DestinationRegion=eu-west-1"), std::string::npos);
    EXPECT_NE(url.find("Action=CopyDBSnapshot"), std::string::npos);

    aws::sigv4::IncomingRequest incoming;
    incoming.method = "GET";
    incoming.path = "/";
    incoming.query = url.substr(url.find('?') + 1);
    incoming.headers = {{"host", "rds.us-east-1.amazonaws.com"}};
    auto scope = aws::sigv4::verify_request(incoming, [](const std::string& key) -> std::optional<std::string> {
        if (key == "AKIDEXAMPLE") return std::string("secret-example");
        return std::nullopt;
    });
    ASSERT_TRUE(scope.ok()) << scope.error().to_string();
    EXPECT_TRUE(scope->presigned);
    EXPECT_EQ(scope->region, "us-east-1");
    EXPECT_EQ(scope->service, "rds");

    fake->push_body(fixture("rds/CopyDBSnapshot.xml"));
    ASSERT_TRUE(client.copy_db_snapshot("rds:orders-prod-2025-11-22-02-35", "orders-manual", "eu-west-1").ok());
    EXPECT_EQ(FakeAwsClient::form_value(fake->last(), "PreSignedUrl"), "");  // same region: nothing to presign
}

TEST_F(RdsRequests, MalformedXmlAndMissingResultAreParseErrors) {
    fake->push_body("<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances>");
    auto broken = client.describe_db_instances();
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().kind, ErrorKind::Parse);
    fake->push_body("<SomethingElse/>");
    auto other = client.describe_db_snapshots();
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().kind, ErrorKind::Parse);
    EXPECT_NE(other.error().message.find("DescribeDBSnapshotsResult"), std::string::npos);
}

TEST_F(RdsRequests, ErrorsFromThePipelinePassThroughAndReadOnlyRefusesChanges) {
    Error e = make_error(ErrorKind::Aws, "DBInstance orders-x not found.", "DBInstanceNotFound");
    e.http_status = 404;
    e.request_id = "rid-9";
    fake->push_body(fixture("rds/describe_db_instances_page1.xml"));
    fake->push_error(e);
    auto instances = client.describe_db_instances();
    ASSERT_FALSE(instances.ok());
    EXPECT_EQ(instances.error().code, "DBInstanceNotFound");
    EXPECT_EQ(instances.error().http_status, 404);
    EXPECT_EQ(instances.error().request_id, "rid-9");
    EXPECT_EQ(instances.error().message, e.message);

    fake->mutable_options().read_only = true;
    size_t before = fake->requests().size();
    auto refused = client.delete_db_instance("orders-prod", true);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::ReadOnly);
    EXPECT_EQ(fake->requests().size(), before);
}

}  // namespace
}  // namespace vd::test
