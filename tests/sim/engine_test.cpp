// The engine on a fixed clock: lifecycle (cold, then deleted), on-demand
// backups, restore jobs creating DB instances, idempotency, plan rules
// firing at their cron time and copying to the DR region.
#include <gtest/gtest.h>

#include "sim/support/sim_fixture.hpp"

namespace vd::sim {
namespace {

using namespace std::chrono;
using testing::encode;
using testing::make_sim;

WireResponse put(testing::TestSim& t, const std::string& path, const nlohmann::json& body) {
    return t.call("backup", "PUT", path, {}, body.dump());
}

std::string instance_status(testing::TestSim& t, const std::string& id) {
    auto r = t.query("rds", "DescribeDBInstances", {{"DBInstanceIdentifier", id}});
    if (r.status != 200) return "missing";
    auto doc = testing::parse_xml(r.body);
    return doc->child("DescribeDBInstancesResponse").child("DescribeDBInstancesResult").child("DBInstances").child("DBInstance").child_value("DBInstanceStatus");
}

std::string newest_point(testing::TestSim& t, const std::string& vault, const std::string& resource_arn) {
    auto page = t.backup_get("/backup-vaults/" + vault + "/recovery-points/", "resourceArn=" + encode(resource_arn));
    return page["RecoveryPoints"].empty() ? "" : page["RecoveryPoints"][0]["RecoveryPointArn"].get<std::string>();
}

const std::string kSmallDb = "arn:aws:rds:us-east-1:123456789012:db:small-db";

TEST(Engine, OnDemandBackupGoesColdThenIsDeleted) {
    auto t = make_sim("small");
    nlohmann::json start = {{"BackupVaultName", "small-dev-vault"},
                            {"ResourceArn", kSmallDb},
                            {"IamRoleArn", "arn:aws:iam::123456789012:role/backup"},
                            {"IdempotencyToken", "ondemand-1"},
                            {"Lifecycle", {{"MoveToColdStorageAfterDays", 1}, {"DeleteAfterDays", 91}}}};
    auto r = put(t, "/backup-jobs", start);
    ASSERT_EQ(r.status, 200) << r.body;
    auto reply = nlohmann::json::parse(r.body);
    std::string job = reply["BackupJobId"], point = reply["RecoveryPointArn"];
    EXPECT_EQ(nlohmann::json::parse(put(t, "/backup-jobs", start).body)["BackupJobId"], job);  // same token, same job

    EXPECT_EQ(t.backup_get("/backup-jobs/" + job)["State"], "CREATED");
    t.advance(minutes(90));
    EXPECT_EQ(t.backup_get("/backup-jobs/" + job)["State"], "COMPLETED");
    std::string path = "/backup-vaults/small-dev-vault/recovery-points/" + encode(point);
    EXPECT_EQ(t.backup_get(path)["StorageClass"], "WARM");
    t.advance(hours(24));
    EXPECT_EQ(t.backup_get(path)["StorageClass"], "COLD");
    t.advance(hours(24 * 90));
    int status = 0;
    auto gone = t.backup_get(path, {}, &status);
    EXPECT_EQ(status, 400);
    EXPECT_EQ(gone["__type"], "ResourceNotFoundException");
}

TEST(Engine, RestoreJobCreatesANewInstanceOverSimulatedMinutes) {
    auto t = make_sim("small");
    std::string point = newest_point(t, "small-vault", kSmallDb);
    ASSERT_FALSE(point.empty());
    nlohmann::json start = {{"RecoveryPointArn", point},
                            {"Metadata", {{"DBInstanceIdentifier", "small-db-copy"}, {"DBInstanceClass", "db.t4g.large"}}},
                            {"IamRoleArn", "arn:aws:iam::123456789012:role/backup"},
                            {"IdempotencyToken", "restore-token-1"}};
    auto r = put(t, "/restore-jobs", start);
    ASSERT_EQ(r.status, 200) << r.body;
    std::string job = nlohmann::json::parse(r.body)["RestoreJobId"];
    EXPECT_EQ(t.backup_get("/restore-jobs/" + job)["Status"], "PENDING");
    EXPECT_EQ(instance_status(t, "small-db-copy"), "missing");

    t.advance(minutes(2));
    auto running = t.backup_get("/restore-jobs/" + job);
    EXPECT_EQ(running["Status"], "RUNNING");
    EXPECT_EQ(instance_status(t, "small-db-copy"), "creating");
    EXPECT_GT(running["ExpectedCompletionTimeMinutes"].get<int>(), 1);

    t.advance(minutes(60));
    auto done = t.backup_get("/restore-jobs/" + job);
    EXPECT_EQ(done["Status"], "COMPLETED");
    EXPECT_EQ(done["CreatedResourceArn"], "arn:aws:rds:us-east-1:123456789012:db:small-db-copy");
    EXPECT_EQ(instance_status(t, "small-db-copy"), "available");
    // Retrying with the same token does not start a second restore.
    EXPECT_EQ(nlohmann::json::parse(put(t, "/restore-jobs", start).body)["RestoreJobId"], job);
    EXPECT_EQ(t.backup_get("/restore-jobs/", "status=COMPLETED")["RestoreJobs"].size(), 2u);
}

TEST(Engine, RestoreOntoAnExistingIdentifierFails) {
    auto t = make_sim("small");
    std::string point = newest_point(t, "small-vault", kSmallDb);
    auto r = put(t, "/restore-jobs", {{"RecoveryPointArn", point}, {"Metadata", {{"DBInstanceIdentifier", "small-dev-db"}}}});
    ASSERT_EQ(r.status, 200) << r.body;
    std::string job = nlohmann::json::parse(r.body)["RestoreJobId"];
    t.advance(minutes(3));
    auto failed = t.backup_get("/restore-jobs/" + job);
    EXPECT_EQ(failed["Status"], "FAILED");
    EXPECT_NE(failed["StatusMessage"].get<std::string>().find("already exists"), std::string::npos);
    EXPECT_EQ(instance_status(t, "small-dev-db"), "available");
}

TEST(Engine, PlanRulesFireAtTheirCronTimeAndCopyToTheDrRegion) {
    auto t = make_sim("small");
    size_t jobs = t.backup_get("/backup-jobs/", "maxResults=1000")["BackupJobs"].size();
    size_t dr = t.backup_get("/backup-vaults/small-dr-vault/recovery-points/", {}, nullptr, "us-west-2")["RecoveryPoints"].size();
    t.advance(hours(11));
    EXPECT_EQ(t.backup_get("/backup-jobs/", "maxResults=1000")["BackupJobs"].size(), jobs);  // not yet 22:00
    t.advance(hours(2));
    auto after = t.backup_get("/backup-jobs/", "maxResults=1000")["BackupJobs"];
    EXPECT_EQ(after.size(), jobs + 3);  // small-db, fs-small, small-dev-db
    t.advance(hours(2));
    auto completed = t.backup_get("/backup-jobs/", "state=COMPLETED&maxResults=1000")["BackupJobs"];
    EXPECT_GE(completed.size(), jobs + 2);
    size_t dr_after = t.backup_get("/backup-vaults/small-dr-vault/recovery-points/", {}, nullptr, "us-west-2")["RecoveryPoints"].size();
    EXPECT_EQ(dr_after, dr + 2);
    auto copy = t.backup_get("/copy-jobs/", "maxResults=1")["CopyJobs"][0];
    EXPECT_EQ(copy["State"], "COMPLETED");
    EXPECT_EQ(copy["DestinationBackupVaultArn"], "arn:aws:backup:us-west-2:123456789012:backup-vault:small-dr-vault");
}

TEST(Engine, ColdToDeleteShorterThanNinetyDaysIsRefused) {
    auto t = make_sim("small");
    nlohmann::json plan = {{"BackupPlan",
                            {{"BackupPlanName", "weekly-cold"},
                             {"Rules",
                              {{{"RuleName", "weekly"},
                                {"TargetBackupVaultName", "small-vault"},
                                {"ScheduleExpression", "cron(0 4 ? * SUN *)"},
                                {"Lifecycle", {{"MoveToColdStorageAfterDays", 30}, {"DeleteAfterDays", 90}}}}}}}}};
    auto refused = put(t, "/backup/plans/", plan);
    EXPECT_EQ(refused.status, 400);
    auto body = nlohmann::json::parse(refused.body);
    EXPECT_EQ(body["__type"], "InvalidParameterValueException");
    EXPECT_NE(body["message"].get<std::string>().find("90 days"), std::string::npos);

    plan["BackupPlan"]["Rules"][0]["Lifecycle"]["DeleteAfterDays"] = 120;
    auto created = put(t, "/backup/plans/", plan);
    ASSERT_EQ(created.status, 200) << created.body;
    std::string id = nlohmann::json::parse(created.body)["BackupPlanId"];
    auto got = t.backup_get("/backup/plans/" + id + "/", "MaxScheduledRunsPreview=2");
    EXPECT_EQ(got["BackupPlan"]["Rules"][0]["Lifecycle"]["DeleteAfterDays"], 120);
    ASSERT_EQ(got["ScheduledRunsPreview"].size(), 2u);
    EXPECT_EQ(got["ScheduledRunsPreview"][1]["ExecutionTime"].get<double>() - got["ScheduledRunsPreview"][0]["ExecutionTime"].get<double>(),
              7 * 24 * 3600.0);
    EXPECT_EQ(put(t, "/backup/plans/", plan).status, 400);  // same name again: AlreadyExistsException
}

TEST(Engine, PitrWindowFollowsTheClock) {
    auto t = make_sim("small");
    auto window = [&] {
        auto doc = testing::parse_xml(t.query("rds", "DescribeDBInstanceAutomatedBackups", {{"DBInstanceIdentifier", "small-db"}}).body);
        auto w = doc->first_child().first_child().child("DBInstanceAutomatedBackups").child("DBInstanceAutomatedBackup").child("RestoreWindow");
        return std::string(w.child_value("LatestTime"));
    };
    std::string before = window();
    EXPECT_EQ(before, "2026-11-22T10:12:00.000Z");  // five minutes behind now
    t.advance(hours(1));
    EXPECT_EQ(window(), "2026-11-22T11:12:00.000Z");
}

}  // namespace
}  // namespace vd::sim
