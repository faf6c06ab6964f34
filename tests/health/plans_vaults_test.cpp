// plan-rule, vault-unlocked, unencrypted, lifecycle-soon and cost.
#include <gtest/gtest.h>

#include "backend/config/load.hpp"
#include "health/support/snapshot_builder.hpp"

using namespace vd;
using namespace vd::health;
using namespace vd::health::test;

namespace {

// A rule with a schedule and a lifecycle.
model::BackupRule rule(const std::string& name, const std::string& cron, std::optional<int64_t> cold,
                       std::optional<int64_t> del) {
    model::BackupRule r;
    r.rule_id = name + "-id";
    r.rule_name = name;
    r.schedule_expression = cron;
    r.lifecycle.move_to_cold_storage_after_days = cold;
    r.lifecycle.delete_after_days = del;
    return r;
}

// A region with one plan holding exactly these rules.
poll::Snapshot with_rules(std::vector<model::BackupRule> rules) {
    auto r = region();
    auto p = plan("prod");
    p.rules = std::move(rules);
    r.plans.push_back(p);
    return snapshot(std::move(r));
}

}  // namespace

TEST(PlanRules, DeletingWithin90DaysOfColdIsCritical) {
    // The seed's weekly rule: cold after 30 days, deleted after 90.
    auto report = run(with_rules({rule("daily", "cron(0 3 * * ? *)", std::nullopt, 35),
                                  rule("weekly", "cron(0 4 ? * SUN *)", 30, 90)}));
    auto f = of(report, "plan-rule");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Critical);
    EXPECT_EQ(f[0].resource_name, "prod/weekly");
    EXPECT_EQ(f[0].reason,
              "rule weekly lifecycle: deletes after 90 d but moves to cold storage after 30 d; AWS requires deletion "
              "at least 90 days after the move (at least 120 d)");

    EXPECT_TRUE(of(run(with_rules({rule("daily", "cron(0 3 * * ? *)", 30, 120)})), "plan-rule").empty());
}

TEST(PlanRules, CopyActionLifecyclesAreCheckedToo) {
    auto daily = rule("daily", "cron(0 3 * * ? *)", std::nullopt, 35);
    model::CopyAction copy;
    copy.destination_vault_arn = vault_arn("dr", "eu-west-1");
    copy.lifecycle.move_to_cold_storage_after_days = 7;
    copy.lifecycle.delete_after_days = 30;
    daily.copy_actions.push_back(copy);
    auto f = of(run(with_rules({daily})), "plan-rule");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Critical);
    EXPECT_NE(f[0].reason.find("copy to dr"), std::string::npos) << f[0].reason;
}

TEST(PlanRules, APlanNeedsOneRuleMeetingBothMinimums) {
    // Daily but short, weekly but not daily: neither rule meets both.
    auto f = of(run(with_rules({rule("daily", "cron(0 3 * * ? *)", std::nullopt, 7),
                                rule("weekly", "cron(0 4 ? * SUN *)", std::nullopt, 90)})),
                "plan-rule");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].resource_name, "prod");
    EXPECT_EQ(f[0].reason, "no rule runs at least every 24 h and keeps points at least 35 d");
    EXPECT_EQ(f[0].evidence, (std::vector<std::string>{"rule daily: daily at 03:00 UTC, keeps 7 d",
                                                       "rule weekly: Sundays at 04:00 UTC, keeps 90 d"}));

    EXPECT_TRUE(of(run(with_rules({rule("daily", "cron(0 3 * * ? *)", std::nullopt, 35)})), "plan-rule").empty());
    EXPECT_TRUE(of(run(with_rules({rule("forever", "cron(0 */6 * * ? *)", std::nullopt, std::nullopt)})), "plan-rule").empty());
    // Weekdays only leaves a 72 h gap over the weekend.
    EXPECT_EQ(of(run(with_rules({rule("weekdays", "cron(0 3 ? * MON-FRI *)", std::nullopt, 35)})), "plan-rule").size(), 1u);
    auto continuous = rule("pitr", "cron(0 4 ? * SUN *)", std::nullopt, 35);
    continuous.enable_continuous_backup = true;
    EXPECT_TRUE(of(run(with_rules({continuous})), "plan-rule").empty());
}

TEST(PlanRules, MinimumsComeFromTheConfiguration) {
    auto cfg = config::parse_config("[plan_minimums]\nfrequency = \"7d\"\nretention = \"90d\"\n", "t.toml").config;
    EXPECT_TRUE(of(run(with_rules({rule("weekly", "cron(0 4 ? * SUN *)", std::nullopt, 90)}), cfg), "plan-rule").empty());
    EXPECT_EQ(of(run(with_rules({rule("daily", "cron(0 3 * * ? *)", std::nullopt, 35)}), cfg), "plan-rule").size(), 1u);
}

TEST(Vaults, UnlockedVaultsAndUnencryptedPoints) {
    auto r = region();
    model::Vault open;
    open.name = "main";
    open.arn = vault_arn("main");
    open.recovery_points = 3;
    model::Vault locked = open;
    locked.name = "locked";
    locked.arn = vault_arn("locked");
    locked.locked = true;
    model::Vault airgapped = open;
    airgapped.name = "airgapped";
    airgapped.arn = vault_arn("airgapped");
    airgapped.vault_type = "LOGICALLY_AIR_GAPPED_BACKUP_VAULT";
    r.vaults = {open, locked, airgapped};
    for (int i = 0; i < 3; ++i) r.recovery_points.push_back(point(db_arn("orders"), hours_ago(1 + i)));
    r.recovery_points.edit()[1].encrypted = false;
    r.recovery_points.edit()[2].encrypted = false;
    auto deleted = point(db_arn("orders"), days_ago(40));
    deleted.encrypted = false;
    deleted.status = "DELETING";
    r.recovery_points.push_back(deleted);
    auto report = run(snapshot(r));
    auto unlocked = of(report, "vault-unlocked");
    ASSERT_EQ(unlocked.size(), 1u);
    EXPECT_EQ(unlocked[0].resource, vault_arn("main"));
    EXPECT_EQ(unlocked[0].severity, Severity::Warning);
    auto unencrypted = of(report, "unencrypted");
    ASSERT_EQ(unencrypted.size(), 1u);
    EXPECT_EQ(unencrypted[0].severity, Severity::Warning);
    EXPECT_EQ(unencrypted[0].reason, "2 recovery points are not encrypted");
    EXPECT_EQ(unencrypted[0].evidence.size(), 2u);
}

TEST(Lifecycle, PointsGoingColdOrDeletedThisWeekAreCounted) {
    auto r = region();
    auto a = point(db_arn("orders"), days_ago(27));
    a.calculated.move_to_cold_storage_at = days_ago(27) + std::chrono::hours(24 * 30);  // in 3 days
    auto b = point(db_arn("orders"), days_ago(30));
    b.calculated.delete_at = now() + std::chrono::hours(24 * 5);
    auto c = point(db_arn("orders"), days_ago(1));
    c.calculated.move_to_cold_storage_at = now() + std::chrono::hours(24 * 20);  // later: not counted
    auto d = point(db_arn("orders"), days_ago(100));
    d.storage_class = "COLD";
    d.calculated.move_to_cold_storage_at = days_ago(70);  // already cold
    r.recovery_points = {a, b, c, d};
    auto f = of(run(snapshot(r)), "lifecycle-soon");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Ok);
    EXPECT_EQ(f[0].reason, "in the next 7 days: 1 point goes cold, 1 is deleted");
    EXPECT_EQ(*f[0].when, now() + std::chrono::hours(24 * 3));
    EXPECT_EQ(f[0].evidence.size(), 2u);

    auto quiet = region();
    quiet.recovery_points = {c};
    EXPECT_TRUE(of(run(snapshot(quiet)), "lifecycle-soon").empty());
}

TEST(Cost, WarmAndColdGigabytesAtTheConfiguredPrices) {
    auto r = region();
    const int64_t gib = 1024LL * 1024 * 1024;
    auto warm = point(db_arn("orders"), days_ago(1));
    warm.backup_size_bytes = 100 * gib;
    auto cold = point(db_arn("orders"), days_ago(100));
    cold.storage_class = "COLD";
    cold.backup_size_bytes = 200 * gib;
    auto gone = point(db_arn("orders"), days_ago(400));
    gone.storage_class = "DELETED";
    gone.backup_size_bytes = 900 * gib;
    r.recovery_points = {warm, cold, gone};
    auto f = of(run(snapshot(r)), "cost");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].resource, vault_arn("main"));
    EXPECT_EQ(f[0].reason, "about $7.00/month: 100.0 GB warm, 200.0 GB cold");

    auto cfg = config::parse_config("[prices]\nwarm = 0.1\ncold = 0.02\n", "t.toml").config;
    EXPECT_EQ(of(run(snapshot(r), cfg), "cost")[0].reason, "about $14.00/month: 100.0 GB warm, 200.0 GB cold");
}
