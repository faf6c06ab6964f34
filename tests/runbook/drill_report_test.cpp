// Drill reports from a wizard's state: RTO and RPO against the targets, the
// verdict and its reasons, Markdown and JSON, and the records read back for
// the Drills screen.
#include <gtest/gtest.h>

#include <fstream>

#include "backend/core/time_format.hpp"
#include "backend/runbook/builtin.hpp"
#include "backend/runbook/drill_report.hpp"
#include "backend/runbook/lint.hpp"
#include "support/temp_dir.hpp"

using namespace vd;
using namespace vd::runbook;

namespace {

Runbook drill() {
    auto rb = load_runbook(builtin_runbook("monthly-drill"), "monthly-drill");
    EXPECT_TRUE(rb.ok());
    return *rb;
}

// The state of a monthly drill that ran to the end.
WizardState finished_drill(const Runbook& rb) {
    WizardState s;
    s.id = "20261122-101700-abcdef";
    s.runbook_name = rb.name;
    s.created = *parse_time("2026-11-22T10:17:00Z");
    s.updated = s.created;
    for (const auto& step : rb.steps) {
        StepRecord r;
        r.id = step.id;
        r.status = StepStatus::Done;
        if (step.kind == StepKind::SqlCheck) {
            r.checks = {{"connects", "SELECT 1", "== 1", "1", std::nullopt, true, ""},
                        {"tables match the source", "q", "== source", "public.a", std::string("public.a"), true, ""}};
        }
        s.steps.push_back(r);
    }
    s.current = s.steps.size();
    s.finished = true;
    s.outcome = "completed";
    s.restore_phase = kPhaseStarted;
    s.cleanup_phase = kPhaseStarted;
    s.values = {{"source", "prod-db"},
                {"resource_arn", "arn:aws:rds:us-east-1:123456789012:db:prod-db"},
                {"recovery_point_arn", "arn:rp:1"},
                {"recovery_point_created", "2026-11-22T03:00:00Z"},
                {"cleanup_result", "deleted"},
                {"identity_arn", "arn:aws:iam::123456789012:user/oncall"}};
    s.restored.target = "prod-db-drill-202611221017";
    s.restored.method = "aws-backup";
    s.restored.started_at = "2026-11-22T10:18:00.000Z";
    s.restored.finished_at = "2026-11-22T10:34:30.000Z";
    s.restored.job_id = "job-1";
    return s;
}

}  // namespace

TEST(DrillReport, MeasuresRtoAndRpoAgainstTheTargets) {
    Runbook rb = drill();
    WizardState s = finished_drill(rb);
    DrillReport r = build_report(rb, s, *parse_time("2026-11-22T10:40:00Z"));
    ASSERT_TRUE(r.rto_seconds.has_value());
    EXPECT_DOUBLE_EQ(*r.rto_seconds, 16 * 60 + 30);
    ASSERT_TRUE(r.rpo_seconds.has_value());
    EXPECT_DOUBLE_EQ(*r.rpo_seconds, 7 * 3600 + 18 * 60);
    EXPECT_DOUBLE_EQ(*r.rto_target_seconds, 7200);
    EXPECT_DOUBLE_EQ(*r.rpo_target_seconds, 25 * 3600);
    EXPECT_TRUE(r.passed);
    EXPECT_TRUE(r.reasons.empty());
    std::string md = report_markdown(r);
    EXPECT_NE(md.find("| Measured RTO | 16m30s (target 2h: met) |"), std::string::npos) << md;
    EXPECT_NE(md.find("| Achieved RPO (data age) | 7h18m (target 1d1h: met) |"), std::string::npos) << md;
    EXPECT_NE(md.find("## Checks (2 of 2 passed)"), std::string::npos);
    auto j = report_json(r);
    EXPECT_EQ(j["rto"]["met"], true);
    EXPECT_EQ(j["checks_total"], 2);
    EXPECT_EQ(j["cleanup"]["result"], "deleted");
}

TEST(DrillReport, SaysWhyItFailed) {
    Runbook rb = drill();
    WizardState s = finished_drill(rb);
    s.restored.finished_at = "2026-11-22T13:00:00Z";
    for (size_t i = 0; i < rb.steps.size(); ++i) {
        if (rb.steps[i].kind == StepKind::SqlCheck) {
            s.steps[i].status = StepStatus::Failed;
            s.steps[i].checks[1].passed = false;
            s.steps[i].checks[1].actual = "public.a";
            s.steps[i].checks[1].source_value = "public.a,public.b";
        }
        if (rb.steps[i].kind == StepKind::Cleanup) s.steps[i].status = StepStatus::Skipped;
    }
    DrillReport r = build_report(rb, s, *parse_time("2026-11-22T13:05:00Z"));
    EXPECT_FALSE(r.passed);
    auto has = [&](const std::string& text) {
        return std::find(r.reasons.begin(), r.reasons.end(), text) != r.reasons.end();
    };
    EXPECT_TRUE(has("check 'tables match the source' failed"));
    EXPECT_TRUE(has("the temporary instance was not deleted (skipped)"));
    EXPECT_TRUE(has("RTO 2h42m exceeded the target 2h"));
    std::string md = report_markdown(r);
    EXPECT_NE(md.find("**Result: FAILED**"), std::string::npos);
    EXPECT_NE(md.find("| tables match the source | `== source` | public.a | public.a,public.b | FAIL |"), std::string::npos) << md;
}

TEST(DrillReport, DryRunNeverPasses) {
    Runbook rb = drill();
    WizardState s = finished_drill(rb);
    s.restored.dry_run = true;
    DrillReport r = build_report(rb, s, s.created);
    EXPECT_FALSE(r.passed);
    EXPECT_EQ(r.reasons.front(), "dry run: nothing was restored (--read-only)");
    EXPECT_EQ(r.cleanup, "dry run (read-only)");
}

TEST(DrillReport, FilesAreReadBackAsDrillRecordsNewestFirst) {
    test::TempDir dir;
    Runbook rb = drill();
    WizardState a = finished_drill(rb);
    auto files = write_report_files(build_report(rb, a, *parse_time("2026-11-22T10:40:00Z")), dir.path);
    ASSERT_TRUE(files.ok());
    WizardState b = finished_drill(rb);
    b.id = "20261222-101700-fedcba";
    b.restored.started_at = "2026-12-22T10:18:00Z";
    b.restored.finished_at = "2026-12-22T10:30:00Z";
    b.values["recovery_point_created"] = "2026-12-22T03:00:00Z";
    ASSERT_TRUE(write_report_files(build_report(rb, b, *parse_time("2026-12-22T10:40:00Z")), dir.path).ok());
    Runbook restore = *load_runbook(builtin_runbook("restore-from-backup"), "restore-from-backup");
    WizardState c = finished_drill(rb);
    c.id = "20261223-000000-000000";
    c.runbook_name = "restore-from-backup";
    c.steps.resize(restore.steps.size());
    ASSERT_TRUE(write_report_files(build_report(restore, c, *parse_time("2026-12-23T00:00:00Z")), dir.path).ok());
    std::ofstream(dir.path / "broken.json") << "{";

    auto records = read_drill_records(dir.path);
    ASSERT_EQ(records.size(), 2u) << "restore reports and broken files are left out";
    EXPECT_EQ(records[0].id, "20261222-101700-fedcba");
    EXPECT_DOUBLE_EQ(records[0].rto_seconds, 12 * 60);
    EXPECT_EQ(records[1].id, "20261122-101700-abcdef");
    EXPECT_TRUE(records[1].passed);
    EXPECT_EQ(records[1].resource, "arn:aws:rds:us-east-1:123456789012:db:prod-db");
    EXPECT_EQ(records[1].recovery_point_arn, "arn:rp:1");
    EXPECT_EQ(records[1].checks_passed, 2);
    EXPECT_EQ(format_iso8601(records[1].started), "2026-11-22T10:18:00Z");
    EXPECT_EQ(records[1].report_path, files->json.string());
}
