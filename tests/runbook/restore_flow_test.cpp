// Restores and drills end to end against the embedded simulator (real
// clients, real HTTP, SigV4) with the SQL checks on a real PostgreSQL:
// the drill's report, a corrupted restore, the audit log order, crashes at
// every step followed by resume (exactly one restore), read-only dry runs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include <fstream>

#include <fmt/format.h>

#include "backend/core/files.hpp"
#include "backend/core/time_format.hpp"
#include "backend/runbook/catalog.hpp"
#include "backend/runbook/drill_report.hpp"
#include "backend/runbook/drill_runner.hpp"
#include "backend/runbook/engine.hpp"
#include "backend/runbook/lint.hpp"
#include "backend/services/backup_client.hpp"
#include "backend/sim/simulator.hpp"
#include "support/pg_cluster.hpp"
#include "support/redirect_sql.hpp"
#include "support/sim_world.hpp"
#include "support/temp_dir.hpp"

using namespace vd;
using namespace vd::runbook;

namespace {

// One PostgreSQL for the whole binary, with the "source" data of small-db.
test::PgCluster* shared_pg() {
    static std::unique_ptr<test::PgCluster> pg = [] {
        auto started = test::PgCluster::start();
        EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message);
        if (!started.ok()) return std::unique_ptr<test::PgCluster>();
        auto& c = **started;
        EXPECT_TRUE(c.exec("postgres", "CREATE DATABASE app").ok());
        auto s = c.exec("app",
                        "CREATE TABLE customers (id int primary key, name text);"
                        "CREATE TABLE orders (id int primary key, customer int, total numeric);"
                        "INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 30) g;"
                        "INSERT INTO orders SELECT g, g % 30 + 1, g * 1.5 FROM generate_series(1, 120) g;");
        EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
        EXPECT_TRUE(c.exec("postgres", "CREATE DATABASE app_corrupt TEMPLATE app").ok());
        EXPECT_TRUE(c.exec("app_corrupt", "TRUNCATE orders").ok());
        return std::move(*started);
    }();
    return pg.get();
}

// Lines of a file.
std::vector<std::string> lines_of(const std::filesystem::path& p) {
    std::vector<std::string> out;
    std::ifstream in(p);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

struct Flow {
    test::TempDir dir;
    std::unique_ptr<test::SimWorld> world = test::start_sim_world("small");
    std::shared_ptr<test::RedirectingSqlRunner> sql;

    Flow() {
        if (auto* pg = shared_pg()) sql = std::make_shared<test::RedirectingSqlRunner>(*pg, "app");
    }

    std::filesystem::path audit_path() const { return dir.path / "audit.jsonl"; }

    EngineOptions options(bool read_only = false, std::function<bool(std::string_view)> interrupt = {}) const {
        EngineOptions o;
        o.backend = world->backend("us-east-1", read_only);
        o.backend_for_region = world->factory(read_only);
        o.clock = world->clock;
        o.audit = std::make_shared<AuditLog>(audit_path());
        o.wizard_dir = dir.path / "wizards";
        o.report_dir = dir.path / "reports";
        o.read_only = read_only;
        o.sql = sql;
        o.interrupt_at = std::move(interrupt);
        return o;
    }

    DrillRunOptions run_options() {
        DrillRunOptions o;
        o.yes = true;
        o.sleep = [this](Seconds d) { world->advance(d); };
        return o;
    }

    Result<std::unique_ptr<Engine>> start(const std::string& runbook, bool read_only = false,
                                          std::function<bool(std::string_view)> interrupt = {},
                                          Variables inputs = {{"resource", "small-db"}}) {
        auto rb = find_runbook(runbook, dir.path / "no-user-runbooks");
        if (!rb) return rb.error();
        return start_engine(*rb, inputs, options(read_only, std::move(interrupt)));
    }

    // Restore jobs of small-db's recovery points created since the test began.
    std::vector<model::RestoreJob> new_restore_jobs() const {
        std::vector<model::RestoreJob> out;
        for (const auto& j : world->restore_jobs())
            if (j.creation_date && *j.creation_date >= test::sim_start_time()) out.push_back(j);
        return out;
    }

    // Instances whose identifier starts with a prefix (and are not being deleted).
    std::vector<model::DbInstance> live_instances(const std::string& prefix) const {
        std::vector<model::DbInstance> out;
        for (const auto& d : world->db_instances())
            if (d.identifier.rfind(prefix, 0) == 0 && d.status != "deleting") out.push_back(d);
        return out;
    }
};

// Loads the saved state of a wizard after a simulated crash.
WizardState saved_state(const Flow& f, const std::string& id) {
    auto s = load_wizard_state(id, f.dir.path / "wizards");
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    return s.ok() ? *s : WizardState{};
}

}  // namespace

TEST(RestoreFlow, DrillRunsHeadlessAndItsReportGivesRtoAndRpo) {
    Flow f;
    ASSERT_NE(f.world, nullptr);
    ASSERT_NE(f.sql, nullptr);
    auto e = f.start("monthly-drill");
    ASSERT_TRUE(e.ok()) << e.error().message;
    std::vector<std::string> lines;
    auto ro = f.run_options();
    ro.progress = [&](const std::string& l) { lines.push_back(l); };
    auto result = run_headless(**e, ro);
    ASSERT_TRUE(result.ok()) << result.error().message;
    for (const auto& l : lines) SCOPED_TRACE(l);
    EXPECT_EQ(result->outcome, "completed") << result->message;
    EXPECT_TRUE(result->passed);

    size_t steps = (*e)->runbook().steps.size();
    for (size_t i = 0; i < steps; ++i) {
        std::string prefix = fmt::format("[{}/{}]", i + 1, steps);
        EXPECT_EQ(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.rfind(prefix, 0) == 0; }), 1)
            << "one progress line for step " << i + 1;
    }

    auto jobs = f.new_restore_jobs();
    ASSERT_EQ(jobs.size(), 1u);
    const auto& values = (*e)->state().values;
    const auto& restored = (*e)->state().restored;
    EXPECT_EQ(jobs[0].restore_job_id, restored.job_id);
    std::string target = restored.target;
    EXPECT_EQ(target, "small-db-drill-202611221017");
    EXPECT_TRUE(f.live_instances(target).empty()) << "the temporary instance is deleted";
    EXPECT_GE(f.sql->hosts().size(), 2u);
    EXPECT_EQ(f.sql->hosts().front().rfind(target + ".", 0), 0u) << "checks ran against the restored endpoint";

    auto json = read_file(result->report_json);
    ASSERT_TRUE(json.ok());
    auto j = nlohmann::json::parse(*json);
    EXPECT_TRUE(j["passed"].get<bool>());
    EXPECT_EQ(j["checks_total"], 3);
    EXPECT_EQ(j["checks_passed"], 3);
    double rto = j["rto"]["seconds"].get<double>();
    double rpo = j["rpo"]["seconds"].get<double>();
    EXPECT_GT(rto, 5 * 60.0);
    EXPECT_LT(rto, 30 * 60.0);
    auto started = parse_time(restored.started_at);
    auto created = parse_time(values.at("recovery_point_created"));
    ASSERT_TRUE(started && created);
    EXPECT_DOUBLE_EQ(rpo, std::chrono::duration<double>(*started - *created).count());
    EXPECT_EQ(j["cleanup"]["result"], "deleted");
    EXPECT_EQ(j["recovery_point"]["id"], values.at("recovery_point_arn"));
    auto md = read_file(result->report_markdown);
    ASSERT_TRUE(md.ok());
    EXPECT_NE(md->find("**Result: PASSED**"), std::string::npos);
    EXPECT_NE(md->find("Measured RTO"), std::string::npos);
    EXPECT_NE(md->find("tables match the source"), std::string::npos);

    auto records = read_drill_records(f.dir.path / "reports");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_TRUE(records[0].passed);
    EXPECT_EQ(records[0].checks_total, 3);
    EXPECT_DOUBLE_EQ(records[0].rto_seconds, rto);
    EXPECT_EQ(records[0].runbook, "monthly-drill");

    auto audit = read_audit_log(f.audit_path());
    ASSERT_TRUE(audit.ok());
    std::vector<std::string> order;
    for (auto it = audit->entries.rbegin(); it != audit->entries.rend(); ++it) order.push_back(it->action + ":" + it->phase);
    EXPECT_EQ(order, (std::vector<std::string>{"confirm:operator", "restore:before", "restore:after", "cleanup:before", "cleanup:after"}));
    EXPECT_EQ(audit->entries.back().outcome, "typed " + values.at("target")) << "these engine options are not --yes";
    for (const auto& entry : audit->entries) {
        EXPECT_EQ(entry.who, "arn:aws:iam::" + entry.account + ":user/vaultdeck");
        EXPECT_EQ(entry.wizard_id, (*e)->state().id);
        EXPECT_EQ(entry.target, target);
    }
    EXPECT_FALSE(audit->entries[2].request_id.empty());
    EXPECT_EQ(audit->entries[2].idempotency_token, (*e)->state().idempotency_token);
    EXPECT_EQ(audit->entries[2].outcome, restored.job_id);
}

TEST(RestoreFlow, CorruptedRestoreFailsTheNamedCheckAndStillCleansUp) {
    Flow f;
    ASSERT_NE(f.sql, nullptr);
    f.sql = std::make_shared<test::RedirectingSqlRunner>(*shared_pg(), "app_corrupt");
    f.sql->map("small-db", "app");
    auto e = f.start("monthly-drill");
    ASSERT_TRUE(e.ok()) << e.error().message;
    auto result = run_headless(**e, f.run_options());
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_FALSE(result->passed);
    EXPECT_EQ(result->outcome, "failed");
    auto j = nlohmann::json::parse(*read_file(result->report_json));
    EXPECT_EQ(j["checks_passed"], 2);
    bool named = false;
    for (const auto& why : j["reasons"]) named = named || why.get<std::string>() == "check 'no table emptier than the source' failed";
    EXPECT_TRUE(named) << j["reasons"].dump();
    EXPECT_EQ(j["cleanup"]["result"], "deleted");
    EXPECT_TRUE(f.live_instances((*e)->state().restored.target).empty());
    auto md = *read_file(result->report_markdown);
    EXPECT_NE(md.find("**Result: FAILED**"), std::string::npos);
    EXPECT_NE(md.find("| no table emptier than the source | `<= source` | 1 | 0 | FAIL |"), std::string::npos) << md;
    auto records = read_drill_records(f.dir.path / "reports");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_FALSE(records[0].passed);
}

TEST(RestoreFlow, AuditEntryIsOnDiskBeforeTheCallAndAfterItReturns) {
    Flow f;
    std::string state_phase_at_token;
    size_t audit_lines_at_token = 99;
    std::string last_line_at_sent;
    size_t jobs_at_sent = 0;
    std::string wizard;
    auto hook = [&](std::string_view point) {
        if (point == "restore:token-saved") {
            auto st = load_wizard_state(wizard, f.dir.path / "wizards");
            state_phase_at_token = st.ok() ? st->restore_phase + "/" + st->idempotency_token : "unreadable";
            audit_lines_at_token = lines_of(f.audit_path()).size();
        }
        if (point == "restore:sent") {
            auto lines = lines_of(f.audit_path());
            last_line_at_sent = lines.empty() ? "" : lines.back();
            jobs_at_sent = f.new_restore_jobs().size();
        }
        return false;
    };
    auto e = f.start("monthly-drill", false, hook);
    ASSERT_TRUE(e.ok()) << e.error().message;
    wizard = (*e)->state().id;
    auto result = run_headless(**e, f.run_options());
    ASSERT_TRUE(result.ok()) << result.error().message;
    std::string token = (*e)->state().idempotency_token;
    ASSERT_FALSE(token.empty());
    EXPECT_EQ(state_phase_at_token, std::string(kPhaseSending) + "/" + token) << "the token is saved before the call";
    EXPECT_EQ(audit_lines_at_token, 1u) << "only the confirmation (--yes) is logged before the token is saved";
    auto before = nlohmann::json::parse(last_line_at_sent);
    EXPECT_EQ(before["phase"], "before");
    EXPECT_EQ(before["api"]["operation"], "StartRestoreJob");
    EXPECT_EQ(before["idempotency_token"], token);
    EXPECT_EQ(before["api"]["parameters"]["IdempotencyToken"], token);
    EXPECT_EQ(before["api"]["parameters"]["Metadata"]["DBInstanceIdentifier"], (*e)->state().values.at("target"));
    EXPECT_EQ(jobs_at_sent, 1u) << "the call was made between the two entries";
    auto lines = lines_of(f.audit_path());
    ASSERT_GE(lines.size(), 3u);
    auto after = nlohmann::json::parse(lines[2]);
    EXPECT_EQ(after["phase"], "after");
    EXPECT_EQ(after["result"], "ok");
    EXPECT_FALSE(after["request_id"].get<std::string>().empty());
}

TEST(RestoreFlow, CrashAfterTheTokenIsSavedButBeforeTheCallStartsExactlyOneRestore) {
    Flow f;
    auto e = f.start("monthly-drill", false, [](std::string_view p) { return p == "restore:token-saved"; });
    ASSERT_TRUE(e.ok());
    std::string id = (*e)->state().id;
    auto crashed = run_headless(**e, f.run_options());
    ASSERT_FALSE(crashed.ok());
    EXPECT_EQ(crashed.error().code, "interrupted");
    EXPECT_TRUE(f.new_restore_jobs().empty());
    WizardState st = saved_state(f, id);
    EXPECT_EQ(st.restore_phase, kPhaseSending);
    std::string token = st.idempotency_token;
    auto resumed = resume_engine(st, f.options());
    ASSERT_TRUE(resumed.ok()) << resumed.error().message;
    auto result = run_headless(**resumed, f.run_options());
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_TRUE(result->passed);
    EXPECT_EQ(f.new_restore_jobs().size(), 1u);
    EXPECT_EQ((*resumed)->state().idempotency_token, token);
}

TEST(RestoreFlow, CrashRightAfterTheCallIsFoundByResendingWithTheSavedToken) {
    Flow f;
    auto e = f.start("monthly-drill", false, [](std::string_view p) { return p == "restore:sent"; });
    ASSERT_TRUE(e.ok());
    std::string id = (*e)->state().id;
    ASSERT_FALSE(run_headless(**e, f.run_options()).ok());
    ASSERT_EQ(f.new_restore_jobs().size(), 1u);
    WizardState st = saved_state(f, id);
    EXPECT_EQ(st.restore_phase, kPhaseSending);
    EXPECT_EQ(st.restored.job_id, "");
    auto resumed = resume_engine(st, f.options());
    ASSERT_TRUE(resumed.ok());
    auto result = run_headless(**resumed, f.run_options());
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_TRUE(result->passed);
    auto jobs = f.new_restore_jobs();
    ASSERT_EQ(jobs.size(), 1u);
    EXPECT_EQ((*resumed)->state().restored.job_id, jobs[0].restore_job_id);
    auto audit = read_audit_log(f.audit_path());
    ASSERT_TRUE(audit.ok());
    int before = 0, after = 0;
    for (const auto& a : audit->entries) {
        if (a.action != "restore" || a.call.operation != "StartRestoreJob") continue;
        before += a.phase == "before";
        after += a.phase == "after" && a.outcome == jobs[0].restore_job_id;
        if (a.phase == "before") EXPECT_EQ(a.idempotency_token, st.idempotency_token) << "both sends carry the saved token";
    }
    EXPECT_EQ(before, 2) << "the interrupted send and the resend, each audited";
    EXPECT_EQ(after, 1) << "the resend answered with the job the first send started";
}

// Two wizards restore the same recovery point and are interrupted at the
// same moment, one before its call went out and one right after. Resumed,
// each ends with its own job: the one that never sent starts one (a running
// job of the other wizard names no resource yet and is not taken for ours).
TEST(RestoreFlow, TwoWizardsOnOnePointInterruptedTogetherNeverShareAJob) {
    Flow f;
    auto a = f.start("monthly-drill", false, [](std::string_view p) { return p == "restore:token-saved"; });
    auto b = f.start("monthly-drill", false, [](std::string_view p) { return p == "restore:sent"; });
    ASSERT_TRUE(a.ok() && b.ok());
    const std::string id_a = (*a)->state().id, id_b = (*b)->state().id;
    ASSERT_NE(id_a, id_b);
    DrillRunOptions no_sleep = f.run_options();
    no_sleep.sleep = [](Seconds) {};
    ASSERT_FALSE(run_headless(**a, no_sleep).ok());
    ASSERT_FALSE(run_headless(**b, no_sleep).ok());
    ASSERT_EQ(f.new_restore_jobs().size(), 1u) << "only b's call went out";
    const std::string job_b = f.new_restore_jobs().front().restore_job_id;
    WizardState st_a = saved_state(f, id_a);
    WizardState st_b = saved_state(f, id_b);
    ASSERT_EQ(st_a.values.at("recovery_point_arn"), st_b.values.at("recovery_point_arn")) << "the same point";
    ASSERT_NE(st_a.idempotency_token, st_b.idempotency_token);

    auto resumed_a = resume_engine(st_a, f.options());
    ASSERT_TRUE(resumed_a.ok()) << resumed_a.error().message;
    while ((*resumed_a)->current_step().kind != StepKind::Restore) ASSERT_TRUE((*resumed_a)->next().ok());
    auto sent_a = (*resumed_a)->next();
    ASSERT_TRUE(sent_a.ok()) << sent_a.error().message;
    auto resumed_b = resume_engine(st_b, f.options());
    ASSERT_TRUE(resumed_b.ok()) << resumed_b.error().message;
    while ((*resumed_b)->current_step().kind != StepKind::Restore) ASSERT_TRUE((*resumed_b)->next().ok());
    auto sent_b = (*resumed_b)->next();
    ASSERT_TRUE(sent_b.ok()) << sent_b.error().message;

    const std::string mine_a = (*resumed_a)->state().restored.job_id;
    const std::string mine_b = (*resumed_b)->state().restored.job_id;
    EXPECT_EQ(mine_b, job_b) << "b found the job its interrupted call started";
    EXPECT_NE(mine_a, job_b) << "a did not take b's job";
    EXPECT_EQ(f.new_restore_jobs().size(), 2u) << "one job each";
}

TEST(RestoreFlow, AmbiguousJobsAfterACrashAreResolvedByTheIdempotencyToken) {
    Flow f;
    auto e = f.start("monthly-drill", false, [](std::string_view p) { return p == "restore:sent"; });
    ASSERT_TRUE(e.ok());
    std::string id = (*e)->state().id;
    ASSERT_FALSE(run_headless(**e, f.run_options()).ok());
    WizardState st = saved_state(f, id);
    // Someone else restores the same point at the same time: listing alone cannot tell which job is ours.
    services::BackupClient backup(f.world->client("us-east-1"));
    services::StartRestoreJobRequest other{st.values.at("recovery_point_arn"), {{"DBInstanceIdentifier", "someone-else"}},
                                           st.values.at("recovery_point_role"), "another-token", "RDS", false};
    ASSERT_TRUE(backup.start_restore_job(other).ok());
    ASSERT_EQ(f.new_restore_jobs().size(), 2u);
    auto resumed = resume_engine(st, f.options());
    ASSERT_TRUE(resumed.ok());
    auto result = run_headless(**resumed, f.run_options());
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(f.new_restore_jobs().size(), 2u) << "the resend with the saved token started nothing new";
    EXPECT_TRUE(result->passed) << result->message;
}

TEST(RestoreFlow, KillAtEveryStepThenResumeEndsWithOneRestoreAndNoLeftover) {
    std::vector<std::string> points;
    {
        auto rb = find_runbook("monthly-drill", "/nonexistent");
        ASSERT_TRUE(rb.ok());
        for (const auto& s : rb->steps) points.push_back("step:" + s.id);
    }
    for (const char* p : {"restore:token-saved", "restore:sent", "cleanup:token-saved", "cleanup:sent"}) points.push_back(p);
    for (const auto& point : points) {
        SCOPED_TRACE(point);
        Flow f;
        bool hit = false;
        auto e = f.start("monthly-drill", false, [&](std::string_view p) {
            if (hit || p != point) return false;
            return hit = true;
        });
        ASSERT_TRUE(e.ok());
        std::string id = (*e)->state().id;
        auto crashed = run_headless(**e, f.run_options());
        ASSERT_TRUE(hit);
        ASSERT_FALSE(crashed.ok());
        auto resumed = resume_engine(saved_state(f, id), f.options());
        ASSERT_TRUE(resumed.ok()) << resumed.error().message;
        auto result = run_headless(**resumed, f.run_options());
        ASSERT_TRUE(result.ok()) << result.error().message;
        EXPECT_TRUE(result->passed) << result->message;
        auto jobs = f.new_restore_jobs();
        EXPECT_EQ(jobs.size(), 1u);
        EXPECT_TRUE(f.live_instances("small-db-drill-").empty());
        // The row of RELIABILITY.md's kill-9 matrix.
        std::printf("kill-9 matrix | %s | %zu | %zu | %s |\n", point.c_str(), jobs.size(),
                    f.live_instances("small-db-drill-").size(), result->passed ? "passed" : "FAILED");
    }
}

TEST(RestoreFlow, PointInTimeRestoreResumedAfterTheCallAdoptsTheInstance) {
    Flow f;
    auto e = f.start("pitr-restore", false, [](std::string_view p) { return p == "restore:sent"; });
    ASSERT_TRUE(e.ok()) << e.error().message;
    std::string id = (*e)->state().id;
    ASSERT_FALSE(run_headless(**e, f.run_options()).ok());
    WizardState st = saved_state(f, id);
    std::string target = st.values.at("target");
    EXPECT_EQ(target, "small-db-pitr-202611221017");
    EXPECT_EQ(f.live_instances(target).size(), 1u);
    auto resumed = resume_engine(st, f.options());
    ASSERT_TRUE(resumed.ok());
    auto result = run_headless(**resumed, f.run_options());
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->outcome, "completed") << result->message;
    auto live = f.live_instances(target);
    ASSERT_EQ(live.size(), 1u);
    EXPECT_EQ(live[0].status, "available");
    EXPECT_EQ((*resumed)->state().values.at("restore_time"), "latest");
}

TEST(RestoreFlow, SnapshotRestoreCreatesTheInstanceFromTheChosenSnapshot) {
    Flow f;
    auto e = f.start("restore-from-snapshot");
    ASSERT_TRUE(e.ok()) << e.error().message;
    auto result = run_headless(**e, f.run_options());
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->outcome, "completed") << result->message;
    const auto& v = (*e)->state().values;
    EXPECT_NE(v.at("snapshot_identifier").find("small-db"), std::string::npos);
    EXPECT_EQ(f.live_instances(v.at("target")).size(), 1u);
    auto audit = read_audit_log(f.audit_path());
    ASSERT_TRUE(audit.ok());
    auto call = std::find_if(audit->entries.begin(), audit->entries.end(), [](const AuditEntry& a) { return a.phase != "operator"; });
    ASSERT_NE(call, audit->entries.end());
    EXPECT_EQ(call->call.operation, "RestoreDBInstanceFromDBSnapshot");
    EXPECT_EQ(call->call.parameters["DBSnapshotIdentifier"], v.at("snapshot_identifier"));
    EXPECT_EQ(call->call.parameters["EngineLifecycleSupport"], "open-source-rds-extended-support-disabled");
    EXPECT_EQ(audit->entries[0].action, "skip") << "the switch-over checklists are left to an operator";
}

TEST(RestoreFlow, ReadOnlyDrillIsADryRunAndTheClientRefusesToo) {
    Flow f;
    auto e = f.start("monthly-drill", true);
    ASSERT_TRUE(e.ok());
    auto result = run_headless(**e, f.run_options());
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_FALSE(result->passed);
    EXPECT_TRUE(f.new_restore_jobs().empty());
    const auto& steps = (*e)->state().steps;
    const auto& rb = (*e)->runbook();
    for (size_t i = 0; i < steps.size(); ++i) {
        if (rb.steps[i].kind == StepKind::Restore) {
            EXPECT_NE(steps[i].dry_run.find("StartRestoreJob"), std::string::npos);
            EXPECT_NE(steps[i].dry_run.find("aws backup start-restore-job"), std::string::npos);
        }
        if (rb.steps[i].kind == StepKind::Cleanup) {
            EXPECT_NE(steps[i].dry_run.find("DeleteDBInstance"), std::string::npos);
            EXPECT_NE(steps[i].dry_run.find("--skip-final-snapshot"), std::string::npos);
        }
        if (rb.steps[i].kind == StepKind::Wait || rb.steps[i].kind == StepKind::SqlCheck) {
            EXPECT_EQ(steps[i].status, StepStatus::Skipped);
        }
    }
    auto audit = read_audit_log(f.audit_path());
    ASSERT_TRUE(audit.ok());
    ASSERT_EQ(audit->entries.size(), 3u);
    for (const auto& a : audit->entries) EXPECT_EQ(a.phase, a.action == "confirm" ? "operator" : "dry-run");
    auto refused = f.world->backend("us-east-1", true)->start_restore_job(
        {(*e)->state().values.at("recovery_point_arn"), {{"DBInstanceIdentifier", "x-ro"}}, "arn:aws:iam::1:role/r", "t", "RDS", false});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::ReadOnly);
    EXPECT_TRUE(f.new_restore_jobs().empty());
}

TEST(RestoreFlow, DrillRecordsItsOutcomeOnTheRestoreTestingJobOfTheSamePoint) {
    Flow f;
    std::string wizard;
    std::string testing_job;
    auto hook = [&](std::string_view point) {
        if (point != "step:verify") return false;
        // The account's restore-testing plan restored the same point and awaits a validation result.
        std::string rp = saved_state(f, wizard).values.at("recovery_point_arn");
        f.world->sim->simulator()->inspect([&](sim::World& w) {
            auto& region = w.region(w.default_account, "us-east-1");
            for (auto& entry : region.restore_jobs) {
                auto& job = entry.second;
                if (job.restore_testing_plan_arn.empty()) continue;
                job.recovery_point_arn = rp;
                job.validation_status.clear();
                testing_job = job.id;
                break;
            }
            return 0;
        });
        return false;
    };
    auto e = f.start("monthly-drill", false, hook);
    ASSERT_TRUE(e.ok());
    wizard = (*e)->state().id;
    auto result = run_headless(**e, f.run_options());
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_TRUE(result->passed) << result->message;
    ASSERT_FALSE(testing_job.empty());
    services::BackupClient backup(f.world->client("us-east-1"));
    auto job = backup.describe_restore_job(testing_job);
    ASSERT_TRUE(job.ok()) << job.error().to_string();
    EXPECT_EQ(job->validation_status, "SUCCESSFUL");
    EXPECT_NE(job->validation_status_message.find("3 of 3 checks passed"), std::string::npos) << job->validation_status_message;
    auto audit = read_audit_log(f.audit_path());
    ASSERT_TRUE(audit.ok());
    int validation = 0;
    for (const auto& a : audit->entries) validation += a.action == "validation" && a.call.operation == "PutRestoreValidationResult";
    EXPECT_EQ(validation, 2) << "before and after";
    auto j = nlohmann::json::parse(*read_file(result->report_json));
    EXPECT_EQ(j["validation"], "SUCCESSFUL recorded on restore-testing job " + testing_job);
}
