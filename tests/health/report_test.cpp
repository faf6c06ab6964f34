// The report as a whole: coverage (unknown), ordering, counts, the overall
// verdict and its exit code, and the JSON form.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "backend/health/report_json.hpp"
#include "health/support/snapshot_builder.hpp"

using namespace vd;
using namespace vd::health;
using namespace vd::health::test;

namespace {

// A healthy region: "orders" backed up 2 h ago by a daily plan that ran.
poll::RegionData healthy() {
    auto r = region();
    r.db_instances.push_back(db("orders"));
    auto p = plan("prod");
    p.selections.push_back(selection({"arn:aws:rds:*:*:db:*"}));
    r.plans.push_back(p);
    auto rp = point(db_arn("orders"), at("2026-11-22T03:00:00Z"));
    rp.backup_rule_id = "prod-daily";
    r.recovery_points.push_back(rp);
    model::Vault v;
    v.name = "main";
    v.arn = vault_arn("main");
    v.locked = true;
    r.vaults.push_back(v);
    return r;
}

}  // namespace

TEST(Report, AHealthyRegionIsOk) {
    auto report = run(snapshot(healthy()));
    for (const auto& f : report.findings) EXPECT_EQ(f.severity, Severity::Ok) << f.check << ": " << f.reason;
    EXPECT_EQ(report.overall, Severity::Ok);
    EXPECT_EQ(exit_code(report.overall), 0);
    EXPECT_EQ(report.counts.ok, static_cast<int>(report.findings.size()));
    EXPECT_EQ(of(report, "rpo").size(), 1u);
    EXPECT_EQ(of(report, "next-run").size(), 1u);
    EXPECT_EQ(of(report, "cost").size(), 1u);
}

TEST(Report, RegionsThatNeverLoadedAreUnknown) {
    auto r = healthy();
    r.status[poll::Kind::RecoveryPoints].loaded = false;
    r.status[poll::Kind::RecoveryPoints].last_error = "AccessDeniedException: not authorized";
    r.status.erase(poll::Kind::Plans);
    auto report = run(snapshot(r));
    auto f = of(report, "data-missing");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Unknown);
    EXPECT_EQ(f[0].reason, "cannot tell: plans, recovery-points never loaded");
    EXPECT_EQ(f[0].resource_name, "shop-prod");
    EXPECT_EQ(f[0].evidence,
              (std::vector<std::string>{"plans: never fetched", "recovery-points: AccessDeniedException: not authorized",
                                        "not judged here: rpo, unprotected, plan-rule, missed-run, copy-missing, lifecycle-soon"}));
    EXPECT_EQ(report.overall, Severity::Unknown);
    EXPECT_EQ(exit_code(report.overall), 3);

    // Stale but once loaded is still known.
    auto stale = healthy();
    stale.status[poll::Kind::BackupJobs].stale = true;
    stale.status[poll::Kind::BackupJobs].last_error = "ThrottlingException";
    EXPECT_EQ(run(snapshot(stale)).overall, Severity::Ok);

    // An endpoint that is down: one line per reason, not one per kind.
    auto down = healthy();
    for (auto& [kind, st] : down.status) {
        st.loaded = false;
        st.last_error = "NetworkError: could not connect";
    }
    auto blind = of(run(snapshot(down)), "data-missing");
    ASSERT_EQ(blind.size(), 1u);
    EXPECT_EQ(blind[0].reason, fmt::format("cannot tell: nothing loaded ({} kinds)", down.status.size()));
    ASSERT_EQ(blind[0].evidence.size(), 1u);
    EXPECT_EQ(blind[0].evidence[0], fmt::format("all {} kinds: NetworkError: could not connect", down.status.size()));

    poll::Snapshot nothing;
    auto empty = run(nothing);
    EXPECT_EQ(empty.overall, Severity::Unknown);
    EXPECT_EQ(empty.findings.size(), 1u);
}

TEST(Report, ACriticalOutranksAnUnknownRegionAndFindingsSortWorstFirst) {
    auto bad = healthy();
    bad.recovery_points.clear();
    bad.recovery_points.push_back(point(db_arn("orders"), hours_ago(30)));
    bad.backup_jobs.push_back(backup_job("job-1", db_arn("orders"), "FAILED", days_ago(3)));
    auto blind = region();
    blind.region = "us-east-1";
    blind.status[poll::Kind::Vaults].loaded = false;
    auto s = snapshot(bad);
    s.regions.push_back(blind);
    auto report = run(s);
    EXPECT_EQ(report.overall, Severity::Critical);
    EXPECT_EQ(exit_code(report.overall), 2);
    ASSERT_GE(report.findings.size(), 4u);
    EXPECT_EQ(report.findings[0].check, "rpo");
    EXPECT_EQ(report.findings[0].severity, Severity::Critical);
    EXPECT_EQ(report.findings[1].check, "data-missing");
    for (size_t i = 1; i < report.findings.size(); ++i)
        EXPECT_GE(severity_rank(report.findings[i - 1].severity), severity_rank(report.findings[i].severity));
    EXPECT_EQ(report.counts.critical, 1);
    EXPECT_EQ(report.counts.unknown, 1);
    EXPECT_GE(report.counts.warning, 2);  // the older job failure and the missed run
    EXPECT_EQ(report.counts.ok + report.counts.warning + report.counts.critical + report.counts.unknown,
              static_cast<int>(report.findings.size()));
}

TEST(Report, WarningsOnlyMeanExitOne) {
    auto r = healthy();
    r.vaults.edit()[0].locked = false;
    auto report = run(snapshot(r));
    EXPECT_EQ(report.overall, Severity::Warning);
    EXPECT_EQ(exit_code(report.overall), 1);
}

TEST(ReportJson, TheDocumentedSchema) {
    auto r = healthy();
    r.vaults.edit()[0].locked = false;
    auto report = run(snapshot(r));
    auto j = report_to_json(report);
    EXPECT_EQ(j.at("schema"), "vaultdeck.status/1");
    EXPECT_EQ(j.at("generated_at"), "2026-11-22T12:00:00Z");
    EXPECT_EQ(j.at("overall"), "warning");
    EXPECT_EQ(j.at("exit_code"), 1);
    EXPECT_EQ(j.at("counts").at("warning"), 1);
    EXPECT_EQ(j.at("counts").at("critical"), 0);
    EXPECT_EQ(j.at("counts").at("unknown"), 0);
    EXPECT_EQ(j.at("counts").at("ok"), report.counts.ok);
    ASSERT_EQ(j.at("findings").size(), report.findings.size());
    const auto& first = j.at("findings").at(0);
    EXPECT_EQ(first.at("severity"), "warning");
    EXPECT_EQ(first.at("check"), "vault-unlocked");
    EXPECT_EQ(first.at("account_id"), kAccount);
    EXPECT_EQ(first.at("region"), kRegion);
    EXPECT_EQ(first.at("resource"), vault_arn("main"));
    EXPECT_EQ(first.at("resource_name"), "main");
    EXPECT_TRUE(first.at("reason").is_string());
    EXPECT_TRUE(first.at("evidence").is_array());
    EXPECT_TRUE(first.at("when").is_null());
    bool saw_when = false;
    for (const auto& f : j.at("findings"))
        if (f.at("check") == "next-run") {
            EXPECT_EQ(f.at("when"), "2026-11-23T03:00:00Z");
            saw_when = true;
        }
    EXPECT_TRUE(saw_when);
    auto text = report_to_json_text(report);
    EXPECT_EQ(nlohmann::json::parse(text), j);
    EXPECT_EQ(text.back(), '\n');
}

TEST(Report, EvaluationIsPureAndRepeatable) {
    auto s = snapshot(healthy());
    auto a = report_to_json(run(s));
    auto b = report_to_json(run(s));
    EXPECT_EQ(a, b);
}

// A region as the poller leaves it when a kind never loaded: no data of it.
void forget(poll::RegionData& r, poll::Kind kind) {
    using K = poll::Kind;
    switch (kind) {
    case K::Identity: r.identity = {}; break;
    case K::Vaults: r.vaults.clear(); break;
    case K::RecoveryPoints: r.recovery_points.clear(); break;
    case K::BackupJobs: r.backup_jobs.clear(); break;
    case K::CopyJobs: r.copy_jobs.clear(); break;
    case K::RestoreJobs: r.restore_jobs.clear(); break;
    case K::JobSummaries: r.job_summaries.clear(); break;
    case K::Plans: r.plans.clear(); break;
    case K::ProtectedResources: r.protected_resources.clear(); break;
    case K::DbInstances: r.db_instances.clear(); break;
    case K::DbClusters: r.db_clusters.clear(); break;
    case K::DbSnapshots: r.db_snapshots.clear(); break;
    case K::AutomatedBackups: r.automated_backups.clear(); break;
    case K::RestoreTestingPlans: r.restore_testing_plans.clear(); break;
    case K::BucketLifecycles: r.bucket_lifecycles.clear(); break;
    }
}

// A kind that failed alone makes its region "could not tell", never a
// problem. The region holds an EFS file system that a tag selection backs
// up (its tags are not known, so the recovery points prove the plan covers
// it); when recovery points did not load, that proof is gone and the check
// used to call the file system unprotected (the 104 false warnings of a
// real account). Each kind in turn fails alone: the only finding that is
// not ok is data-missing.
TEST(Report, AKindThatFailedAloneIsCouldNotTellNeverAProblem) {
    auto base = healthy();
    const std::string efs = "arn:aws:elasticfilesystem:" + kRegion + ":" + kAccount + ":file-system/fs-1";
    base.protected_resources.push_back(protected_resource(efs, "shared-files", "EFS"));
    auto by_tag = plan("files");
    model::BackupSelection tagged = selection({});
    tagged.selection_name = "by-tag";
    tagged.tag_conditions = {{"backup", "files"}};
    by_tag.selections.push_back(tagged);
    base.plans.push_back(by_tag);
    auto files_point = point(efs, at("2026-11-22T03:00:00Z"));
    files_point.backup_plan_id = by_tag.plan_id;
    files_point.resource_type = "EFS";
    base.recovery_points.push_back(files_point);
    for (const auto& f : run(snapshot(base)).findings)
        ASSERT_EQ(f.severity, Severity::Ok) << "the base is healthy: " << f.check << " " << f.resource_name << ": " << f.reason;

    for (const auto& [kind, _] : base.status) {
        auto failed = base;
        forget(failed, kind);
        failed.status[kind].loaded = false;
        failed.status[kind].last_error = "ThrottlingException: Rate exceeded";
        auto report = run(snapshot(failed));
        for (const auto& f : report.findings) {
            if (f.severity == Severity::Ok) continue;
            EXPECT_EQ(f.check, "data-missing") << poll::kind_name(kind) << " failed alone, yet " << f.check << " "
                                               << f.resource_name << ": " << f.reason;
        }
        EXPECT_EQ(report.overall, Severity::Unknown) << poll::kind_name(kind);
    }
}
