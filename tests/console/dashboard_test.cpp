// The dashboard on the sample: findings by severity with their reasons, the
// per-region numbers, next runs, drills due and the fetch status.
#include <gtest/gtest.h>

#include "console/support/console_fixture.hpp"
#include "console/support/sample_snapshot.hpp"
#include "tui/screens/dashboard_model.hpp"

using namespace vd;
using namespace vd::testing;
using widgets::Key;
using widgets::KeyEvent;

TEST(DashboardTest, HeaderShowsAccountRegionsEnvironmentAndDataAge) {
    auto console = sample_console();
    const std::string text = frame_text(*console);
    const std::string header = text.substr(0, text.find('\n'));
    EXPECT_NE(header.find("prod-main 111122223333"), std::string::npos) << header;
    EXPECT_NE(header.find("eu-central-1, us-east-1"), std::string::npos) << header;
    EXPECT_NE(header.find("PRODUCTION"), std::string::npos) << header;
    EXPECT_NE(header.find("data 12 s old"), std::string::npos) << header;
    EXPECT_NE(header.find("1 fetch error"), std::string::npos) << header;
    EXPECT_EQ(header.find("READ-ONLY"), std::string::npos) << header;
}

TEST(DashboardTest, ReadOnlyBadgeAppearsInReadOnlyMode) {
    auto console = sample_console(sample_options(true));
    const std::string text = frame_text(*console);
    EXPECT_NE(text.substr(0, text.find('\n')).find("READ-ONLY"), std::string::npos);
}

TEST(DashboardTest, FindingsAreListedWorstFirstWithTheirReason) {
    auto console = sample_console();
    const std::string text = frame_text(*console);
    const std::string counts = line_with(text, "Findings");
    EXPECT_NE(counts.find("2 critical"), std::string::npos) << counts;
    EXPECT_NE(counts.find("3 warning"), std::string::npos) << counts;
    EXPECT_NE(counts.find("1 ok"), std::string::npos) << counts;
    const auto rpo = text.find("RPO missed: newest completed recovery point is 2 d 8 h old");
    const auto vault = text.find("vault has no Vault Lock");
    ASSERT_NE(rpo, std::string::npos) << text;
    ASSERT_NE(vault, std::string::npos) << text;
    EXPECT_LT(rpo, vault) << "critical findings come before warnings";
    EXPECT_NE(line_with(text, "RPO missed").find("CRIT  orders-db"), std::string::npos);
    EXPECT_EQ(text.find("RPO met: newest point 7 h old"), std::string::npos) << "OK findings are only counted";
}

TEST(DashboardTest, EnterShowsTheEvidenceOfTheSelectedFinding) {
    auto console = sample_console();
    EXPECT_EQ(frame_text(*console).find("target 24 h (default)"), std::string::npos);
    console->handle(KeyEvent::named(Key::Enter));
    const std::string text = frame_text(*console);
    EXPECT_NE(text.find("target 24 h (default)"), std::string::npos) << text;
    EXPECT_NE(text.find("arn:aws:rds:eu-central-1:111122223333:db:orders-db"), std::string::npos);
    console->handle(KeyEvent::named(Key::Escape));
    EXPECT_EQ(frame_text(*console).find("target 24 h (default)"), std::string::npos);
}

TEST(DashboardTest, RegionBlockCountsResourcesRpoJobsAndNextRuns) {
    auto console = sample_console();
    const std::string text = frame_text(*console, 160, 50);
    const std::string prot = line_with(text, "Protected");
    EXPECT_NE(prot.find("2 resources"), std::string::npos) << prot;
    EXPECT_NE(prot.find("1 met  1 missed"), std::string::npos) << prot;
    const std::string jobs = line_with(text, "Jobs 24 h");
    EXPECT_NE(jobs.find("2 completed  1 failed  1 running"), std::string::npos) << jobs;
    EXPECT_NE(jobs.find("failures on 2 days"), std::string::npos) << jobs;
    const std::string next = line_with(text, "Next runs");
    EXPECT_NE(next.find("prod-db-plan/daily in 15 h"), std::string::npos) << next;
    EXPECT_LT(next.find("daily"), next.find("weekly")) << "soonest first";
    const std::string drills = line_with(text, "Drills     ");
    EXPECT_NE(drills.find("orders-db"), std::string::npos) << drills;
}

TEST(DashboardTest, FetchStatusShowsAgesAndTheLastError) {
    auto console = sample_console();
    const std::string text = frame_text(*console, 160, 80);
    EXPECT_NE(line_with(text, "recovery-points").find("12 s"), std::string::npos);
    EXPECT_NE(text.find("db-snapshots: ThrottlingException: Rate exceeded"), std::string::npos) << text;
}

TEST(DashboardTest, JobsPerDayFillTheSparklineBuckets) {
    auto snapshot = sample_snapshot();
    auto findings = sample_findings();
    const widgets::Theme theme = widgets::mono_theme();
    tui::ScreenContext ctx;
    ctx.snapshot = &snapshot;
    ctx.findings = &findings;
    ctx.now = sample_now();
    ctx.theme = &theme;
    const auto summary = tui::summarize_region(ctx, snapshot.regions[0]);
    // Today: users daily + weekly + running + orders failed; 13 days ago: users daily only.
    EXPECT_EQ(summary.jobs_per_day[tui::kSparkDays - 1], 4);
    EXPECT_EQ(summary.failed_per_day[tui::kSparkDays - 1], 1);
    EXPECT_EQ(summary.jobs_per_day[0], 1);
    EXPECT_EQ(summary.failed_per_day[tui::kSparkDays - 2], 1);
}

TEST(DashboardTest, TooSmallTerminalSaysWhatItNeeds) {
    auto console = sample_console();
    const std::string text = frame_text(*console, 79, 24);
    EXPECT_NE(text.find("terminal too small: need 80x24, have 79x24"), std::string::npos) << text;
    EXPECT_NE(frame_text(*console, 80, 24).find("Findings"), std::string::npos);
}
