// rpo, unprotected and drill-due: the checks that judge each resource.
#include <gtest/gtest.h>

#include "backend/config/load.hpp"
#include "health/support/snapshot_builder.hpp"

using namespace vd;
using namespace vd::health;
using namespace vd::health::test;

namespace {

// A region with one RDS instance "orders" whose newest point is `age_hours` old.
poll::Snapshot orders_with_point(double age_hours) {
    auto r = region();
    r.db_instances.push_back(db("orders"));
    r.recovery_points.push_back(point(db_arn("orders"), hours_ago(age_hours + 24)));
    r.recovery_points.push_back(point(db_arn("orders"), hours_ago(age_hours)));
    return snapshot(std::move(r));
}

// A configuration from TOML text (which must be valid).
config::Config config_from(const char* toml) {
    auto f = config::parse_config(toml, "test.toml");
    EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.issues.front().to_string("test.toml"));
    return f.config;
}

}  // namespace

TEST(Rpo, AgeAgainstTheDefault24hTarget) {
    struct Case {
        double age;
        Severity expected;
    };
    for (auto c : {Case{30, Severity::Critical}, Case{20, Severity::Warning}, Case{2, Severity::Ok},
                   Case{19, Severity::Ok}, Case{19.5, Severity::Warning}}) {
        auto report = run(orders_with_point(c.age));
        auto f = of(report, "rpo", db_arn("orders"));
        ASSERT_EQ(f.size(), 1u) << c.age;
        EXPECT_EQ(f[0].severity, c.expected) << c.age << " h: " << f[0].reason;
        EXPECT_EQ(f[0].resource_name, "orders");
        ASSERT_TRUE(f[0].when.has_value());
        EXPECT_EQ(*f[0].when, hours_ago(c.age));
    }
    auto critical = of(run(orders_with_point(30)), "rpo")[0];
    EXPECT_EQ(critical.reason, "out of RPO: newest recovery point is 30 h old (target 24 h)");
    EXPECT_EQ(critical.evidence.back(), "target 24 h (default); warning above 80 % (19.2 h)");
}

TEST(Rpo, OnlyCompletedPointsCount) {
    auto r = region();
    r.db_instances.push_back(db("orders"));
    r.recovery_points.push_back(point(db_arn("orders"), hours_ago(30)));
    auto partial = point(db_arn("orders"), hours_ago(1));
    partial.status = "PARTIAL";
    r.recovery_points.push_back(partial);
    auto f = of(run(snapshot(r)), "rpo", db_arn("orders"));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Critical);
}

TEST(Rpo, ANewerPitrTimeWins) {
    auto s = orders_with_point(30);
    s.regions[0].db_instances.edit()[0].latest_restorable_time = hours_ago(0.1);
    auto f = of(run(s), "rpo", db_arn("orders"));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Ok);
    EXPECT_NE(f[0].reason.find("restorable time"), std::string::npos) << f[0].reason;

    // From the automated backups' restore window too.
    auto s2 = orders_with_point(30);
    model::AutomatedBackup ab;
    ab.instance_identifier = "orders";
    ab.instance_arn = db_arn("orders");
    ab.status = "active";
    ab.restore_window = model::PitrWindow{days_ago(7), hours_ago(1)};
    s2.regions[0].automated_backups.push_back(ab);
    EXPECT_EQ(of(run(s2), "rpo", db_arn("orders"))[0].severity, Severity::Ok);

    // Without backup retention the instance's restorable time is not PITR.
    auto s3 = orders_with_point(30);
    s3.regions[0].db_instances.edit()[0].latest_restorable_time = hours_ago(0.1);
    s3.regions[0].db_instances.edit()[0].backup_retention_period = 0;
    EXPECT_EQ(of(run(s3), "rpo", db_arn("orders"))[0].severity, Severity::Critical);
}

TEST(Rpo, TargetsByArnNameAndTag) {
    auto cfg = config_from(R"(
[[rpo]]
match = "orders"
target = "15m"
[[rpo]]
tag = "tier=bronze"
target = "7d"
)");
    auto r = region();
    r.db_instances.push_back(db("orders"));
    r.db_instances.edit()[0].latest_restorable_time = hours_ago(20.0 / 60);  // 20 minutes: over 15 m
    auto archive = db("archive");
    archive.tags = {{"tier", "bronze"}};
    r.db_instances.push_back(archive);
    r.recovery_points.push_back(point(db_arn("archive"), days_ago(3)));
    auto report = run(snapshot(r), cfg);
    auto orders = of(report, "rpo", db_arn("orders"));
    ASSERT_EQ(orders.size(), 1u);
    EXPECT_EQ(orders[0].severity, Severity::Critical);
    EXPECT_EQ(orders[0].reason, "out of RPO: newest restorable time is 20 min old (target 15 min)");
    auto arch = of(report, "rpo", db_arn("archive"));
    ASSERT_EQ(arch.size(), 1u);
    EXPECT_EQ(arch[0].severity, Severity::Ok);
    EXPECT_NE(arch[0].evidence.back().find("tag tier=bronze"), std::string::npos);
}

TEST(Rpo, NeverBackedUpIsCriticalAndUnloadedPointsAreNotGuessed) {
    auto r = region();
    r.protected_resources.push_back(protected_resource("arn:aws:elasticfilesystem:eu-central-1:111122223333:file-system/fs-1", "uploads", "EFS"));
    auto f = of(run(snapshot(r)), "rpo");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Critical);
    EXPECT_EQ(f[0].resource_name, "uploads");
    EXPECT_NE(f[0].reason.find("never backed up"), std::string::npos);

    r.status[poll::Kind::RecoveryPoints].loaded = false;
    EXPECT_TRUE(of(run(snapshot(r)), "rpo").empty());
}

TEST(Rpo, ClusterMembersAreJudgedThroughTheirCluster) {
    auto r = region();
    auto member = db("aurora-1");
    member.cluster_identifier = "aurora";
    r.db_instances.push_back(member);
    model::DbCluster cluster;
    cluster.identifier = "aurora";
    cluster.arn = "arn:aws:rds:eu-central-1:111122223333:cluster:aurora";
    cluster.backup_retention_period = 7;
    cluster.latest_restorable_time = hours_ago(0.2);
    r.db_clusters.push_back(cluster);
    auto report = run(snapshot(r));
    auto f = of(report, "rpo");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].resource, cluster.arn);
    EXPECT_EQ(f[0].severity, Severity::Ok);
}

TEST(Unprotected, WildcardsNotResourcesAndTags) {
    auto r = region();
    for (auto name : {"orders", "billing", "scratch", "tagged"}) r.db_instances.push_back(db(name));
    r.db_instances.edit()[3].tags = {{"backup", "daily"}};
    auto p = plan("prod");
    p.selections.push_back(selection({"arn:aws:rds:*:*:db:o*", "arn:aws:rds:*:*:db:s*"}, {"*:db:scratch"}));
    auto by_tag = selection({});
    by_tag.selection_name = "by-tag";
    by_tag.tag_conditions = {{"backup", "daily"}};
    p.selections.push_back(by_tag);
    r.plans.push_back(p);
    auto report = run(snapshot(r));
    auto f = of(report, "unprotected");
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].resource_name, "billing");
    EXPECT_EQ(f[1].resource_name, "scratch");
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].reason, "no backup plan selects this resource");
}

TEST(Unprotected, UnknownTagsNeedAJobOfThePlanAsProof) {
    auto r = region();
    const std::string efs = "arn:aws:elasticfilesystem:eu-central-1:111122223333:file-system/fs-1";
    r.protected_resources.push_back(protected_resource(efs, "uploads", "EFS"));
    auto p = plan("prod");
    auto by_tag = selection({});
    by_tag.tag_conditions = {{"backup", "daily"}};
    p.selections.push_back(by_tag);
    r.plans.push_back(p);
    auto f = of(run(snapshot(r)), "unprotected");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NE(f[0].evidence.back().find("tags are not known"), std::string::npos);

    auto job = backup_job("j1", efs, "COMPLETED", hours_ago(9));
    job.backup_plan_id = p.plan_id;
    r.backup_jobs.push_back(job);
    EXPECT_TRUE(of(run(snapshot(r)), "unprotected").empty());
}

TEST(Unprotected, NoPlanMeansUnprotectedButUnloadedPlansMeanNoVerdict) {
    auto r = region();
    r.db_instances.push_back(db("orders"));
    EXPECT_EQ(of(run(snapshot(r)), "unprotected").size(), 1u);
    r.status[poll::Kind::Plans].loaded = false;
    EXPECT_TRUE(of(run(snapshot(r)), "unprotected").empty());
}

namespace {

// A snapshot where "orders" had a restore test `days` ago, by a restore testing plan.
poll::Snapshot orders_tested(double days, const std::string& validation = "SUCCESSFUL", const std::string& status = "COMPLETED") {
    auto r = region();
    r.db_instances.push_back(db("orders"));
    auto rp = point(db_arn("orders"), days_ago(days + 1));
    r.recovery_points.push_back(rp);
    r.recovery_points.push_back(point(db_arn("orders"), hours_ago(2)));
    model::RestoreJob job;
    job.restore_job_id = "restore-1";
    job.recovery_point_arn = rp.arn;
    job.status = status;
    job.validation_status = validation;
    job.restore_testing_plan_arn = "arn:aws:backup:eu-central-1:111122223333:restore-testing-plan:monthly";
    job.created_resource_arn = db_arn("orders-restore-test");
    job.creation_date = days_ago(days) - std::chrono::hours(1);
    job.completion_date = days_ago(days);
    r.restore_jobs.push_back(job);
    r.db_instances.push_back(db("orders-restore-test"));  // the temporary instance: not judged
    return snapshot(std::move(r));
}

}  // namespace

TEST(Drills, NextDrillIsDueAfterTheCadence) {
    auto report = run(orders_tested(10));
    auto f = of(report, "drill-due", db_arn("orders"));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Ok);
    ASSERT_TRUE(f[0].when.has_value());
    EXPECT_EQ(*f[0].when, days_ago(10) + std::chrono::hours(24 * 30));
    EXPECT_NE(f[0].reason.find("in 20 d"), std::string::npos) << f[0].reason;
    // The restore test's own instance is neither an RPO nor a protection problem.
    EXPECT_TRUE(of(report, "rpo", db_arn("orders-restore-test")).empty());
    EXPECT_TRUE(of(report, "unprotected", db_arn("orders-restore-test")).empty());

    auto overdue = of(run(orders_tested(40)), "drill-due", db_arn("orders"));
    ASSERT_EQ(overdue.size(), 1u);
    EXPECT_EQ(overdue[0].severity, Severity::Warning);
    EXPECT_NE(overdue[0].reason.find("overdue by 10 d"), std::string::npos) << overdue[0].reason;
}

TEST(Drills, FailedValidationIsNoSuccess) {
    auto f = of(run(orders_tested(5, "FAILED")), "drill-due", db_arn("orders"));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].reason, "latest restore test failed (restore testing job restore-1 validation FAILED at "
                           "2026-11-17T12:00:00Z); none on record succeeded");
    EXPECT_NE(f[0].evidence.back().find("FAILED"), std::string::npos);
}

TEST(Drills, VaultdeckDrillReportsAndRequiredResources) {
    auto r = region();
    r.db_instances.push_back(db("orders"));
    r.db_instances.push_back(db("billing"));
    r.db_instances.push_back(db("scratch"));
    auto s = snapshot(r);
    poll::DrillRecord d;
    d.id = "drill-1";
    d.resource = "orders";
    d.runbook = "monthly-drill";
    d.started = days_ago(5);
    d.finished = days_ago(5) + std::chrono::hours(1);
    d.passed = true;
    s.drills.push_back(d);
    auto cfg = config_from("[drills]\ncadence = \"7d\"\nresources = [\"billing\"]\n");
    auto report = run(s, cfg);
    auto orders = of(report, "drill-due", db_arn("orders"));
    ASSERT_EQ(orders.size(), 1u);
    EXPECT_EQ(orders[0].severity, Severity::Ok);
    EXPECT_EQ(*orders[0].when, d.finished.value() + std::chrono::hours(24 * 7));
    auto billing = of(report, "drill-due", db_arn("billing"));
    ASSERT_EQ(billing.size(), 1u);
    EXPECT_EQ(billing[0].severity, Severity::Warning);
    EXPECT_TRUE(of(report, "drill-due", db_arn("scratch")).empty());  // never drilled, not required
}

TEST(Drills, ALatestFailureAfterTheLastSuccessIsAWarning) {
    auto s = orders_tested(40);  // success 40 days ago
    auto& r = s.regions[0];
    auto rp = point(db_arn("orders"), days_ago(11));
    r.recovery_points.push_back(rp);
    model::RestoreJob failed = r.restore_jobs[0];
    failed.restore_job_id = "restore-2";
    failed.recovery_point_arn = rp.arn;
    failed.validation_status = "FAILED";
    failed.validation_status_message = "smoke check failed: orders is empty";
    failed.creation_date = days_ago(10) - std::chrono::hours(1);
    failed.completion_date = days_ago(10);
    r.restore_jobs.push_back(failed);
    auto f = of(run(s), "drill-due", db_arn("orders"));
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].reason.rfind("latest restore test failed (restore testing job restore-2 validation FAILED at "
                                "2026-11-12T12:00:00Z: smoke check failed: orders is empty); restore test overdue",
                                0),
              0u)
        << f[0].reason;

    // A failure followed by a success within the cadence is fine.
    auto recovered = orders_tested(5);
    auto older = recovered.regions[0].restore_jobs[0];
    older.restore_job_id = "restore-0";
    older.validation_status = "FAILED";
    older.completion_date = days_ago(6);
    recovered.regions[0].restore_jobs.push_back(older);
    EXPECT_EQ(of(run(recovered), "drill-due", db_arn("orders"))[0].severity, Severity::Ok);
}

TEST(RestoredLeftover, AnOnCallRestoreStillThereAfterAWeek) {
    auto make = [](double days) {
        auto r = region();
        r.db_instances.push_back(db("orders"));
        r.db_instances.push_back(db("orders-restore-20261105"));
        auto rp = point(db_arn("orders"), days_ago(days + 1));
        r.recovery_points.push_back(rp);
        model::RestoreJob job;
        job.restore_job_id = "restore-oncall";
        job.recovery_point_arn = rp.arn;
        job.status = "COMPLETED";
        job.created_resource_arn = db_arn("orders-restore-20261105");
        job.creation_date = days_ago(days) - std::chrono::hours(1);
        job.completion_date = days_ago(days);
        r.restore_jobs.push_back(job);
        auto p = plan("prod");
        p.selections.push_back(selection({db_arn("orders")}));
        r.plans.push_back(p);
        return r;
    };
    auto report = run(snapshot(make(17)));
    auto f = of(report, "restored-leftover");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].resource_name, "orders-restore-20261105");
    EXPECT_EQ(f[0].reason,
              "restored by restore job restore-oncall, 17 d ago, and still there; delete it or add it to a backup plan");
    // Judged as a leftover, not also as unprotected or out of RPO.
    EXPECT_TRUE(of(report, "unprotected").empty());
    EXPECT_TRUE(of(report, "rpo", db_arn("orders-restore-20261105")).empty());

    EXPECT_TRUE(of(run(snapshot(make(3))), "restored-leftover").empty());

    // Adopted into a plan: an ordinary resource again.
    auto adopted = make(17);
    adopted.plans.edit()[0].selections[0].resources.push_back(db_arn("orders-restore-20261105"));
    auto adopted_report = run(snapshot(adopted));
    EXPECT_TRUE(of(adopted_report, "restored-leftover").empty());
    EXPECT_EQ(of(adopted_report, "rpo", db_arn("orders-restore-20261105")).size(), 1u);
}

TEST(RestoredLeftover, ARestoreOlderThanTheJobsReadIsKnownByItsName) {
    auto r = region();
    r.db_instances.push_back(db("prod-db"));
    auto restored = db("prod-db-restored-2026-11-05");
    restored.create_time = days_ago(17);
    r.db_instances.push_back(restored);
    auto fresh = db("prod-db-pitr-202611211200");
    fresh.create_time = days_ago(1);
    r.db_instances.push_back(fresh);
    auto unrelated = db("prod-dbx-restore");  // not "prod-db-..."
    unrelated.create_time = days_ago(30);
    r.db_instances.push_back(unrelated);
    auto p = plan("prod");
    p.selections.push_back(selection({db_arn("prod-db")}));
    r.plans.push_back(p);
    auto report = run(snapshot(r));
    auto f = of(report, "restored-leftover");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].resource_name, "prod-db-restored-2026-11-05");
    EXPECT_EQ(f[0].reason, "looks like a restore of prod-db, 17 d ago, and still there; delete it or add it to a backup plan");
    auto unprotected = of(report, "unprotected");
    ASSERT_EQ(unprotected.size(), 1u);
    EXPECT_EQ(unprotected[0].resource_name, "prod-dbx-restore");
}

TEST(Resources, CopiesListedInAnotherRegionAreJudgedAtHome) {
    auto east = region();
    east.db_instances.push_back(db("orders"));
    east.recovery_points.push_back(point(db_arn("orders"), hours_ago(2)));
    auto p = plan("prod");
    p.selections.push_back(selection({db_arn("orders")}));
    east.plans.push_back(p);
    auto west = region();
    west.region = "eu-west-1";
    west.protected_resources.push_back(protected_resource(db_arn("orders"), "orders"));
    auto s = snapshot(east);
    s.regions.push_back(west);
    auto report = run(s);
    auto rpo = of(report, "rpo");
    ASSERT_EQ(rpo.size(), 1u);
    EXPECT_EQ(rpo[0].region, kRegion);
    EXPECT_TRUE(of(report, "unprotected").empty());

    // Without the home region, the copy region judges its RPO but not its plans.
    auto only_west = snapshot(west);
    only_west.regions[0].recovery_points.push_back(point(db_arn("orders"), hours_ago(2), "dr"));
    auto report2 = run(only_west);
    ASSERT_EQ(of(report2, "rpo").size(), 1u);
    EXPECT_EQ(of(report2, "rpo")[0].severity, Severity::Ok);
    EXPECT_TRUE(of(report2, "unprotected").empty());
}
