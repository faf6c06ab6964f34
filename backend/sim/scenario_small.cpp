// The small scenario: a few of each thing, with the exact counts of
// SmallCounts, for fast tests. Plan rules fire twelve hours away from the
// start time, so nothing new appears while a test suite runs.
//
// Planted problems (what the daily glance must report, on any date): the
// EFS daily backup two days ago FAILED; small-dev-vault and small-dr-vault
// have no vault lock; both plans keep points under the 35-day minimum
// (14 and 3 days); the Aurora cluster small-aurora is in no plan.
#include <fmt/format.h>

#include "backend/sim/arns.hpp"
#include "backend/sim/rds_ops.hpp"
#include "backend/sim/scenario_builder.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim {
namespace {

using namespace std::chrono;

// The UTC hour and weekday (SUN = 1) of a time.
std::pair<int, int> hour_and_weekday(TimePoint t) {
    auto day = floor<days>(t);
    int hour = static_cast<int>(duration_cast<hours>(t - day).count());
    int weekday = static_cast<int>(std::chrono::weekday(day).c_encoding()) + 1;
    return {hour, weekday};
}

}  // namespace

Result<std::vector<PlantedProblem>> build_small(ScenarioBuilder& b) {
    TimePoint now = b.now();
    auto [hour, weekday] = hour_and_weekday(now);
    int run_hour = (hour + 12) % 24;
    std::string daily = fmt::format("cron(0 {} * * ? *)", run_hour);
    const std::string account = b.world().default_account;
    RegionState& east = b.region("us-east-1");
    RegionState& west = b.region("us-west-2");

    Vault& vault = b.vault(east, "small-vault", now - days(120));
    b.lock(vault, 7, 120, now - days(30));
    Vault& dev_vault = b.vault(east, "small-dev-vault", now - days(120), false);
    Vault& dr = b.vault(west, "small-dr-vault", now - days(120));

    DbInstance db;
    db.identifier = "small-db";
    db.instance_class = "db.t4g.medium";
    db.allocated_storage = 50;
    db.backup_retention = 7;
    db.db_name = "app";
    db.create_time = now - days(60);
    db.sample_data = true;
    b.db_instance(east, db);
    DbInstance dev;
    dev.identifier = "small-dev-db";
    dev.instance_class = "db.t4g.micro";
    dev.engine_version = "15.7";
    dev.backup_retention = 1;
    dev.create_time = now - days(30);
    dev.tags = {{"backup", "dev"}};
    b.db_instance(east, dev);
    DbCluster cluster;
    cluster.identifier = "small-aurora";
    cluster.backup_retention = 3;
    cluster.create_time = now - days(45);
    cluster.members = {{"small-aurora-1", true}};
    b.db_cluster(east, cluster);
    DbInstance member;
    member.identifier = "small-aurora-1";
    member.engine = "aurora-postgresql";
    member.engine_version = "15.4";
    member.instance_class = "db.r6g.large";
    member.allocated_storage = 1;
    member.backup_retention = 3;
    member.cluster_identifier = "small-aurora";
    member.create_time = now - days(45);
    b.db_instance(east, member);
    std::string efs = efs_arn("us-east-1", account, "fs-0123456789abcdef0");
    b.resource(east, efs, "small-files", 12);

    BackupRule rule = b.rule("daily", "small-vault", daily, std::nullopt, 14);
    rule.copy_actions.push_back({dr.arn, Lifecycle{std::nullopt, 14, false}});
    BackupPlan& plan = b.plan(east, "small-plan", {rule}, now - days(100));
    b.select(plan, "small-resources", {db_instance_arn("us-east-1", account, "small-db"), efs});
    BackupPlan& dev_plan = b.plan(east, "small-dev-plan", {b.rule("daily", "small-dev-vault", daily, std::nullopt, 3)}, now - days(100));
    b.select(dev_plan, "dev-by-tag", {}, {{"backup", "dev"}});

    std::vector<PlantedProblem> planted;
    planted.push_back({"vault-unlocked", "us-east-1", dev_vault.arn, "small-dev-vault has no vault lock"});
    planted.push_back({"vault-unlocked", "us-west-2", dr.arn, "small-dr-vault has no vault lock"});
    planted.push_back({"plan-below-minimum", "us-east-1", plan.arn, "small-plan keeps its daily points 14 days, under the 35-day minimum"});
    planted.push_back({"plan-below-minimum", "us-east-1", dev_plan.arn,
                       "small-dev-plan keeps its daily points 3 days, under the 35-day minimum"});
    planted.push_back({"unprotected-resource", "us-east-1", db_cluster_arn("us-east-1", account, "small-aurora"),
                       "small-aurora is selected by no backup plan and has no recovery point"});
    TimePoint since = now - days(10) + minutes(1);
    JobOdds never_fail{0.0, 0.0};
    b.history(east, plan, since, never_fail, [&](BackupJob& job, const BackupRule&, int n_from_end) {
        if (job.resource_arn == efs && n_from_end == 2) {
            set_outcome(job, "FAILED", "An internal error occurred while backing up file system small-files. Retry the backup job.",
                        "AWSServiceError");
            planted.push_back({"failed-job", "us-east-1", efs, "daily backup job " + job.id + " FAILED two days ago"});
        }
    });
    b.history(east, dev_plan, since, never_fail);

    RestoreTestingPlan test;
    test.name = "small-restore-test";
    test.arn = "arn:aws:backup:us-east-1:" + account + ":restore-testing-plan:small-restore-test-" + b.ids().alnum(6);
    test.schedule = fmt::format("cron(0 {} ? * {} *)", run_hour, (weekday + 2) % 7 + 1);
    test.creation = now - days(60);
    test.include_vaults = {"*"};
    test.recovery_point_types = {"SNAPSHOT"};
    test.protected_resource_arns = {db_instance_arn("us-east-1", account, "small-db")};
    test.last_execution = now - days(5);
    RestoreJob* restored = b.past_restore(east, test.protected_resource_arns[0], now - days(5),
                                          {{"DBInstanceIdentifier", "small-db-restore-test"}}, test.arn);
    if (restored != nullptr) {
        restored->validation_status = "SUCCESSFUL";
        restored->validation_message = "SELECT count(*) FROM orders returned 1204 rows";
    }
    east.restore_testing_plans.emplace(test.name, std::move(test));

    DbSnapshot manual = snapshot_of(east, east.db_instances.at("small-db"), "small-db-before-upgrade", now - days(20), minutes(7));
    DbSnapshot copy = manual;
    east.db_snapshots.emplace(manual.identifier, manual);
    copy.identifier = "small-db-before-upgrade-dr";
    copy.arn = db_snapshot_arn("us-west-2", account, copy.identifier);
    copy.source_region = "us-east-1";
    copy.source_snapshot = manual.arn;
    copy.availability_zone = "us-west-2a";
    copy.create_time = manual.create_time + minutes(30);
    copy.ready_at = copy.create_time + minutes(20);
    copy.kms_key_id = kms_key_arn("us-west-2", account, b.ids().uuid());
    west.db_snapshots.emplace(copy.identifier, copy);

    Bucket& media = b.bucket(account, "small-media", "us-east-1", now - days(400));
    media.lifecycle.push_back({"media-archive", "media/", "Enabled", 45, "GLACIER", 365});
    b.bucket(account, "small-logs", "us-east-1", now - days(300));
    return planted;
}

}  // namespace vd::sim
