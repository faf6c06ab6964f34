// job-failed, job-issues, next-run, missed-run and copy-missing.
#include <gtest/gtest.h>

#include "health/support/snapshot_builder.hpp"

using namespace vd;
using namespace vd::health;
using namespace vd::health::test;

namespace {

const std::string kOrders = db_arn("orders");

// A region with "orders" protected by a plan selecting every RDS instance.
poll::RegionData orders_region() {
    auto r = region();
    r.db_instances.push_back(db("orders"));
    r.recovery_points.push_back(point(kOrders, hours_ago(9)));
    auto p = plan("prod");
    p.selections.push_back(selection({"arn:aws:rds:*:*:db:*"}));
    r.plans.push_back(p);
    return r;
}

}  // namespace

TEST(JobFailures, AFailureInTheLastDayIsCritical) {
    auto r = orders_region();
    r.backup_jobs.push_back(backup_job("job-1", kOrders, "FAILED", hours_ago(5), "Insufficient privileges"));
    auto f = of(run(snapshot(r)), "job-failed", kOrders);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Critical);
    EXPECT_EQ(f[0].reason, "backup job FAILED 4.5 h ago: Insufficient privileges");
    EXPECT_EQ(f[0].evidence, std::vector<std::string>{"job-1 FAILED at 2026-11-22T07:30:00Z: Insufficient privileges"});
}

TEST(JobFailures, ALaterSuccessLowersItToAWarning) {
    auto r = orders_region();
    r.backup_jobs.push_back(backup_job("job-1", kOrders, "FAILED", hours_ago(5), "Insufficient privileges"));
    r.backup_jobs.push_back(backup_job("job-2", kOrders, "COMPLETED", hours_ago(2)));
    auto f = of(run(snapshot(r)), "job-failed", kOrders);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_NE(f[0].reason.find("a later job completed"), std::string::npos);
    EXPECT_EQ(f[0].evidence.back(), "later: job-2 COMPLETED at 2026-11-22T10:30:00Z");

    // A success that started before the failure does not count.
    auto r2 = orders_region();
    r2.backup_jobs.push_back(backup_job("job-1", kOrders, "FAILED", hours_ago(5)));
    r2.backup_jobs.push_back(backup_job("job-0", kOrders, "COMPLETED", hours_ago(6)));
    EXPECT_EQ(of(run(snapshot(r2)), "job-failed", kOrders)[0].severity, Severity::Critical);
}

TEST(JobFailures, OlderFailuresAreWarningsForAWeekThenForgotten) {
    auto r = orders_region();
    r.backup_jobs.push_back(backup_job("job-1", kOrders, "EXPIRED", days_ago(3)));
    auto f = of(run(snapshot(r)), "job-failed", kOrders);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Warning);

    auto old = orders_region();
    old.backup_jobs.push_back(backup_job("job-1", kOrders, "FAILED", days_ago(8)));
    EXPECT_TRUE(of(run(snapshot(old)), "job-failed").empty());
}

TEST(JobFailures, EveryFailedStateAndEveryJobKind) {
    for (const char* state : {"FAILED", "EXPIRED", "ABORTED", "PARTIAL"}) {
        auto r = orders_region();
        r.backup_jobs.push_back(backup_job("job-1", kOrders, state, hours_ago(1)));
        auto f = of(run(snapshot(r)), "job-failed", kOrders);
        ASSERT_EQ(f.size(), 1u) << state;
        EXPECT_EQ(f[0].severity, Severity::Critical) << state;
    }
    for (const char* state : {"COMPLETED", "RUNNING", "CREATED", "PENDING"}) {
        auto r = orders_region();
        r.backup_jobs.push_back(backup_job("job-1", kOrders, state, hours_ago(1)));
        EXPECT_TRUE(of(run(snapshot(r)), "job-failed").empty()) << state;
    }

    auto r = orders_region();
    model::CopyJob copy;
    copy.copy_job_id = "copy-1";
    copy.resource_arn = kOrders;
    copy.resource_name = "orders";
    copy.source_recovery_point_arn = r.recovery_points[0].arn;
    copy.destination_vault_arn = vault_arn("dr", "eu-west-1");
    copy.state = "FAILED";
    copy.status_message = "KMS key not accessible";
    copy.creation_date = hours_ago(8);
    copy.completion_date = hours_ago(7);
    r.copy_jobs.push_back(copy);
    model::RestoreJob restore;
    restore.restore_job_id = "restore-1";
    restore.recovery_point_arn = r.recovery_points[0].arn;
    restore.status = "ABORTED";
    restore.creation_date = hours_ago(3);
    r.restore_jobs.push_back(restore);
    auto report = run(snapshot(r));
    auto f = of(report, "job-failed", kOrders);
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].reason, "copy to dr job FAILED 7 h ago: KMS key not accessible");
    EXPECT_EQ(f[1].reason, "restore job ABORTED 3 h ago");
}

TEST(JobFailures, CompletedWithIssuesIsAWarning) {
    auto r = orders_region();
    auto job = backup_job("job-1", kOrders, "COMPLETED", hours_ago(4), "Some files were skipped");
    job.message_category = "PARTIAL_BACKUP";
    r.backup_jobs.push_back(job);
    r.backup_jobs.push_back(backup_job("job-2", kOrders, "COMPLETED", hours_ago(30)));
    r.backup_jobs.edit().back().message_category = "SUCCESS";
    auto report = run(snapshot(r));
    EXPECT_TRUE(of(report, "job-failed").empty());
    auto f = of(report, "job-issues", kOrders);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].reason, "backup job completed with issues (PARTIAL_BACKUP) 3.5 h ago: Some files were skipped");
}

TEST(Schedules, NextRunOfEveryRule) {
    auto r = orders_region();
    model::BackupRule weekly;
    weekly.rule_id = "prod-weekly";
    weekly.rule_name = "weekly";
    weekly.schedule_expression = "cron(0 4 ? * SUN *)";
    weekly.schedule_expression_timezone = "Europe/Berlin";
    r.plans.edit()[0].rules.push_back(weekly);
    model::BackupRule broken;
    broken.rule_id = "prod-broken";
    broken.rule_name = "broken";
    broken.schedule_expression = "cron(0 4 * * * *)";
    r.plans.edit()[0].rules.push_back(broken);
    r.backup_jobs.push_back(backup_job("job-1", kOrders, "COMPLETED", at("2026-11-22T03:01:00Z")));
    r.backup_jobs.edit().back().backup_rule_id = "prod-daily";
    auto report = run(snapshot(r));
    auto next = of(report, "next-run");
    ASSERT_EQ(next.size(), 3u);
    // Sorted: the warning first, then the ok ones by name.
    EXPECT_EQ(next[0].severity, Severity::Warning);
    EXPECT_EQ(next[0].resource_name, "prod/broken");
    EXPECT_NE(next[0].reason.find("one of day-of-month and day-of-week must be '?'"), std::string::npos);
    EXPECT_EQ(next[1].resource_name, "prod/daily");
    EXPECT_EQ(*next[1].when, at("2026-11-23T03:00:00Z"));
    EXPECT_EQ(next[1].reason, "next run 2026-11-23T03:00:00Z (in 15 h): daily at 03:00 UTC");
    EXPECT_EQ(next[2].resource_name, "prod/weekly");
    EXPECT_EQ(*next[2].when, at("2026-11-29T03:00:00Z"));  // 04:00 CET
    EXPECT_NE(next[2].reason.find("Sundays at 04:00 Europe/Berlin"), std::string::npos);
}

TEST(Schedules, ARuleThatDidNotRunIsMissed) {
    auto r = orders_region();
    auto report = run(snapshot(r));
    auto missed = of(report, "missed-run");
    ASSERT_EQ(missed.size(), 1u);
    EXPECT_EQ(missed[0].severity, Severity::Warning);
    EXPECT_EQ(*missed[0].when, at("2026-11-22T03:00:00Z"));
    EXPECT_EQ(missed[0].resource_name, "prod/daily");

    // A job of the rule in its start window means it ran (whatever its state).
    auto ran = orders_region();
    ran.backup_jobs.push_back(backup_job("job-1", kOrders, "FAILED", at("2026-11-22T03:02:00Z")));
    ran.backup_jobs.edit().back().backup_rule_id = "prod-daily";
    EXPECT_TRUE(of(run(snapshot(ran)), "missed-run").empty());

    // So does a recovery point of the rule.
    auto rp = orders_region();
    rp.recovery_points.push_back(point(kOrders, at("2026-11-22T03:05:00Z")));
    rp.recovery_points.edit().back().backup_rule_id = "prod-daily";
    EXPECT_TRUE(of(run(snapshot(rp)), "missed-run").empty());

    // A job of another rule does not.
    auto other = orders_region();
    other.backup_jobs.push_back(backup_job("job-1", kOrders, "COMPLETED", at("2026-11-22T03:02:00Z")));
    other.backup_jobs.edit().back().backup_rule_id = "someone-else";
    EXPECT_EQ(of(run(snapshot(other)), "missed-run").size(), 1u);
}

TEST(Schedules, NoVerdictBeforeTheStartWindowEndsOrBeforeThePlanExisted) {
    // 8 h start window (the AWS default): the 03:00 run may still start until 11:00.
    auto r = orders_region();
    r.plans.edit()[0].rules[0].start_window_minutes.reset();
    r.plans.edit()[0].rules[0].schedule_expression = "cron(0 5 * * ? *)";
    auto missed = of(run(snapshot(r)), "missed-run");
    ASSERT_EQ(missed.size(), 1u);
    EXPECT_EQ(*missed[0].when, at("2026-11-21T05:00:00Z"));  // today's 05:00 may still start until 13:00

    auto fresh = orders_region();
    fresh.plans.edit()[0].creation_date = hours_ago(2);
    EXPECT_TRUE(of(run(snapshot(fresh)), "missed-run").empty());

    auto empty = orders_region();
    empty.plans.edit()[0].selections.clear();
    EXPECT_TRUE(of(run(snapshot(empty)), "missed-run").empty());

    auto unloaded = orders_region();
    unloaded.status[poll::Kind::BackupJobs].loaded = false;
    EXPECT_TRUE(of(run(snapshot(unloaded)), "missed-run").empty());
}

namespace {

// "orders" with a monthly rule copying to a vault in eu-west-1, and a
// monthly point created `age_hours` ago.
poll::RegionData monthly_copy(double age_hours) {
    auto r = orders_region();
    model::BackupRule monthly;
    monthly.rule_id = "prod-monthly";
    monthly.rule_name = "monthly";
    monthly.schedule_expression = "cron(0 5 1 * ? *)";
    model::CopyAction copy;
    copy.destination_vault_arn = vault_arn("dr", "eu-west-1");
    monthly.copy_actions.push_back(copy);
    r.plans.edit()[0].rules.push_back(monthly);
    auto rp = point(kOrders, hours_ago(age_hours));
    rp.backup_rule_id = "prod-monthly";
    r.recovery_points.push_back(rp);
    return r;
}

}  // namespace

TEST(Copies, AMonthlyPointWithoutItsCopyIsMissing) {
    auto r = monthly_copy(72);
    auto f = of(run(snapshot(r)), "copy-missing", kOrders);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].reason, "recovery point of 2026-11-19T12:00:00Z has no copy in dr (eu-west-1)");
    EXPECT_EQ(*f[0].when, hours_ago(72));

    // A copy to another account's vault names that account.
    auto r2 = monthly_copy(72);
    r2.plans.edit()[0].rules.back().copy_actions[0].destination_vault_arn = "arn:aws:backup:eu-west-1:999988887777:backup-vault:bunker";
    auto g = of(run(snapshot(r2)), "copy-missing", kOrders);
    ASSERT_EQ(g.size(), 1u);
    EXPECT_EQ(g[0].reason, "recovery point of 2026-11-19T12:00:00Z has no copy in bunker (eu-west-1, account 999988887777)");
}

TEST(Copies, ACompletedCopyJobOrAPointInTheDestinationCounts) {
    auto with_job = monthly_copy(72);
    model::CopyJob job;
    job.copy_job_id = "copy-1";
    job.source_recovery_point_arn = with_job.recovery_points.back().arn;
    job.destination_vault_arn = vault_arn("dr", "eu-west-1");
    job.resource_arn = kOrders;
    job.state = "COMPLETED";
    job.creation_date = hours_ago(71);
    with_job.copy_jobs.push_back(job);
    EXPECT_TRUE(of(run(snapshot(with_job)), "copy-missing").empty());

    auto running = monthly_copy(72);
    job.state = "RUNNING";
    running.copy_jobs.push_back(job);
    EXPECT_TRUE(of(run(snapshot(running)), "copy-missing").empty());

    auto failed = monthly_copy(72);
    job.state = "FAILED";
    failed.copy_jobs.push_back(job);
    EXPECT_EQ(of(run(snapshot(failed)), "copy-missing").size(), 1u);

    // The copy seen in the destination region's data.
    auto source = monthly_copy(72);
    auto dr = region();
    dr.region = "eu-west-1";
    auto copy = point(kOrders, hours_ago(70), "dr");
    copy.vault_arn = vault_arn("dr", "eu-west-1");
    copy.source_vault_arn = vault_arn("main");
    dr.recovery_points.push_back(copy);
    auto s = snapshot(source);
    s.regions.push_back(dr);
    EXPECT_TRUE(of(run(s), "copy-missing").empty());
}

TEST(Copies, AFreshPointHasADayToBeCopied) {
    EXPECT_TRUE(of(run(snapshot(monthly_copy(10))), "copy-missing").empty());
}

TEST(Copies, OlderPointsAreJudgedByTheDestinationVaultWhenItIsVisible) {
    // 20 days old: beyond the 14-day job window, so copy jobs cannot tell.
    auto source = monthly_copy(24 * 20);
    EXPECT_TRUE(of(run(snapshot(source)), "copy-missing").empty());  // destination region not read

    auto dr = region();
    dr.region = "eu-west-1";
    auto s = snapshot(source);
    s.regions.push_back(dr);
    auto f = of(run(s), "copy-missing", kOrders);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(*f[0].when, hours_ago(24 * 20));

    auto copy = point(kOrders, hours_ago(24 * 20 - 2), "dr");
    copy.vault_arn = vault_arn("dr", "eu-west-1");
    s.regions[1].recovery_points.push_back(copy);
    EXPECT_TRUE(of(run(s), "copy-missing").empty());

    // A copy that its own lifecycle would have deleted by now is not missed.
    auto short_lived = monthly_copy(24 * 20);
    short_lived.plans.edit()[0].rules.back().copy_actions[0].lifecycle.delete_after_days = 14;
    auto s2 = snapshot(short_lived);
    s2.regions.push_back(dr);
    EXPECT_TRUE(of(run(s2), "copy-missing").empty());
}
