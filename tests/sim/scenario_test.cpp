// The scenarios hold what they promise: the small scenario's exact counts,
// the demo's planted problems, the large scenario's size, determinism.
#include <set>

#include <gtest/gtest.h>

#include "backend/core/time_format.hpp"
#include "backend/sim/scenario.hpp"
#include "sim/support/sim_fixture.hpp"

namespace vd::sim {
namespace {

using testing::backup_all_pages;
using testing::make_sim;

int count_xml(const std::string& body, const char* list, const char* member) {
    auto doc = testing::parse_xml(body);
    int n = 0;
    for (auto node : doc->first_child().first_child().child(list).children(member)) {
        (void)node;
        ++n;
    }
    return n;
}

TEST(SmallScenario, HasExactlyTheDocumentedCounts) {
    auto t = make_sim("small");
    ASSERT_TRUE(t.sim);
    EXPECT_EQ(t.backup_get("/backup-vaults/")["BackupVaultList"].size(), size_t(SmallCounts::kVaultsEast));
    EXPECT_EQ(t.backup_get("/backup-vaults/", {}, nullptr, "us-west-2")["BackupVaultList"].size(), size_t(SmallCounts::kVaultsWest));
    EXPECT_EQ(backup_all_pages(t, "/backup-vaults/small-vault/recovery-points/", "RecoveryPoints", 7).size(),
              size_t(SmallCounts::kPointsSmallVault));
    EXPECT_EQ(backup_all_pages(t, "/backup-vaults/small-dev-vault/recovery-points/", "RecoveryPoints", 2).size(),
              size_t(SmallCounts::kPointsDevVault));
    EXPECT_EQ(t.backup_get("/backup-vaults/small-dr-vault/recovery-points/", {}, nullptr, "us-west-2")["RecoveryPoints"].size(),
              size_t(SmallCounts::kPointsDrVault));
    EXPECT_EQ(backup_all_pages(t, "/backup-jobs/", "BackupJobs", 4).size(), size_t(SmallCounts::kBackupJobs));
    EXPECT_EQ(backup_all_pages(t, "/backup-jobs/", "BackupJobs", 100, "state=FAILED").size(), size_t(SmallCounts::kFailedBackupJobs));
    EXPECT_EQ(backup_all_pages(t, "/copy-jobs/", "CopyJobs", 5).size(), size_t(SmallCounts::kCopyJobs));
    auto restores = backup_all_pages(t, "/restore-jobs/", "RestoreJobs", 10);
    ASSERT_EQ(restores.size(), size_t(SmallCounts::kRestoreJobs));
    EXPECT_EQ(restores[0]["Status"], "COMPLETED");
    EXPECT_EQ(restores[0]["ValidationStatus"], "SUCCESSFUL");
    EXPECT_EQ(restores[0]["DeletionStatus"], "SUCCESSFUL");
    EXPECT_EQ(t.backup_get("/backup/plans/")["BackupPlansList"].size(), size_t(SmallCounts::kPlans));
    EXPECT_EQ(t.backup_get("/resources/")["Results"].size(), size_t(SmallCounts::kProtectedResources));
    EXPECT_EQ(t.backup_get("/restore-testing/plans")["RestoreTestingPlans"].size(), size_t(SmallCounts::kRestoreTestingPlans));
    EXPECT_EQ(count_xml(t.query("rds", "DescribeDBInstances", {}).body, "DBInstances", "DBInstance"), SmallCounts::kDbInstances);
    EXPECT_EQ(count_xml(t.query("rds", "DescribeDBClusters", {}).body, "DBClusters", "DBCluster"), SmallCounts::kDbClusters);
    EXPECT_EQ(count_xml(t.query("rds", "DescribeDBSnapshots", {{"SnapshotType", "manual"}}).body, "DBSnapshots", "DBSnapshot"),
              SmallCounts::kManualSnapshotsEast);
    EXPECT_EQ(count_xml(t.query("rds", "DescribeDBSnapshots", {{"SnapshotType", "manual"}}, "us-west-2").body, "DBSnapshots", "DBSnapshot"),
              SmallCounts::kManualSnapshotsWest);
    auto buckets = testing::parse_xml(t.call("s3", "GET", "/").body);
    int n = 0;
    for (auto b : buckets->child("ListAllMyBucketsResult").child("Buckets").children("Bucket")) {
        (void)b;
        ++n;
    }
    EXPECT_EQ(n, SmallCounts::kBuckets);
    std::multiset<std::string> kinds;
    for (const auto& p : t.sim->planted()) kinds.insert(p.kind);
    EXPECT_EQ(kinds, (std::multiset<std::string>{"failed-job", "plan-below-minimum", "plan-below-minimum",
                                                 "unprotected-resource", "vault-unlocked", "vault-unlocked"}));
}

TEST(SmallScenario, PointsAreListedNewestFirstWithoutDuplicates) {
    auto t = make_sim("small");
    auto points = backup_all_pages(t, "/backup-vaults/small-vault/recovery-points/", "RecoveryPoints", 3);
    std::set<std::string> arns;
    double previous = 1e18;
    for (const auto& p : points) {
        EXPECT_TRUE(arns.insert(p["RecoveryPointArn"].get<std::string>()).second);
        EXPECT_LE(p["CreationDate"].get<double>(), previous);
        previous = p["CreationDate"].get<double>();
    }
}

TEST(DemoScenario, PlantsEveryDocumentedProblem) {
    auto t = make_sim("demo");
    ASSERT_TRUE(t.sim);
    std::multiset<std::string> kinds;
    for (const auto& p : t.sim->planted()) kinds.insert(p.kind);
    for (const char* kind : {"missed-backups", "job-running", "unprotected-resource", "copy-missing", "restore-validation-failed",
                             "leftover-restored-instance", "failed-restore", "failed-jobs-90d", "plan-below-minimum",
                             "member-job-failed"}) {
        EXPECT_EQ(kinds.count(kind), 1u) << kind;
    }
    EXPECT_EQ(kinds.count("vault-unlocked"), 2u);
}

TEST(DemoScenario, ReflectsTheSeedDocuments) {
    auto t = make_sim("demo");
    auto prod = t.backup_get("/backup-vaults/prod-vault");
    EXPECT_EQ(prod["Locked"], true);
    EXPECT_EQ(t.backup_get("/backup-vaults/dev-vault")["Locked"], false);
    auto plans = t.backup_get("/backup/plans/")["BackupPlansList"];
    std::string prod_plan_id;
    for (const auto& p : plans) {
        if (p["BackupPlanName"] == "prod-backup-plan") prod_plan_id = p["BackupPlanId"];
    }
    ASSERT_FALSE(prod_plan_id.empty());
    auto plan = t.backup_get("/backup/plans/" + prod_plan_id + "/");
    std::map<std::string, nlohmann::json> rules;
    for (const auto& r : plan["BackupPlan"]["Rules"]) rules[r["RuleName"]] = r;
    EXPECT_EQ(rules["daily-backup"]["ScheduleExpression"], "cron(0 3 * * ? *)");
    EXPECT_EQ(rules["daily-backup"]["Lifecycle"]["DeleteAfterDays"], 35);
    EXPECT_EQ(rules["weekly-backup"]["ScheduleExpression"], "cron(0 4 ? * SUN *)");
    EXPECT_EQ(rules["weekly-backup"]["Lifecycle"]["DeleteAfterDays"], 90);
    EXPECT_EQ(rules["monthly-backup"]["ScheduleExpression"], "cron(0 5 1 * ? *)");
    EXPECT_EQ(rules["monthly-backup"]["Lifecycle"]["MoveToColdStorageAfterDays"], 60);
    EXPECT_EQ(rules["monthly-backup"]["Lifecycle"]["DeleteAfterDays"], 365);
    EXPECT_EQ(rules["monthly-backup"]["CopyActions"][0]["DestinationBackupVaultArn"],
              "arn:aws:backup:us-west-2:123456789012:backup-vault:prod-dr-vault");

    auto jobs = backup_all_pages(t, "/backup-jobs/", "BackupJobs", 1000);
    int running = 0, failed = 0;
    for (const auto& j : jobs) {
        running += j["State"] == "RUNNING";
        failed += j["State"] == "FAILED" || j["State"] == "EXPIRED" || j["State"] == "ABORTED";
        if (j["State"] == "FAILED") {
            EXPECT_FALSE(j["StatusMessage"].get<std::string>().empty());
        }
    }
    EXPECT_EQ(running, 1);
    EXPECT_GT(jobs.size(), 300u);
    EXPECT_GE(failed * 100, static_cast<int>(jobs.size()) * 1);
    EXPECT_LE(failed * 100, static_cast<int>(jobs.size()) * 7);

    auto resources = t.backup_get("/resources/")["Results"];
    bool analytics = false;
    double efs_last = 0;
    for (const auto& r : resources) {
        analytics = analytics || r["ResourceName"] == "analytics-db";
        if (r["ResourceType"] == "EFS") efs_last = r["LastBackupTime"].get<double>();
    }
    EXPECT_FALSE(analytics);
    EXPECT_LT(efs_last, to_epoch_seconds(t.clock->now()) - 48 * 3600);

    auto lifecycle = testing::parse_xml(t.call("s3", "GET", "/acme-media-prod", "lifecycle").body);
    auto rule = lifecycle->child("LifecycleConfiguration").child("Rule");
    EXPECT_STREQ(rule.child("Transition").child_value("StorageClass"), "GLACIER");
    EXPECT_STREQ(rule.child("Transition").child_value("Days"), "45");
    EXPECT_STREQ(rule.child("Expiration").child_value("Days"), "365");
}

TEST(DemoScenario, MonthlyPointsGoColdAfterSixtyDays) {
    auto t = make_sim("demo");
    auto points = backup_all_pages(t, "/backup-vaults/prod-vault/recovery-points/", "RecoveryPoints", 1000);
    int cold = 0, warm_old = 0;
    double now = to_epoch_seconds(t.clock->now());
    for (const auto& p : points) {
        if (!p.contains("CalculatedLifecycle") || !p["CalculatedLifecycle"].contains("MoveToColdStorageAt")) continue;
        auto d = t.backup_get("/backup-vaults/prod-vault/recovery-points/" + testing::encode(p["RecoveryPointArn"]));
        bool past = p["CalculatedLifecycle"]["MoveToColdStorageAt"].get<double>() <= now;
        if (past) cold += d["StorageClass"] == "COLD";
        if (past && d["StorageClass"] != "COLD") ++warm_old;
    }
    EXPECT_GE(cold, 1);
    EXPECT_EQ(warm_old, 0);
}

TEST(Scenarios, SameSeedSameWorldOtherSeedOtherWorld) {
    auto a = make_sim("demo", 0, 7), b = make_sim("demo", 0, 7), c = make_sim("demo", 0, 8);
    auto first = [](testing::TestSim& t) {
        return t.backup_get("/backup-vaults/prod-vault/recovery-points/", "maxResults=5")["RecoveryPoints"].dump();
    };
    EXPECT_EQ(first(a), first(b));
    EXPECT_NE(first(a), first(c));
}

TEST(LargeScenario, HoldsExactlyScaleRecoveryPoints) {
    auto t = make_sim("large", 5000);
    ASSERT_TRUE(t.sim);
    int64_t total = 0;
    size_t vaults = 0;
    for (const char* region : {"us-east-1", "us-west-2"}) {
        auto list = t.backup_get("/backup-vaults/", {}, nullptr, region)["BackupVaultList"];
        vaults += list.size();
        for (const auto& v : list) total += v["NumberOfRecoveryPoints"].get<int64_t>();
    }
    EXPECT_EQ(total, 5000);
    EXPECT_GE(vaults, 20u);
    auto resources = backup_all_pages(t, "/resources/", "Results", 1000);
    auto west = t.backup_get("/resources/", {}, nullptr, "us-west-2")["Results"];
    EXPECT_GE(resources.size() + west.size(), 200u);
}

TEST(Scenarios, UnknownScenarioAndBadScaleAreRefused) {
    SimulatorConfig config;
    config.scenario = "nope";
    EXPECT_FALSE(Simulator::create(config).ok());
    config.scenario = "large";
    config.scale = 0;
    EXPECT_FALSE(Simulator::create(config).ok());
}

}  // namespace
}  // namespace vd::sim
