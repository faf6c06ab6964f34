// The fake AWS of the wizard screen tests.
#include "console/support/fake_restore.hpp"

#include <cstdlib>

#include "backend/runbook/catalog.hpp"
#include "console/support/sample_snapshot.hpp"

namespace vd::testing {
namespace {

model::RecoveryPoint point(const std::string& arn, const std::string& status, int days_ago) {
    model::RecoveryPoint p;
    p.arn = arn;
    p.resource_arn = kOrdersArn;
    p.resource_type = "RDS";
    p.resource_name = "orders-db";
    p.vault_name = "prod-vault";
    p.status = status;
    p.iam_role_arn = "arn:aws:iam::111122223333:role/backup-restore";
    p.creation_date = sample_now() - std::chrono::hours(24 * days_ago + 2);
    p.backup_size_bytes = int64_t{20} * 1024 * 1024 * 1024;
    return p;
}

Error not_found(const std::string& what) { return make_error(ErrorKind::NotFound, what + " not found"); }

// No database behind the fake instances: every connection is refused.
class NoDatabase final : public runbook::SqlRunner {
public:
    Result<std::unique_ptr<runbook::SqlSession>> connect(const runbook::ConnectionParams& p) override {
        return make_error(ErrorKind::Network, "no database at " + p.host + " in this test");
    }
};

}  // namespace

Result<model::CallerIdentity> FakeRestoreAws::caller_identity() {
    return model::CallerIdentity{"111122223333", "arn:aws:iam::111122223333:user/oncall", "AID1"};
}

Result<std::vector<model::RecoveryPoint>> FakeRestoreAws::list_recovery_points(const runbook::RecoveryPointQuery&) {
    return std::vector<model::RecoveryPoint>{point(kOlderPoint, "COMPLETED", 3), point(kFailedPoint, "FAILED", 0),
                                             point(kNewestPoint, "COMPLETED", 1)};
}

Result<model::RecoveryPoint> FakeRestoreAws::describe_recovery_point(const std::string&, const std::string& arn) {
    const auto points = list_recovery_points({});
    for (const auto& p : *points)
        if (p.arn == arn) return p;
    return not_found(arn);
}

Result<model::RestoreMetadata> FakeRestoreAws::get_restore_metadata(const std::string&, const std::string& arn) {
    return model::RestoreMetadata{arn, "RDS", {{"DBInstanceIdentifier", "orders-db"}, {"Engine", "postgres"}}};
}

Result<std::vector<model::RestoreJob>> FakeRestoreAws::list_restore_jobs(const services::JobFilter&) {
    return std::vector<model::RestoreJob>{};
}

Result<std::vector<model::RestoreJob>> FakeRestoreAws::list_restore_jobs_by_resource(const std::string&) {
    return std::vector<model::RestoreJob>{};
}

Result<model::RestoreJob> FakeRestoreAws::describe_restore_job(const std::string& job_id) {
    if (restores_started == 0) return not_found(job_id);
    model::RestoreJob j;
    j.restore_job_id = job_id;
    j.recovery_point_arn = kNewestPoint;
    j.status = ++job_looks_ >= 2 ? "COMPLETED" : "RUNNING";
    j.percent_done = j.status == "COMPLETED" ? "100.00%" : "40.00%";
    j.created_resource_arn = "arn:aws:rds:us-east-1:111122223333:db:" + target_;
    return j;
}

Result<model::DbInstance> FakeRestoreAws::describe_db_instance(const std::string& identifier) {
    model::DbInstance d;
    d.identifier = identifier;
    d.arn = "arn:aws:rds:us-east-1:111122223333:db:" + identifier;
    d.status = "available";
    d.endpoint.address = identifier + ".abc.us-east-1.rds.amazonaws.com";
    d.endpoint.port = 5432;
    if (identifier == "orders-db") return d;
    if (identifier == target_ && job_looks_ >= 2) return d;
    return make_error(ErrorKind::Aws, "DBInstance " + identifier + " not found.", "DBInstanceNotFound");
}

Result<std::vector<model::AutomatedBackup>> FakeRestoreAws::describe_automated_backups(const std::string&) {
    return std::vector<model::AutomatedBackup>{};
}

Result<std::vector<model::DbSnapshot>> FakeRestoreAws::describe_db_snapshots(const std::string&, const std::string&) {
    return std::vector<model::DbSnapshot>{};
}

Result<std::string> FakeRestoreAws::start_restore_job(const services::StartRestoreJobRequest& request) {
    ++restores_started;
    auto it = request.metadata.find("DBInstanceIdentifier");
    target_ = it == request.metadata.end() ? "" : it->second;
    return std::string("restore-job-1");
}

Result<model::DbInstance> FakeRestoreAws::restore_to_point_in_time(const services::RestoreToPointInTimeRequest&) {
    return make_error(ErrorKind::Internal, "not in this fake");
}

Result<model::DbInstance> FakeRestoreAws::restore_from_snapshot(const services::RestoreFromSnapshotRequest&) {
    return make_error(ErrorKind::Internal, "not in this fake");
}

Result<model::DbInstance> FakeRestoreAws::delete_db_instance(const std::string& identifier) {
    return make_error(ErrorKind::Internal, "not in this fake: " + identifier);
}

Status FakeRestoreAws::put_restore_validation_result(const std::string&, const std::string&, const std::string&) {
    return ok_status();
}

WizardSandbox::WizardSandbox() {
    char tmpl[] = "/tmp/vd-wizard-XXXXXX";
    const char* made = ::mkdtemp(tmpl);
    dir = made != nullptr ? made : "/tmp/vd-wizard";
}

WizardSandbox::~WizardSandbox() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

runbook::EngineOptions WizardSandbox::engine_options(bool read_only) const {
    runbook::EngineOptions o;
    o.backend = aws;
    o.backend_for_region = [aws = aws](const std::string&) -> Result<std::shared_ptr<runbook::RestoreBackend>> {
        return std::shared_ptr<runbook::RestoreBackend>(aws);
    };
    o.sql = std::make_shared<NoDatabase>();
    o.audit = std::make_shared<runbook::AuditLog>(dir / "audit.jsonl");
    o.clock = std::make_shared<FixedClock>(sample_now());
    o.wizard_dir = dir / "wizards";
    o.report_dir = dir / "reports";
    o.read_only = read_only;
    return o;
}

tui::WizardLauncher WizardSandbox::launcher(bool read_only) const {
    tui::WizardLauncher l;
    const auto options = engine_options(read_only);
    l.start = [options](const std::string& name, const runbook::Variables& inputs) -> tui::WizardLauncher::EngineResult {
        auto rb = runbook::find_runbook(name, options.wizard_dir / "no-user-runbooks");
        if (!rb) return rb.error();
        return runbook::start_engine(*rb, inputs, options);
    };
    l.resume = [options](const std::string& id) -> tui::WizardLauncher::EngineResult {
        auto state = runbook::load_wizard_state(id, options.wizard_dir);
        if (!state) return state.error();
        return runbook::resume_engine(*state, options);
    };
    l.unfinished = [options] {
        std::vector<runbook::WizardSummary> out;
        for (const auto& w : runbook::list_wizards(options.wizard_dir))
            if (!w.finished) out.push_back(w);
        return out;
    };
    l.runbooks = [] { return std::vector<std::string>{"monthly-drill", "restore-from-backup"}; };
    l.runner.inline_jobs = true;
    return l;
}

}  // namespace vd::testing
