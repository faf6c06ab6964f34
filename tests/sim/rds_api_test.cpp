// Amazon RDS over the query protocol: Marker paging with MaxRecords 20..100,
// filters, point-in-time restores inside and outside the window, deleting,
// copying across regions, and STS / S3 answers.
#include <gtest/gtest.h>

#include "backend/core/time_format.hpp"
#include "backend/sim/rds_api.hpp"
#include "sim/support/sim_fixture.hpp"

namespace vd::sim {
namespace {

using testing::make_sim;

struct Parsed {
    int status;
    std::unique_ptr<pugi::xml_document> doc;
    pugi::xml_node result() const { return doc->first_child().first_child(); }
    std::string code() const { return doc->child("ErrorResponse").child("Error").child_value("Code"); }
};

Parsed rds(testing::TestSim& t, const std::string& action, const std::vector<std::pair<std::string, std::string>>& params,
           const std::string& region = "us-east-1") {
    auto r = t.query("rds", action, params, region);
    return {r.status, testing::parse_xml(r.body)};
}

TEST(RdsApi, AnswersInTheRdsNamespaceWithARequestId) {
    auto t = make_sim("small");
    auto p = rds(t, "DescribeDBInstances", {});
    ASSERT_EQ(p.status, 200);
    auto root = p.doc->child("DescribeDBInstancesResponse");
    EXPECT_STREQ(root.attribute("xmlns").value(), "http://rds.amazonaws.com/doc/2014-10-31/");
    EXPECT_STRNE(root.child("ResponseMetadata").child_value("RequestId"), "");
}

TEST(RdsApi, MaxRecordsMustBeTwentyToAHundred) {
    auto t = make_sim("small");
    EXPECT_EQ(rds(t, "DescribeDBSnapshots", {{"MaxRecords", "19"}}).code(), "InvalidParameterValue");
    EXPECT_EQ(rds(t, "DescribeDBSnapshots", {{"MaxRecords", "101"}}).code(), "InvalidParameterValue");
    EXPECT_EQ(rds(t, "DescribeDBSnapshots", {{"MaxRecords", "20"}}).status, 200);
}

TEST(RdsApi, MarkerPagingReturnsEverySnapshotOnce) {
    auto t = make_sim("demo");
    auto one = rds(t, "DescribeDBSnapshots", {{"MaxRecords", "100"}});
    std::vector<std::string> all;
    for (auto s : one.result().child("DBSnapshots").children("DBSnapshot")) all.push_back(s.child_value("DBSnapshotIdentifier"));
    ASSERT_GT(all.size(), 20u);  // 30 automated + manual
    std::vector<std::string> paged;
    std::string marker;
    do {
        std::vector<std::pair<std::string, std::string>> params{{"MaxRecords", "20"}};
        if (!marker.empty()) params.emplace_back("Marker", marker);
        auto page = rds(t, "DescribeDBSnapshots", params);
        for (auto s : page.result().child("DBSnapshots").children("DBSnapshot")) paged.push_back(s.child_value("DBSnapshotIdentifier"));
        marker = page.result().child_value("Marker");
    } while (!marker.empty());
    EXPECT_EQ(paged, all);
}

TEST(RdsApi, FiltersAndSnapshotTypes) {
    auto t = make_sim("demo");
    auto filtered = rds(t, "DescribeDBInstances", {{"Filters.Filter.1.Name", "engine"}, {"Filters.Filter.1.Values.Value.1", "aurora-postgresql"}});
    int n = 0;
    for (auto i : filtered.result().child("DBInstances").children("DBInstance")) {
        EXPECT_STREQ(i.child_value("Engine"), "aurora-postgresql");
        ++n;
    }
    EXPECT_EQ(n, 2);
    EXPECT_EQ(rds(t, "DescribeDBInstances", {{"Filters.Filter.1.Name", "colour"}, {"Filters.Filter.1.Values.Value.1", "x"}}).code(),
              "InvalidParameterValue");
    auto backups = rds(t, "DescribeDBSnapshots", {{"SnapshotType", "awsbackup"}, {"DBInstanceIdentifier", "prod-db"}});
    int awsbackup = 0;
    for (auto s : backups.result().child("DBSnapshots").children("DBSnapshot")) {
        EXPECT_STREQ(s.child_value("SnapshotType"), "awsbackup");
        ++awsbackup;
    }
    EXPECT_GT(awsbackup, 10);
    auto copies = rds(t, "DescribeDBSnapshots", {{"SnapshotType", "manual"}}, "us-west-2");
    for (auto s : copies.result().child("DBSnapshots").children("DBSnapshot")) EXPECT_STREQ(s.child_value("SourceRegion"), "us-east-1");
    EXPECT_EQ(rds(t, "DescribeDBInstances", {{"DBInstanceIdentifier", "nope"}}).code(), "DBInstanceNotFound");
    EXPECT_EQ(rds(t, "DescribeDBInstances", {{"DBInstanceIdentifier", "nope"}}).status, 404);
}

// The snapshot AWS Backup keeps in RDS is built by the same snapshot_of as
// every other: it said "encrypted" for an unencrypted instance, and took
// no engine or port from it.
TEST(RdsApi, AnAwsBackupSnapshotSaysWhatItsInstanceSays) {
    const TimePoint at = *parse_time("2026-11-20T05:00:00Z");
    RegionState state;
    state.region = "us-east-1";
    state.account_id = "123456789012";
    DbInstance db;
    db.identifier = "plain-db";
    db.engine = "mysql";
    db.port = 3306;
    db.encrypted = false;
    db.kms_key_id.clear();
    state.db_instances.emplace(db.identifier, db);
    RecoveryPoint rp;
    rp.arn = "arn:aws:rds:us-east-1:123456789012:snapshot:awsbackup:job-1";
    rp.resource_type = "RDS";
    rp.resource_name = "plain-db";
    rp.creation = at;
    rp.completion = at + std::chrono::minutes(9);
    Vault vault;
    vault.name = "plain-vault";
    vault.points.emplace(rp.arn, rp);
    state.vaults.emplace(vault.name, vault);

    const auto all = rds::all_db_snapshots(state, at + std::chrono::hours(1));
    ASSERT_EQ(all.count("awsbackup:job-1"), 1u);
    const DbSnapshot& s = all.at("awsbackup:job-1");
    EXPECT_FALSE(s.encrypted);
    EXPECT_EQ(s.engine, "mysql");
    EXPECT_EQ(s.port, 3306);
    EXPECT_EQ(s.snapshot_type, "awsbackup");
    EXPECT_EQ(s.arn, rp.arn);
    EXPECT_EQ(s.instance_identifier, "plain-db");
    EXPECT_EQ(s.ready_at, rp.completion);
}

TEST(RdsApi, PointInTimeRestoreInsideTheWindowOnly) {
    auto t = make_sim("small");
    auto outside = rds(t, "RestoreDBInstanceToPointInTime", {{"SourceDBInstanceIdentifier", "small-db"},
                                                            {"TargetDBInstanceIdentifier", "small-db-pitr"},
                                                            {"RestoreTime", "2026-11-01T00:00:00Z"}});
    EXPECT_EQ(outside.status, 400);
    EXPECT_EQ(outside.code(), "InvalidRestoreFault");
    auto too_late = rds(t, "RestoreDBInstanceToPointInTime", {{"SourceDBInstanceIdentifier", "small-db"},
                                                             {"TargetDBInstanceIdentifier", "small-db-pitr"},
                                                             {"RestoreTime", "2026-11-22T10:16:00Z"}});
    EXPECT_EQ(too_late.code(), "InvalidRestoreFault");
    auto exists = rds(t, "RestoreDBInstanceToPointInTime", {{"SourceDBInstanceIdentifier", "small-db"},
                                                           {"TargetDBInstanceIdentifier", "small-dev-db"},
                                                           {"UseLatestRestorableTime", "true"}});
    EXPECT_EQ(exists.code(), "DBInstanceAlreadyExists");
    auto both = rds(t, "RestoreDBInstanceToPointInTime", {{"SourceDBInstanceIdentifier", "small-db"},
                                                         {"TargetDBInstanceIdentifier", "x1"},
                                                         {"UseLatestRestorableTime", "true"},
                                                         {"RestoreTime", "2026-11-22T09:00:00Z"}});
    EXPECT_EQ(both.code(), "InvalidParameterCombination");
    auto ok = rds(t, "RestoreDBInstanceToPointInTime", {{"SourceDBInstanceIdentifier", "small-db"},
                                                       {"TargetDBInstanceIdentifier", "small-db-pitr"},
                                                       {"RestoreTime", "2026-11-21T09:00:00Z"},
                                                       {"DBInstanceClass", "db.t4g.small"}});
    ASSERT_EQ(ok.status, 200);
    auto db = ok.result().child("DBInstance");
    EXPECT_STREQ(db.child_value("DBInstanceStatus"), "creating");
    EXPECT_STREQ(db.child_value("DBInstanceClass"), "db.t4g.small");
    t.advance(std::chrono::minutes(25));
    auto later = rds(t, "DescribeDBInstances", {{"DBInstanceIdentifier", "small-db-pitr"}});
    EXPECT_STREQ(later.result().child("DBInstances").child("DBInstance").child_value("DBInstanceStatus"), "available");
}

TEST(RdsApi, DeleteNeedsSkipOrAFinalSnapshot) {
    auto t = make_sim("small");
    EXPECT_EQ(rds(t, "DeleteDBInstance", {{"DBInstanceIdentifier", "small-dev-db"}}).code(), "InvalidParameterCombination");
    EXPECT_EQ(rds(t, "DeleteDBInstance", {{"DBInstanceIdentifier", "nope"}, {"SkipFinalSnapshot", "true"}}).code(), "DBInstanceNotFound");
    auto deleted = rds(t, "DeleteDBInstance", {{"DBInstanceIdentifier", "small-dev-db"}, {"FinalDBSnapshotIdentifier", "small-dev-final"}});
    ASSERT_EQ(deleted.status, 200);
    EXPECT_STREQ(deleted.result().child("DBInstance").child_value("DBInstanceStatus"), "deleting");
    t.advance(std::chrono::minutes(10));
    EXPECT_EQ(rds(t, "DescribeDBInstances", {{"DBInstanceIdentifier", "small-dev-db"}}).code(), "DBInstanceNotFound");
    auto snap = rds(t, "DescribeDBSnapshots", {{"DBSnapshotIdentifier", "small-dev-final"}});
    EXPECT_STREQ(snap.result().child("DBSnapshots").child("DBSnapshot").child_value("Status"), "available");
}

TEST(RdsApi, CopySnapshotAcrossRegionsAndRestoreFromIt) {
    auto t = make_sim("small");
    auto copy = rds(t, "CopyDBSnapshot", {{"SourceDBSnapshotIdentifier", "arn:aws:rds:us-east-1:123456789012:snapshot:small-db-before-upgrade"},
                                          {"TargetDBSnapshotIdentifier", "small-db-copy-west"}},
                    "us-west-2");
    ASSERT_EQ(copy.status, 200);
    EXPECT_STREQ(copy.result().child("DBSnapshot").child_value("SourceRegion"), "us-east-1");
    EXPECT_EQ(rds(t, "CopyDBSnapshot", {{"SourceDBSnapshotIdentifier", "nope"}, {"TargetDBSnapshotIdentifier", "x"}}).code(),
              "DBSnapshotNotFound");
    auto early = rds(t, "RestoreDBInstanceFromDBSnapshot", {{"DBInstanceIdentifier", "west-db"}, {"DBSnapshotIdentifier", "small-db-copy-west"}}, "us-west-2");
    EXPECT_EQ(early.code(), "InvalidDBSnapshotState");
    t.advance(std::chrono::minutes(30));
    auto restored = rds(t, "RestoreDBInstanceFromDBSnapshot", {{"DBInstanceIdentifier", "west-db"}, {"DBSnapshotIdentifier", "small-db-copy-west"}}, "us-west-2");
    EXPECT_EQ(restored.status, 200);
    EXPECT_EQ(rds(t, "RestoreDBInstanceFromDBSnapshot", {{"DBInstanceIdentifier", "west-db"}, {"DBSnapshotIdentifier", "small-db-copy-west"}}, "us-west-2").code(),
              "DBInstanceAlreadyExists");
}

TEST(RdsApi, UnknownActionIsInvalidAction) {
    auto t = make_sim("small");
    EXPECT_EQ(rds(t, "LaunchRockets", {}).code(), "InvalidAction");
}

TEST(StsAndS3, CallerIdentityAssumeRoleAndLifecycle) {
    auto t = make_sim("small");
    auto id = testing::parse_xml(t.query("sts", "GetCallerIdentity", {}).body);
    auto result = id->child("GetCallerIdentityResponse").child("GetCallerIdentityResult");
    EXPECT_STREQ(result.child_value("Account"), "123456789012");
    EXPECT_STREQ(id->child("GetCallerIdentityResponse").attribute("xmlns").value(), "https://sts.amazonaws.com/doc/2011-06-15/");
    auto assumed = testing::parse_xml(
        t.query("sts", "AssumeRole", {{"RoleArn", "arn:aws:iam::210987654321:role/Auditor"}, {"RoleSessionName", "vaultdeck"}}).body);
    auto creds = assumed->child("AssumeRoleResponse").child("AssumeRoleResult").child("Credentials");
    EXPECT_EQ(std::string(creds.child_value("AccessKeyId")).substr(0, 4), "ASIA");
    auto bad = testing::parse_xml(t.query("sts", "AssumeRole", {{"RoleArn", "not-an-arn"}, {"RoleSessionName", "x1"}}).body);
    EXPECT_STREQ(bad->child("ErrorResponse").child("Error").child_value("Code"), "ValidationError");

    auto none = t.call("s3", "GET", "/small-logs", "lifecycle");
    EXPECT_EQ(none.status, 404);
    EXPECT_STREQ(testing::parse_xml(none.body)->child("Error").child_value("Code"), "NoSuchLifecycleConfiguration");
    EXPECT_EQ(t.call("s3", "GET", "/no-bucket", "lifecycle").status, 404);
    auto lifecycle = testing::parse_xml(t.call("s3", "GET", "/small-media", "lifecycle").body);
    EXPECT_STREQ(lifecycle->child("LifecycleConfiguration").child("Rule").child_value("Status"), "Enabled");
}

// AWS deletes an Aurora cluster only once none of its instances is left
// standing; an instance of a cluster goes without a snapshot of its own.
TEST(RdsApi, ClusterDeleteWaitsForItsInstancesToBeDeleting) {
    auto t = make_sim("demo");
    auto refused = rds(t, "DeleteDBCluster", {{"DBClusterIdentifier", "prod-aurora"}, {"SkipFinalSnapshot", "true"}});
    EXPECT_EQ(refused.code(), "InvalidDBClusterStateFault");
    EXPECT_EQ(rds(t, "DeleteDBCluster", {{"DBClusterIdentifier", "prod-aurora"}}).code(), "InvalidParameterCombination");
    EXPECT_EQ(rds(t, "DeleteDBCluster", {{"DBClusterIdentifier", "nope"}, {"SkipFinalSnapshot", "true"}}).code(), "DBClusterNotFoundFault");
    EXPECT_EQ(rds(t, "DeleteDBInstance", {{"DBInstanceIdentifier", "prod-aurora-2"}, {"FinalDBSnapshotIdentifier", "x"}}).code(),
              "InvalidParameterCombination");
    for (const char* member : {"prod-aurora-1", "prod-aurora-2"})
        ASSERT_EQ(rds(t, "DeleteDBInstance", {{"DBInstanceIdentifier", member}}).status, 200) << member;
    auto deleted = rds(t, "DeleteDBCluster", {{"DBClusterIdentifier", "prod-aurora"}, {"FinalDBSnapshotIdentifier", "prod-aurora-final"}});
    ASSERT_EQ(deleted.status, 200);
    EXPECT_STREQ(deleted.result().child("DBCluster").child_value("Status"), "deleting");
    EXPECT_EQ(rds(t, "DeleteDBCluster", {{"DBClusterIdentifier", "prod-aurora"}, {"SkipFinalSnapshot", "true"}}).code(),
              "InvalidDBClusterStateFault");
    t.advance(std::chrono::minutes(10));
    EXPECT_EQ(rds(t, "DescribeDBClusters", {{"DBClusterIdentifier", "prod-aurora"}}).code(), "DBClusterNotFoundFault");
    EXPECT_EQ(rds(t, "DescribeDBInstances", {{"DBInstanceIdentifier", "prod-aurora-1"}}).code(), "DBInstanceNotFound");
    auto snap = rds(t, "DescribeDBClusterSnapshots", {{"DBClusterSnapshotIdentifier", "prod-aurora-final"}});
    EXPECT_STREQ(snap.result().child("DBClusterSnapshots").child("DBClusterSnapshot").child_value("Status"), "available");
}

}  // namespace
}  // namespace vd::sim
