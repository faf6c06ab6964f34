// The model checker itself: it must reject requests that depart from the
// service models, or the request tests built on it prove nothing.
#include <gtest/gtest.h>

#include "services/support/model_check.hpp"

namespace vd::test {
namespace {

aws::ServiceRequest backup_get(std::string op, std::string path) {
    aws::ServiceRequest r;
    r.service = "backup";
    r.operation = std::move(op);
    r.protocol = aws::Protocol::RestJson;
    r.method = "GET";
    r.path = std::move(path);
    return r;
}

aws::ServiceRequest rds_post(std::string body) {
    aws::ServiceRequest r;
    r.service = "rds";
    r.operation = "RestoreDBInstanceFromDBSnapshot";
    r.protocol = aws::Protocol::Query;
    r.method = "POST";
    r.path = "/";
    r.body = std::move(body);
    return r;
}

const std::string kRestoreBase =
    "Action=RestoreDBInstanceFromDBSnapshot&Version=2014-10-31&DBInstanceIdentifier=new-db&DBSnapshotIdentifier=snap";

TEST(ModelCheck, AcceptsAWellFormedRestJsonRequest) {
    auto model = ServiceModel::load("backup");
    auto r = backup_get("ListRecoveryPointsByBackupVault", "/backup-vaults/prod%C3%A7/recovery-points/");
    r.query = {{"createdAfter", "2025-11-22T03:00:00Z"}, {"maxResults", "1000"}, {"nextToken", "abc"}};
    EXPECT_EQ(model.check(r), std::vector<std::string>{});
}

TEST(ModelCheck, RejectsWrongMethodPathAndQueryNames) {
    auto model = ServiceModel::load("backup");
    auto r = backup_get("ListBackupJobs", "/backup-jobs/");
    r.method = "POST";
    EXPECT_FALSE(model.check(r).empty());
    r = backup_get("ListBackupJobs", "/backup-jobs");  // the model has a trailing slash
    EXPECT_FALSE(model.check(r).empty());
    r = backup_get("ListBackupJobs", "/backup-jobs/");
    r.query = {{"State", "FAILED"}};  // the wire name is "state"
    EXPECT_FALSE(model.check(r).empty());
    r.query = {{"completedAfter", "2025-11-22T03:00:00Z"}};  // the wire name is "completeAfter"
    EXPECT_FALSE(model.check(r).empty());
}

TEST(ModelCheck, RejectsEpochTimesAndOutOfRangePageSizesInTheQuery) {
    auto model = ServiceModel::load("backup");
    auto r = backup_get("ListBackupJobs", "/backup-jobs/");
    r.query = {{"createdAfter", "1763780400"}};
    EXPECT_FALSE(model.check(r).empty());
    r.query = {{"maxResults", "5000"}};
    EXPECT_FALSE(model.check(r).empty());
}

TEST(ModelCheck, RejectsUnencodedLabelsAndUnknownBodyMembers) {
    auto model = ServiceModel::load("backup");
    auto r = backup_get("DescribeRecoveryPoint", "/backup-vaults/v/recovery-points/arn:aws:backup:x");
    EXPECT_FALSE(model.check(r).empty());
    aws::ServiceRequest put = backup_get("StartRestoreJob", "/restore-jobs");
    put.method = "PUT";
    put.body = R"({"RecoveryPointArn":"a","Metadata":{},"RestoreTestingPlan":"x"})";
    EXPECT_FALSE(model.check(put).empty());
    put.body = R"({"Metadata":{}})";  // RecoveryPointArn is required
    EXPECT_FALSE(model.check(put).empty());
    put.body = R"({"RecoveryPointArn":"a","Metadata":{"k":"v"},"IdempotencyToken":"t"})";
    EXPECT_EQ(model.check(put), std::vector<std::string>{});
}

TEST(ModelCheck, ChecksQueryProtocolListEncoding) {
    auto model = ServiceModel::load("rds");
    EXPECT_EQ(model.check(rds_post(kRestoreBase + "&VpcSecurityGroupIds.VpcSecurityGroupId.1=sg-1")),
              std::vector<std::string>{});
    EXPECT_FALSE(model.check(rds_post(kRestoreBase + "&VpcSecurityGroupIds.member.1=sg-1")).empty());
    EXPECT_FALSE(model.check(rds_post(kRestoreBase + "&VpcSecurityGroupIds.VpcSecurityGroupId.2=sg-1")).empty());
    EXPECT_FALSE(model.check(rds_post(kRestoreBase + "&VpcSecurityGroupIds.VpcSecurityGroupId.0=sg-1")).empty());
    EXPECT_FALSE(model.check(rds_post(kRestoreBase + "&MultiAZ=yes")).empty());
    EXPECT_FALSE(model.check(rds_post(kRestoreBase + "&NoSuchParam=1")).empty());
    EXPECT_FALSE(model.check(rds_post("Action=RestoreDBInstanceFromDBSnapshot&Version=2014-10-31")).empty());
    EXPECT_FALSE(model.check(rds_post(kRestoreBase.substr(0, kRestoreBase.find("2014")) + "2013-01-10")).empty());
}

}  // namespace
}  // namespace vd::test
