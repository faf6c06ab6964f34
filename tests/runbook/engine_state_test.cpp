// The engine as a pure state machine: no change before the confirm step,
// Skip only where allowed, Back and its limits, checklists and forms. A tiny
// fake backend counts the calls (the AWS behaviour is tested against the
// simulator in restore_flow_test.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "backend/core/time_format.hpp"
#include "backend/runbook/engine.hpp"
#include "backend/runbook/lint.hpp"
#include "backend/runbook/restore_backend.hpp"
#include "support/temp_dir.hpp"

using namespace vd;
using namespace vd::runbook;

namespace {

const char* kRestoreRunbook = R"(name = "tiny-restore"
title = "Tiny restore"
kind = "restore"

[[steps]]
kind = "info"
id = "intro"
text = "hello {source}"

[[steps]]
kind = "choose-recovery-point"
id = "point"
resource = "{resource}"

[[steps]]
kind = "checklist"
id = "ready"
items = ["told the team", "found the time"]
skippable = true

[[steps]]
kind = "form"
id = "target"
[[steps.fields]]
name = "target"
default = "{source}-restore-{yyyymmdd}"
required = true

[[steps]]
kind = "confirm"
id = "confirm"

[[steps]]
kind = "restore"
id = "restore"
method = "aws-backup"

[[steps]]
kind = "report"
id = "report"
)";

// Counts what the engine asks of AWS; only what these tests need answers.
class CountingBackend final : public RestoreBackend {
public:
    int mutating_calls = 0;
    std::vector<std::string> existing{"prod-db"};

    std::string region() const override { return "us-east-1"; }
    std::string profile() const override { return "test"; }
    std::string last_request_id() const override { return "req-1"; }
    Result<model::CallerIdentity> caller_identity() override {
        return model::CallerIdentity{"123456789012", "arn:aws:iam::123456789012:user/oncall", "AIDA"};
    }
    Result<std::vector<model::RecoveryPoint>> list_recovery_points(const RecoveryPointQuery&) override {
        model::RecoveryPoint older;
        older.arn = "arn:rp:older";
        older.vault_name = "v";
        older.status = "COMPLETED";
        older.resource_type = "RDS";
        older.iam_role_arn = "arn:aws:iam::123456789012:role/backup";
        older.resource_arn = "arn:aws:rds:us-east-1:123456789012:db:prod-db";
        older.creation_date = *parse_time("2026-11-20T03:00:00Z");
        model::RecoveryPoint partial = older;
        partial.arn = "arn:rp:partial";
        partial.status = "PARTIAL";
        partial.creation_date = *parse_time("2026-11-22T03:00:00Z");
        model::RecoveryPoint newest = older;
        newest.arn = "arn:rp:newest";
        newest.creation_date = *parse_time("2026-11-21T03:00:00Z");
        return std::vector<model::RecoveryPoint>{older, partial, newest};
    }
    Result<model::RecoveryPoint> describe_recovery_point(const std::string&, const std::string&) override {
        return make_error(ErrorKind::Internal, "not needed");
    }
    Result<model::RestoreMetadata> get_restore_metadata(const std::string&, const std::string& arn) override {
        return model::RestoreMetadata{arn, "RDS", {{"DBInstanceIdentifier", "prod-db"}, {"Engine", "postgres"}}};
    }
    Result<std::vector<model::RestoreJob>> list_restore_jobs(const services::JobFilter&) override { return std::vector<model::RestoreJob>{}; }
    Result<std::vector<model::RestoreJob>> list_restore_jobs_by_resource(const std::string&) override { return std::vector<model::RestoreJob>{}; }
    std::optional<Error> job_error;  // what DescribeRestoreJob answers; a RUNNING job without one
    Result<model::RestoreJob> describe_restore_job(const std::string& id) override {
        if (job_error) return *job_error;
        model::RestoreJob job;
        job.restore_job_id = id;
        job.status = "RUNNING";
        return job;
    }
    Result<model::DbInstance> describe_db_instance(const std::string& id) override {
        for (const auto& e : existing) {
            if (e == id) {
                model::DbInstance d;
                d.identifier = id;
                d.arn = "arn:aws:rds:us-east-1:123456789012:db:" + id;
                return d;
            }
        }
        return make_error(ErrorKind::NotFound, "no such instance", "DBInstanceNotFound");
    }
    Result<std::vector<model::AutomatedBackup>> describe_automated_backups(const std::string&) override { return std::vector<model::AutomatedBackup>{}; }
    Result<std::vector<model::DbSnapshot>> describe_db_snapshots(const std::string&, const std::string&) override { return std::vector<model::DbSnapshot>{}; }
    Result<std::string> start_restore_job(const services::StartRestoreJobRequest&) override {
        ++mutating_calls;
        return std::string("job-1");
    }
    Result<model::DbInstance> restore_to_point_in_time(const services::RestoreToPointInTimeRequest&) override {
        ++mutating_calls;
        return model::DbInstance{};
    }
    Result<model::DbInstance> restore_from_snapshot(const services::RestoreFromSnapshotRequest&) override {
        ++mutating_calls;
        return model::DbInstance{};
    }
    Result<model::DbInstance> delete_db_instance(const std::string&) override {
        ++mutating_calls;
        return model::DbInstance{};
    }
    Status put_restore_validation_result(const std::string&, const std::string&, const std::string&) override {
        ++mutating_calls;
        return ok_status();
    }
};

struct Fixture {
    test::TempDir dir;
    std::shared_ptr<CountingBackend> backend = std::make_shared<CountingBackend>();
    std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(*parse_time("2026-11-22T10:00:00Z"));

    EngineOptions options(bool read_only = false) {
        EngineOptions o;
        o.backend = backend;
        o.clock = clock;
        o.audit = std::make_shared<AuditLog>(dir.path / "audit.jsonl");
        o.wizard_dir = dir.path / "wizards";
        o.report_dir = dir.path / "reports";
        o.read_only = read_only;
        return o;
    }

    std::unique_ptr<Engine> start(bool read_only = false, const std::string& text = kRestoreRunbook) {
        auto rb = load_runbook(text, "tiny.toml");
        EXPECT_TRUE(rb.ok()) << (rb.ok() ? "" : rb.error().message);
        auto e = start_engine(*rb, {{"resource", "arn:aws:rds:us-east-1:123456789012:db:prod-db"}}, options(read_only));
        EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().message);
        return e.ok() ? std::move(*e) : nullptr;
    }
};

// Walks from the first step to the confirm step with the newest point and default target.
void walk_to_confirm(Engine& e) {
    ASSERT_TRUE(e.next().ok());  // intro
    auto choices = e.recovery_point_choices();
    ASSERT_TRUE(choices.ok());
    ASSERT_TRUE(e.choose_recovery_point(choices->front().id).ok());
    ASSERT_TRUE(e.next().ok());  // point
    ASSERT_TRUE(e.skip().ok());  // ready
    ASSERT_TRUE(e.next().ok());  // target
    ASSERT_EQ(e.current_step().kind, StepKind::Confirm);
}

}  // namespace

TEST(EngineState, StartsAtTheFirstStepAndSavesIt) {
    Fixture f;
    auto e = f.start();
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->current_index(), 0u);
    auto rail = e->rail();
    ASSERT_EQ(rail.size(), 7u);
    EXPECT_EQ(rail[0].status, StepStatus::Current);
    EXPECT_EQ(rail[1].status, StepStatus::Pending);
    EXPECT_TRUE(rail[5].mutating);
    EXPECT_EQ(e->display("hello {source} {nope}"), "hello prod-db {nope}");
    auto saved = load_wizard_state(e->state().id, f.dir.path / "wizards");
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_EQ(saved->values.at("source"), "prod-db");
    EXPECT_EQ(saved->runbook_source, kRestoreRunbook);
}

TEST(EngineState, ChoicesPutCompletedPointsFirstNewestFirst) {
    Fixture f;
    auto e = f.start();
    ASSERT_TRUE(e->next().ok());
    auto choices = e->recovery_point_choices();
    ASSERT_TRUE(choices.ok());
    ASSERT_EQ(choices->size(), 3u);
    EXPECT_EQ((*choices)[0].id, "arn:rp:newest");
    EXPECT_EQ((*choices)[1].id, "arn:rp:older");
    EXPECT_EQ((*choices)[2].id, "arn:rp:partial");
    EXPECT_FALSE(e->choose_recovery_point("arn:rp:partial").ok());
    EXPECT_FALSE(e->next().ok()) << "Next without a choice must be refused";
}

TEST(EngineState, NothingChangesBeforeTheConfirmStep) {
    Fixture f;
    auto e = f.start();
    walk_to_confirm(*e);
    EXPECT_EQ(e->expected_confirmation(), "prod-db-restore-20261122");
    ASSERT_TRUE(e->type_confirmation("prod-db").ok());
    auto wrong = e->next();
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.error().message.find("does not match"), std::string::npos);
    EXPECT_EQ(e->current_step().kind, StepKind::Confirm);
    EXPECT_EQ(f.backend->mutating_calls, 0);
    ASSERT_TRUE(e->type_confirmation("prod-db-restore-20261122").ok());
    ASSERT_TRUE(e->next().ok());
    EXPECT_EQ(f.backend->mutating_calls, 0);
    auto restored = e->next();
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_EQ(restored->status, StepStatus::Done);
    EXPECT_EQ(f.backend->mutating_calls, 1);
    EXPECT_EQ(e->state().restored.job_id, "job-1");
}

TEST(EngineState, MutatingStepWithoutPassedConfirmIsRefused) {
    Fixture f;
    WizardState st;
    {
        auto e = f.start();
        walk_to_confirm(*e);
        st = e->state();
    }
    // A state file edited so that the wizard stands on the restore step
    // with its confirm step never passed.
    st.current = 5;
    st.steps[4].status = StepStatus::Pending;
    st.steps[5].status = StepStatus::Current;
    auto resumed = resume_engine(st, f.options());
    ASSERT_TRUE(resumed.ok()) << resumed.error().message;
    auto r = (*resumed)->next();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "not-confirmed");
    // Confirmed, but for another target than the one the form now holds.
    st.steps[4].status = StepStatus::Done;
    st.values["confirmed_target"] = "prod-db-restore-20261122";
    st.values["target"] = "prod-db-other";
    auto other = resume_engine(st, f.options());
    ASSERT_TRUE(other.ok());
    auto r2 = (*other)->next();
    ASSERT_FALSE(r2.ok());
    EXPECT_EQ(r2.error().code, "not-confirmed");
    EXPECT_EQ(f.backend->mutating_calls, 0);
}

TEST(EngineState, SkipOnlyWhereTheRunbookAllows) {
    Fixture f;
    auto e = f.start();
    auto s = e->skip();
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("cannot be skipped"), std::string::npos);
    EXPECT_EQ(e->current_index(), 0u);
    ASSERT_TRUE(e->next().ok());
    ASSERT_FALSE(e->skip().ok());  // choose-recovery-point
    auto choices = e->recovery_point_choices();
    ASSERT_TRUE(e->choose_recovery_point(choices->front().id).ok());
    ASSERT_TRUE(e->next().ok());
    ASSERT_TRUE(e->skip().ok());  // the checklist is skippable
    EXPECT_EQ(e->rail()[2].status, StepStatus::Skipped);
    EXPECT_EQ(e->current_step().kind, StepKind::Form);
}

TEST(EngineState, ChecklistNeedsEveryItemTicked) {
    Fixture f;
    auto e = f.start();
    ASSERT_TRUE(e->next().ok());
    ASSERT_TRUE(e->choose_recovery_point("arn:rp:newest").ok());
    ASSERT_TRUE(e->next().ok());
    ASSERT_TRUE(e->tick(0, true, "Ana told them").ok());
    auto r = e->next();
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("1 of 2 items are not ticked"), std::string::npos);
    EXPECT_FALSE(e->tick(5, true).ok());
    ASSERT_TRUE(e->tick(1, true).ok());
    ASSERT_TRUE(e->next().ok());
    EXPECT_EQ(e->state().steps[2].notes[0], "Ana told them");
    EXPECT_EQ(e->rail()[2].status, StepStatus::Done);
}

TEST(EngineState, BackMovesOneStepAndForgetsTheConfirmation) {
    Fixture f;
    auto e = f.start();
    EXPECT_FALSE(e->back().ok()) << "no step before the first";
    walk_to_confirm(*e);
    ASSERT_TRUE(e->type_confirmation("prod-db-restore-20261122").ok());
    ASSERT_TRUE(e->next().ok());
    EXPECT_EQ(e->state().values.at("confirmed_target"), "prod-db-restore-20261122");
    ASSERT_TRUE(e->back().ok());  // back to confirm
    EXPECT_EQ(e->current_step().kind, StepKind::Confirm);
    EXPECT_EQ(e->state().values.count("confirmed_target"), 0u);
    EXPECT_EQ(e->rail()[5].status, StepStatus::Pending);
    ASSERT_TRUE(e->back().ok());  // back to the form
    ASSERT_TRUE(e->set_field("target", "prod-db-copy").ok());
    ASSERT_TRUE(e->next().ok());
    EXPECT_EQ(e->expected_confirmation(), "prod-db-copy");
    ASSERT_TRUE(e->type_confirmation("prod-db-copy").ok());
    ASSERT_TRUE(e->next().ok());
    ASSERT_TRUE(e->next().ok());  // restore
    EXPECT_EQ(f.backend->mutating_calls, 1);
    auto back = e->back();
    ASSERT_FALSE(back.ok()) << "never back across a step that changed AWS";
    EXPECT_NE(back.error().message.find("changed AWS"), std::string::npos);
}

TEST(EngineState, FormRefusesBadOrProductionTargets) {
    Fixture f;
    auto e = f.start();
    ASSERT_TRUE(e->next().ok());
    ASSERT_TRUE(e->choose_recovery_point("arn:rp:newest").ok());
    ASSERT_TRUE(e->next().ok());
    ASSERT_TRUE(e->skip().ok());
    auto fields = e->form_fields();
    ASSERT_EQ(fields.size(), 1u);
    EXPECT_EQ(fields[0].value, "prod-db-restore-20261122");
    ASSERT_TRUE(e->set_field("target", "1bad--name").ok());
    EXPECT_FALSE(e->next().ok());
    ASSERT_TRUE(e->set_field("target", "prod-db").ok());
    auto same = e->next();
    ASSERT_FALSE(same.ok());
    EXPECT_NE(same.error().message.find("NEW instance"), std::string::npos);
    EXPECT_FALSE(e->set_field("nosuch", "x").ok());
    EXPECT_EQ(e->current_step().kind, StepKind::Form);
}

TEST(EngineState, ReadOnlyRestoreIsADryRunShowingTheCall) {
    Fixture f;
    auto e = f.start(true);
    walk_to_confirm(*e);
    ASSERT_TRUE(e->type_confirmation("prod-db-restore-20261122").ok());
    ASSERT_TRUE(e->next().ok());
    auto planned = e->planned_call();
    ASSERT_TRUE(planned.ok());
    EXPECT_EQ(planned->operation, "StartRestoreJob");
    auto r = e->next();
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(f.backend->mutating_calls, 0);
    const std::string& text = e->state().steps[5].dry_run;
    EXPECT_NE(text.find("NOT sent"), std::string::npos);
    EXPECT_NE(text.find("backup StartRestoreJob"), std::string::npos);
    EXPECT_NE(text.find("\"RecoveryPointArn\": \"arn:rp:newest\""), std::string::npos);
    EXPECT_NE(text.find("\"DBInstanceIdentifier\": \"prod-db-restore-20261122\""), std::string::npos);
    EXPECT_NE(text.find("aws backup start-restore-job --region us-east-1 --recovery-point-arn arn:rp:newest"), std::string::npos);
    auto audit = read_audit_log(f.dir.path / "audit.jsonl");
    ASSERT_TRUE(audit.ok());
    std::vector<std::string> order;
    for (auto it = audit->entries.rbegin(); it != audit->entries.rend(); ++it) order.push_back(it->action + ":" + it->phase);
    ASSERT_EQ(order.size(), 3u) << "the dry run and the operator's confirmation";
    EXPECT_EQ(order.back(), "restore:dry-run");
    EXPECT_NE(std::find(order.begin(), order.end(), "confirm:operator"), order.end());
}

TEST(EngineState, FinishesAndRefusesMoreSteps) {
    Fixture f;
    auto e = f.start();
    walk_to_confirm(*e);
    ASSERT_TRUE(e->type_confirmation("prod-db-restore-20261122").ok());
    ASSERT_TRUE(e->next().ok());
    ASSERT_TRUE(e->next().ok());
    auto report = e->next();
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_TRUE(e->finished());
    EXPECT_EQ(e->state().outcome, "completed");
    EXPECT_FALSE(e->next().ok());
    EXPECT_FALSE(e->back().ok());
    auto listed = list_wizards(f.dir.path / "wizards");
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_TRUE(listed[0].finished);
}

// `drill run --report-dir DIR`, interrupted and resumed without the option,
// wrote its report to the default folder: the folder is kept in the state.
TEST(EngineState, AResumedWizardWritesItsReportWhereItWasStarted) {
    Fixture f;
    WizardState st;
    {
        auto e = f.start();
        walk_to_confirm(*e);
        ASSERT_TRUE(e->type_confirmation("prod-db-restore-20261122").ok());
        ASSERT_TRUE(e->next().ok());  // confirmed: the restore step is next
        st = e->state();
    }
    EXPECT_EQ(st.report_dir, (f.dir.path / "reports").string());
    auto reread = wizard_state_from_json(wizard_state_to_json(st));
    ASSERT_TRUE(reread.ok()) << reread.error().message;
    auto options = f.options();
    options.report_dir.clear();  // as `vaultdeck resume ID` gives it
    auto resumed = resume_engine(*reread, options);
    ASSERT_TRUE(resumed.ok()) << resumed.error().message;
    auto& e = **resumed;
    ASSERT_TRUE(e.next().ok());
    ASSERT_TRUE(e.next().ok());
    ASSERT_TRUE(e.finished());
    const std::string written = e.state().values.at("report_markdown");
    EXPECT_EQ(std::filesystem::path(written).parent_path(), f.dir.path / "reports") << written;
}

TEST(EngineState, AbortSaysWhatWasLeftBehind) {
    Fixture f;
    auto e = f.start();
    walk_to_confirm(*e);
    ASSERT_TRUE(e->type_confirmation("prod-db-restore-20261122").ok());
    ASSERT_TRUE(e->next().ok());
    ASSERT_TRUE(e->next().ok());
    auto msg = e->abort();
    ASSERT_TRUE(msg.ok());
    EXPECT_NE(msg->find("prod-db-restore-20261122"), std::string::npos);
    EXPECT_TRUE(e->finished());
    EXPECT_EQ(e->state().outcome, "aborted");
}

TEST(EngineState, CommandRunsOnlyAfterApprovalWithoutAShell) {
    Fixture f;
    auto rb = load_runbook(R"(name = "smoke"
title = "Smoke tests"
kind = "checklist"

[[steps]]
kind = "form"
[[steps.fields]]
name = "target"
default = "{source}-copy"

[[steps]]
kind = "command"
id = "smoke"
argv = ["/bin/echo", "checking", "{target}", "$HOME;"]
)", "smoke.toml");
    ASSERT_TRUE(rb.ok()) << rb.error().message;
    auto e = start_engine(*rb, {{"source", "prod-db"}}, f.options());
    ASSERT_TRUE(e.ok());
    ASSERT_TRUE((*e)->next().ok());
    EXPECT_EQ((*e)->command_text(), "/bin/echo checking prod-db-copy '$HOME;'");
    auto refused = (*e)->next();
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("approve the command"), std::string::npos);
    ASSERT_TRUE((*e)->approve_command().ok());
    auto ran = (*e)->next();
    ASSERT_TRUE(ran.ok()) << ran.error().message;
    EXPECT_EQ(ran->status, StepStatus::Done);
    const auto& rec = (*e)->state().steps[1];
    EXPECT_EQ(rec.output, "checking prod-db-copy $HOME;\n");
    EXPECT_EQ(rec.exit_code, std::optional<int>(0));
    EXPECT_TRUE((*e)->finished());

    auto ro = start_engine(*rb, {{"source", "prod-db"}}, f.options(true));
    ASSERT_TRUE(ro.ok());
    ASSERT_TRUE((*ro)->next().ok());
    ASSERT_TRUE((*ro)->approve_command().ok());
    ASSERT_TRUE((*ro)->next().ok());
    EXPECT_TRUE((*ro)->state().steps[1].output.empty()) << "read-only never runs commands";
    EXPECT_NE((*ro)->state().steps[1].dry_run.find("NOT run"), std::string::npos);
}

// Found by scripts/soak (reset faults): a DeleteDBInstance retried after its
// answer was lost meets "already being deleted"; the cleanup has happened.
TEST(CleanupErrors, AlreadyBeingDeletedIsTheRetryOfOurOwnDelete) {
    using vd::runbook::is_already_being_deleted;
    EXPECT_TRUE(is_already_being_deleted(vd::make_error(vd::ErrorKind::Aws,
        "Instance small-db-drill-202612021919 is already being deleted.", "InvalidDBInstanceState")));
    EXPECT_FALSE(is_already_being_deleted(vd::make_error(vd::ErrorKind::Aws,
        "Instance small-db-drill is not in available state.", "InvalidDBInstanceState")));
    EXPECT_FALSE(is_already_being_deleted(vd::make_error(vd::ErrorKind::Aws, "already being deleted", "AccessDenied")));
}

// A wait step stops at once, with the reason and the resume command, on what
// waiting cannot fix (credentials, AccessDenied, validation, a job that is
// not there); throttling, 5xx and connection errors only make it poll again.
TEST(WaitErrors, OnlyErrorsThatTimeCanFixKeepTheWaitGoing) {
    std::string text = kRestoreRunbook;
    text.replace(text.find("[[steps]]\nkind = \"report\""), 0, "[[steps]]\nkind = \"wait\"\nid = \"wait\"\n\n");
    struct Case {
        Error error;
        bool keeps_waiting;
    };
    auto aws = [](int status, const char* code, bool retryable = false) {
        Error e = make_error(ErrorKind::Aws, std::string(code) + " from the service", code);
        e.http_status = status;
        e.retryable = retryable;
        return e;
    };
    const Case cases[] = {
        {aws(400, "ThrottlingException", true), true},
        {aws(503, "ServiceUnavailable"), true},
        {make_error(ErrorKind::Network, "connection reset", "ConnectionReset"), true},
        {make_error(ErrorKind::Timeout, "read timed out", "Timeout"), true},
        {make_error(ErrorKind::Credentials, "no credentials in the environment, files or instance role", "NoCredentials"), false},
        {aws(400, "ExpiredTokenException"), false},
        {aws(403, "AccessDeniedException"), false},
        {aws(400, "InvalidParameterValueException"), false},
        {aws(404, "ResourceNotFoundException"), false},
    };
    for (const auto& c : cases) {
        Fixture f;
        auto e = f.start(false, text);
        ASSERT_NE(e, nullptr);
        walk_to_confirm(*e);
        ASSERT_TRUE(e->type_confirmation("prod-db-restore-20261122").ok());
        ASSERT_TRUE(e->next().ok());  // confirm
        ASSERT_TRUE(e->next().ok());  // restore: job-1
        ASSERT_EQ(e->current_step().kind, StepKind::Wait) << c.error.code;
        f.backend->job_error = c.error;
        auto r = e->next();
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_FALSE(r->moved) << c.error.code;
        if (c.keeps_waiting) {
            EXPECT_EQ(r->status, StepStatus::Current) << c.error.code << ": " << r->message;
        } else {
            EXPECT_EQ(r->status, StepStatus::Failed) << c.error.code << ": " << r->message;
            EXPECT_NE(r->message.find(c.error.code), std::string::npos) << r->message;
            EXPECT_NE(r->message.find("vaultdeck resume " + e->state().id), std::string::npos) << r->message;
        }
    }
}
