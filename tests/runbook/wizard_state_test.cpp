// Wizard state on disk: a full round trip, 0600 files, listing, and the
// refusal of ids that are paths.
#include <gtest/gtest.h>

#include <fstream>
#include <sys/stat.h>

#include "backend/core/time_format.hpp"
#include "backend/runbook/wizard_state.hpp"
#include "support/temp_dir.hpp"

using namespace vd;
using namespace vd::runbook;

namespace {

WizardState sample(const std::string& id, int minute) {
    WizardState s;
    s.id = id;
    s.runbook_name = "restore-from-backup";
    s.runbook_origin = "built-in";
    s.runbook_source = "name = \"restore-from-backup\"\n";
    s.created = *parse_time("2026-11-22T03:00:00Z");
    s.updated = s.created + std::chrono::minutes(minute);
    s.current = 2;
    s.steps.resize(3);
    s.steps[0].id = "point";
    s.steps[0].status = StepStatus::Done;
    s.steps[0].started = s.created;
    s.steps[0].finished = s.created + Seconds(30);
    s.steps[1].id = "check";
    s.steps[1].status = StepStatus::Failed;
    s.steps[1].ticks = {true, false};
    s.steps[1].notes = {"done by Ana", ""};
    s.steps[1].preflight = {{"target-identifier-free", "pass", "free"}};
    s.steps[1].checks = {{"rows", "SELECT 1", "== source", "41", std::string("42"), false, ""}};
    s.steps[1].exit_code = 3;
    s.steps[1].output = "out";
    s.steps[2].id = "restore";
    s.steps[2].status = StepStatus::Current;
    s.steps[2].dry_run = "backup StartRestoreJob {}";
    s.values = {{"target", "prod-db-restore-20261122"}, {"recovery_point_arn", "arn:rp"}};
    s.idempotency_token = new_uuid();
    s.restore_phase = kPhaseSending;
    s.restored = {"2026-11-22T03:04:00.000Z", "prod-db-restore-20261122", true, "pitr", "", "2026-11-22T03:04:00.000Z",
                  "2026-11-22T03:20:00.000Z", false};
    s.read_only = true;
    s.auto_confirm = true;
    s.profile = "prod";
    s.region = "eu-central-1";
    return s;
}

}  // namespace

TEST(WizardState, RoundTripsEveryField) {
    test::TempDir dir;
    WizardState s = sample("20261122-030000-abcdef", 1);
    ASSERT_TRUE(save_wizard_state(s, dir.path).ok());
    struct stat st {};
    ASSERT_EQ(::stat((dir.path / "20261122-030000-abcdef.json").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    auto back = load_wizard_state(s.id, dir.path);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(wizard_state_to_json(*back), wizard_state_to_json(s));
    EXPECT_EQ(back->steps[1].checks[0].source_value, std::optional<std::string>("42"));
    EXPECT_EQ(back->steps[1].ticks, (std::vector<bool>{true, false}));
    EXPECT_EQ(back->steps[1].exit_code, std::optional<int>(3));
    EXPECT_EQ(back->restore_phase, kPhaseSending);
    EXPECT_EQ(back->idempotency_token, s.idempotency_token);
    EXPECT_TRUE(back->read_only);
    EXPECT_EQ(back->restored.target, "prod-db-restore-20261122");
    EXPECT_TRUE(back->restored.cluster);
    EXPECT_EQ(back->restored.finished_at, "2026-11-22T03:20:00.000Z");
}

// A state saved when the restore's facts were values of the map: they move
// into `restored`, so a wizard interrupted before an upgrade resumes with
// the restore it started.
TEST(WizardState, AStateWithTheRestoreInItsValuesResumesWithTheRestoreItStarted) {
    WizardState s = sample("20261122-030000-abcdef", 1);
    s.restored = {};
    s.restore_phase = kPhaseStarted;
    std::string text = wizard_state_to_json(s);
    const auto cut = text.find("  \"restored\": {");
    ASSERT_NE(cut, std::string::npos);
    text.erase(cut, text.find("},\n", cut) + 3 - cut);
    const auto values = text.find("\"values\": {");
    ASSERT_NE(values, std::string::npos);
    text.insert(values + 11, R"(
    "restored_target": "prod-db-restore-1", "restored_kind": "cluster", "restore_method": "aws-backup",
    "restore_job_id": "job-7", "restore_attempt_at": "2026-11-22T03:04:00.000Z",
    "restore_started_at": "2026-11-22T03:04:00.000Z", "restore_finished_at": "2026-11-22T03:30:00.000Z",
    "dry_run": "true",)");
    auto back = wizard_state_from_json(text);
    ASSERT_TRUE(back.ok()) << back.error().message << "\n" << text;
    EXPECT_EQ(back->restored.target, "prod-db-restore-1");
    EXPECT_TRUE(back->restored.cluster);
    EXPECT_EQ(back->restored.method, "aws-backup");
    EXPECT_EQ(back->restored.job_id, "job-7");
    EXPECT_EQ(back->restored.attempt_at, "2026-11-22T03:04:00.000Z");
    EXPECT_EQ(back->restored.started_at, "2026-11-22T03:04:00.000Z");
    EXPECT_EQ(back->restored.finished_at, "2026-11-22T03:30:00.000Z");
    EXPECT_TRUE(back->restored.dry_run);
    EXPECT_EQ(back->values.count("restored_target"), 0u) << "moved, not copied";
    EXPECT_EQ(back->values.at("target"), "prod-db-restore-20261122");
    EXPECT_EQ(restore_target(*back), "prod-db-restore-1");
    back->restored.target.clear();
    EXPECT_EQ(restore_target(*back), "prod-db-restore-20261122") << "before a restore started: the form's target";
}

TEST(WizardState, ListsNewestFirstAndSkipsDamagedFiles) {
    test::TempDir dir;
    ASSERT_TRUE(save_wizard_state(sample("20261122-030000-aaaaaa", 1), dir.path).ok());
    WizardState done = sample("20261122-030000-bbbbbb", 5);
    done.finished = true;
    done.outcome = "completed";
    ASSERT_TRUE(save_wizard_state(done, dir.path).ok());
    std::ofstream(dir.path / "20261122-030000-cccccc.json") << "{";
    auto all = list_wizards(dir.path);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, "20261122-030000-bbbbbb");
    EXPECT_TRUE(all[0].finished);
    EXPECT_EQ(all[1].current_step, "restore");
    EXPECT_EQ(all[1].target, "prod-db-restore-20261122");
}

TEST(WizardState, RefusesIdsThatArePaths) {
    test::TempDir dir;
    EXPECT_FALSE(valid_wizard_id("../etc/passwd"));
    EXPECT_FALSE(valid_wizard_id(""));
    auto r = load_wizard_state("../x", dir.path);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("not a wizard id"), std::string::npos);
    EXPECT_EQ(load_wizard_state("20990101-000000-000000", dir.path).error().kind, ErrorKind::NotFound);
}

TEST(WizardState, IdsAndTokensAreWellFormedAndDistinct) {
    std::string id = new_wizard_id(*parse_time("2026-11-22T03:04:05Z"));
    EXPECT_EQ(id.substr(0, 16), "20261122-030405-");
    EXPECT_TRUE(valid_wizard_id(id));
    std::string a = new_uuid();
    std::string b = new_uuid();
    EXPECT_NE(a, b);
    ASSERT_EQ(a.size(), 36u);
    EXPECT_EQ(a[14], '4');
}

TEST(WizardState, RejectsForeignJson) {
    EXPECT_FALSE(wizard_state_from_json("[]").ok());
    EXPECT_FALSE(wizard_state_from_json("{\"version\": 2}").ok());
    EXPECT_FALSE(wizard_state_from_json("not json").ok());
}
