// Each screen on the sample snapshot: the facts an operator looks for are on
// the screen (when a point goes cold and is deleted, which jobs failed and
// why, what runs next, the PITR window, drills against the RTO target).
#include <gtest/gtest.h>

#include "console/support/console_fixture.hpp"
#include "console/support/sample_snapshot.hpp"
#include "tui/screens/timeline_model.hpp"

using namespace vd;
using namespace vd::testing;
using widgets::Key;
using widgets::KeyEvent;

namespace {

// The frame after typing keys into a fresh sample console.
std::string after(const std::string& keys, int width = 120, int height = 40) {
    auto console = sample_console();
    type(*console, keys);
    return frame_text(*console, width, height);
}

}  // namespace

TEST(RecoveryPointsScreenTest, ListsPointsNewestFirstWithLifecycleDates) {
    const std::string text = after("2");
    EXPECT_NE(text.find("Recovery points by resource"), std::string::npos) << text;
    const std::string header = line_with(text, "Resource");
    for (const char* col : {"Status", "Class", "Created", "Cold at", "Delete at", "Size"}) {
        EXPECT_NE(header.find(col), std::string::npos) << col << " in " << header;
    }
    // The selected (newest) point is the users-db weekly one of today 04:05.
    const std::string first = line_with(text, "06-15 04:05");
    EXPECT_NE(first.find("users-db"), std::string::npos) << first;
    EXPECT_NE(first.find("2025-07-15"), std::string::npos) << "cold 30 days later: " << first;
    EXPECT_NE(first.find("2025-09-13"), std::string::npos) << "deleted 90 days later: " << first;
}

TEST(RecoveryPointsScreenTest, DetailPaneShowsArnLifecycleLockAndCopies) {
    auto console = sample_console();
    type(*console, "2");
    std::string text = frame_text(*console, 120, 40);
    EXPECT_NE(text.find("ARN       arn:aws:rds:eu-central-1:111122223333:snapshot:awsbackup:job-users-db"),
              std::string::npos) << text;
    EXPECT_NE(text.find("cold 2025-07-15 (in 29 d 16 h)"), std::string::npos) << text;
    EXPECT_NE(text.find("deleted 2025-09-13 (in 89 d 16 h)"), std::string::npos) << text;
    EXPECT_NE(text.find("Vault Lock 7-400 d"), std::string::npos) << text;
    // The monthly point of March was copied to the DR region.
    type(*console, "/monthly");
    console->handle(KeyEvent::named(Key::Enter));
    text = frame_text(*console, 120, 40);
    EXPECT_NE(text.find("us-east-1 prod-dr-vault  COMPLETED"), std::string::npos) << text;
    EXPECT_NE(text.find("cold since 2025-04-30"), std::string::npos) << text;
}

TEST(RecoveryPointsScreenTest, SortKeysCycleColumnsAndReverse) {
    auto console = sample_console();
    type(*console, "2s");
    EXPECT_NE(frame_text(*console).find("sorted by Cold at, ascending"), std::string::npos) << "created, then cold at";
    type(*console, "S");
    const std::string text = frame_text(*console);
    EXPECT_NE(text.find("sorted by Cold at, descending"), std::string::npos);
    const std::string header = line_with(text, "Delete at");
    const std::string first_row = text.substr(text.find(header) + header.size() + 1, 120);
    EXPECT_NE(first_row.find("2025-07-15"), std::string::npos) << "the latest cold date first: " << first_row;
}

TEST(RecoveryPointsScreenTest, GroupingByVaultShowsTheDrVaultToo) {
    auto console = sample_console();
    type(*console, "2v");
    const std::string text = frame_text(*console, 160, 60);
    EXPECT_NE(text.find("Recovery points by vault"), std::string::npos);
    EXPECT_NE(text.find("prod-dr-vault"), std::string::npos) << text;
}

TEST(JobsScreenTest, FailedJobsShowTheirReasonAndRunningOnesTheirProgress) {
    const std::string text = after("3", 160, 40);
    const std::string failed = line_with(text, "FAILED");
    EXPECT_NE(failed.find("orders-db"), std::string::npos) << failed;
    EXPECT_NE(failed.find("Insufficient privileges"), std::string::npos) << failed;
    const std::string running = line_with(text, "RUNNING");
    EXPECT_NE(running.find("45%"), std::string::npos) << running;
    EXPECT_NE(running.find("20 min"), std::string::npos) << "running since 11:40: " << running;
}

TEST(JobsScreenTest, StateKeyShowsOnlyFailedJobs) {
    auto console = sample_console();
    type(*console, "3f");
    const std::string text = frame_text(*console, 160, 40);
    EXPECT_NE(text.find("state failed"), std::string::npos);
    EXPECT_EQ(text.find("COMPLETED"), std::string::npos) << text;
    EXPECT_NE(text.find("1/2"), std::string::npos) << "two failed jobs: " << text;
    type(*console, "t");
    EXPECT_NE(frame_text(*console, 160, 40).find("kind backup"), std::string::npos);
}

TEST(JobsScreenTest, RestoreJobsNameTheirSourceAndWhatTheyCreated) {
    auto snapshot = sample_snapshot();
    auto& restore = snapshot.regions[0].restore_jobs.edit().at(0);
    restore.source_resource_arn = "arn:aws:rds:eu-central-1:111122223333:db:users-db";
    model::RestoreJob failed = restore;
    failed.restore_job_id = "restore-users-failed";
    failed.created_resource_arn.clear();
    failed.status = "FAILED";
    failed.status_message = "DB instance already exists";
    failed.creation_date = at("2025-06-13T09:00:00Z");
    snapshot.regions[0].restore_jobs.push_back(failed);
    auto console = sample_console();
    console->set_snapshot(std::make_shared<poll::Snapshot>(snapshot));
    type(*console, "3");
    const std::string text = frame_text(*console, 160, 40);
    const std::string done = line_with(text, "06-12 09:00");
    EXPECT_NE(done.find("users-db "), std::string::npos) << done;
    EXPECT_NE(done.find("→ users-db-drill"), std::string::npos) << done;
    const std::string refused = line_with(text, "06-13 09:00");
    EXPECT_NE(refused.find("users-db "), std::string::npos) << refused;
    EXPECT_NE(refused.find("already exists"), std::string::npos) << refused;
}

TEST(TimelineScreenTest, MissedRunsAreFoundFromThePlanSchedule) {
    auto snapshot = sample_snapshot();
    auto findings = sample_findings();
    const widgets::Theme theme = widgets::mono_theme();
    tui::ScreenContext ctx;
    ctx.snapshot = &snapshot;
    ctx.findings = &findings;
    ctx.now = sample_now();
    ctx.theme = &theme;
    const tui::TimelineResource orders{"arn:aws:rds:eu-central-1:111122223333:db:orders-db", "orders-db", "eu-central-1"};
    const auto missed = tui::missed_runs(ctx, orders, at("2025-06-01T00:00:00Z"), sample_now());
    // Daily runs without a point (06-01..04, 06-10..12, 06-14, 06-15), the weekly runs of
    // 06-01, 06-08 and 06-15 (orders-db only ever got daily points) and the monthly run of 06-01.
    EXPECT_EQ(missed.size(), 9u + 3u + 1u);
    EXPECT_TRUE(std::find(missed.begin(), missed.end(), at("2025-06-11T03:00:00Z")) != missed.end());
    EXPECT_TRUE(std::find(missed.begin(), missed.end(), at("2025-06-14T03:00:00Z")) != missed.end());
    EXPECT_TRUE(std::find(missed.begin(), missed.end(), at("2025-06-15T04:00:00Z")) != missed.end());
    EXPECT_TRUE(std::find(missed.begin(), missed.end(), at("2025-06-13T03:00:00Z")) == missed.end())
        << "06-13 has its point";
    const tui::TimelineResource users{"arn:aws:rds:eu-central-1:111122223333:db:users-db", "users-db", "eu-central-1"};
    const auto users_missed = tui::missed_runs(ctx, users, at("2025-06-02T00:00:00Z"), sample_now());
    EXPECT_TRUE(std::find(users_missed.begin(), users_missed.end(), at("2025-06-15T03:00:00Z")) == users_missed.end());
}

TEST(TimelineScreenTest, ResourceLanesAndPitrBar) {
    auto console = sample_console();
    type(*console, "4");
    const std::string text = frame_text(*console, 120, 40);
    EXPECT_NE(text.find("Lifecycle by resource"), std::string::npos) << text;
    EXPECT_NE(text.find("orders-db"), std::string::npos);
    EXPECT_NE(text.find("PITR"), std::string::npos);
    EXPECT_NE(text.find("missed run"), std::string::npos) << "the selected orders-db lane reports missed runs: " << text;
}

TEST(TimelineScreenTest, EnterShowsEachPointWithColdAndDeleteDates) {
    auto console = sample_console();
    type(*console, "4jj");  // orders-db, its PITR lane, users-db
    console->handle(KeyEvent::named(Key::Enter));
    std::string text = frame_text(*console, 120, 40);
    EXPECT_NE(text.find("Recovery points of users-db"), std::string::npos) << text;
    EXPECT_NE(text.find("06-15 04:05 weekly"), std::string::npos) << text;
    EXPECT_NE(text.find("cold 2025-07-15 04:05 UTC (in 29 d 16 h)"), std::string::npos) << text;
    EXPECT_NE(text.find("deleted 2025-09-13 04:05 UTC (in 89 d 16 h)"), std::string::npos) << text;
    console->handle(KeyEvent::named(Key::Escape));
    EXPECT_NE(frame_text(*console).find("Lifecycle by resource"), std::string::npos);
}

TEST(PlansScreenTest, RulesInWordsWithNextRunLifecycleAndFindings) {
    const std::string text = after("5", 120, 40);
    EXPECT_NE(text.find("prod-db-plan"), std::string::npos) << text;
    const std::string daily = line_with(text, "    daily     daily at");
    EXPECT_NE(daily.find("next run in 15 h"), std::string::npos) << daily;
    EXPECT_NE(text.find("cold after 30 d, delete after 90 d"), std::string::npos);
    EXPECT_NE(text.find("copy to us-east-1 prod-dr-vault"), std::string::npos) << text;
    EXPECT_NE(text.find("PITR on"), std::string::npos);
    EXPECT_NE(text.find("selects prod-databases: orders-db, users-db"), std::string::npos) << text;
    EXPECT_NE(text.find("AWS needs delete >= cold + 90 d"), std::string::npos) << "plan findings are shown";
}

TEST(PlansScreenTest, SelectedResourcesGoByTheNameAwsBackupKnows) {
    auto snapshot = sample_snapshot();
    auto& rd = snapshot.regions[0];
    const std::string efs = "arn:aws:elasticfilesystem:eu-central-1:111122223333:file-system/fs-0a1b2c3d";
    rd.plans.edit().at(0).selections.at(0).resources.push_back(efs);
    model::ProtectedResource pr;
    pr.resource_arn = efs;
    pr.resource_type = "EFS";
    pr.resource_name = "shared-files";
    rd.protected_resources.push_back(pr);
    auto console = sample_console();
    console->set_snapshot(std::make_shared<poll::Snapshot>(snapshot));
    type(*console, "5");
    const std::string text = frame_text(*console, 120, 40);
    EXPECT_NE(text.find("selects prod-databases: orders-db, users-db, shared-files"), std::string::npos) << text;
}

TEST(RdsScreenTest, PitrWindowsAndSnapshotsIncludingCrossRegionCopies) {
    const std::string text = after("6", 140, 40);
    const std::string orders = line_with(text, "orders-db      ");
    EXPECT_NE(orders.find("06-08 12:00"), std::string::npos) << "PITR from 7 days ago: " << orders;
    EXPECT_NE(orders.find("06-15 11:55"), std::string::npos) << "PITR to 5 min ago: " << orders;
    EXPECT_NE(text.find("restorable to any second from 2025-06-08 12:00 UTC"), std::string::npos) << text;
    EXPECT_NE(text.find("from eu-central-1"), std::string::npos) << "the DR copy: " << text;
    EXPECT_NE(text.find("orders-db-before-migration-42"), std::string::npos);
}

TEST(DrillsScreenTest, HistoryAgainstTheRtoTargetAndWhatIsDue) {
    const std::string text = after("7", 140, 40);
    EXPECT_NE(text.find("restore drill overdue"), std::string::npos) << text;
    const std::string ok = line_with(text, "users-db");
    EXPECT_NE(ok.find("passed"), std::string::npos) << ok;
    EXPECT_NE(ok.find("41 min"), std::string::npos) << ok;
    EXPECT_NE(ok.find("within 4 h"), std::string::npos) << ok;
    EXPECT_NE(ok.find("5/5"), std::string::npos) << ok;
    const std::string bad = line_with(text, "FAILED");
    EXPECT_NE(bad.find("orders-db"), std::string::npos) << bad;
    EXPECT_NE(bad.find("3/5"), std::string::npos) << bad;
}

TEST(AuditScreenTest, EntriesNewestFirstWithTheApiCall) {
    auto options = sample_options();
    options.load_audit = [] {
        runbook::AuditReadResult r;
        runbook::AuditEntry after;
        after.time = at("2025-06-15T10:05:00Z");
        after.phase = "after";
        after.action = "restore";
        after.who = "arn:aws:sts::111122223333:assumed-role/oncall/alice";
        after.target = "orders-db-restore-20250615";
        after.call = {"backup", "StartRestoreJob", {{"RecoveryPointArn", "arn:aws:rds:eu-central-1:1:snapshot:x"}}};
        after.result = "ok";
        after.outcome = "restore-job-42";
        after.request_id = "req-1";
        runbook::AuditEntry before = after;
        before.time = at("2025-06-15T10:04:59Z");
        before.phase = "before";
        before.result.clear();
        before.outcome.clear();
        r.entries = {after, before};
        return Result<runbook::AuditReadResult>(r);
    };
    auto console = sample_console(options);
    type(*console, "8");
    const std::string text = frame_text(*console, 140, 40);
    EXPECT_LT(text.find("2025-06-15 10:05"), text.find("2025-06-15 10:04")) << text;
    EXPECT_NE(line_with(text, "10:05").find("ok restore-job-42"), std::string::npos) << text;
    EXPECT_NE(text.find("StartRestoreJob"), std::string::npos);
    EXPECT_NE(text.find("RecoveryPointArn"), std::string::npos) << "the detail pane shows the call: " << text;
}

TEST(AuditScreenTest, UnreadableLogIsReported) {
    auto options = sample_options();
    options.load_audit = [] { return Result<runbook::AuditReadResult>(make_error(ErrorKind::Parse, "bad line 3")); };
    auto console = sample_console(options);
    type(*console, "8");
    EXPECT_NE(frame_text(*console).find("cannot read the audit log: bad line 3"), std::string::npos);
}

TEST(ScreensTest, EveryScreenDrawsAt80x24WithoutOverflow) {
    for (const char* key : {"1", "2", "3", "4", "5", "6", "7", "8"}) {
        auto console = sample_console();
        type(*console, key);
        widgets::MemoryCanvas canvas(80, 24);
        console->draw(canvas);
        for (int y = 0; y < 24; ++y) {
            EXPECT_LE(widgets::display_width(canvas.row_text(y)), 80);
        }
        EXPECT_FALSE(canvas.row_text(0).empty()) << "header on screen " << key;
        EXPECT_FALSE(canvas.row_text(23).empty()) << "footer on screen " << key;
    }
}

TEST(DrillsScreenTest, AwsRestoreTestsCountAsDrills) {
    auto snapshot = sample_snapshot();
    auto& restore = snapshot.regions[0].restore_jobs.edit().at(0);
    restore.restore_testing_plan_arn = "arn:aws:backup:eu-central-1:111122223333:restore-testing-plan:monthly-test";
    restore.validation_status = "FAILED";
    auto console = sample_console();
    console->set_snapshot(std::make_shared<poll::Snapshot>(snapshot));
    type(*console, "7");
    const std::string text = frame_text(*console, 160, 40);
    const std::string row = line_with(text, "06-12 09:00");
    EXPECT_NE(row.find("users-db"), std::string::npos) << text;
    EXPECT_NE(row.find("FAILED"), std::string::npos) << row;
    EXPECT_NE(row.find("41 min"), std::string::npos) << row;
    EXPECT_NE(row.find("0/1"), std::string::npos) << row;
    EXPECT_NE(row.find("AWS test monthly-test"), std::string::npos) << row;
    EXPECT_NE(text.find("History  1/3"), std::string::npos);
}

// A restore test still restoring showed FAILED on this screen while the
// health check (rightly) gave no verdict: both now ask one rule.
TEST(DrillsScreenTest, ARestoreTestStillRunningIsNeitherPassedNorFailed) {
    auto snapshot = sample_snapshot();
    auto& restore = snapshot.regions[0].restore_jobs.edit().at(0);
    restore.restore_testing_plan_arn = "arn:aws:backup:eu-central-1:111122223333:restore-testing-plan:monthly-test";
    restore.status = "RUNNING";
    restore.completion_date.reset();
    auto console = sample_console();
    console->set_snapshot(std::make_shared<poll::Snapshot>(snapshot));
    type(*console, "7");
    const std::string text = frame_text(*console, 160, 40);
    const std::string row = line_with(text, "06-12 09:00");
    EXPECT_NE(row.find("running"), std::string::npos) << row;
    EXPECT_EQ(row.find("FAILED"), std::string::npos) << row;
    EXPECT_EQ(row.find("passed"), std::string::npos) << row;
}
