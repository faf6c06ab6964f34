// A tiny in-memory AWS for the wizard screen tests: one RDS instance
// (orders-db) with three recovery points, a restore job that completes on
// the second look, and the restored instance appearing once it has.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "backend/runbook/engine.hpp"
#include "tui/app/console.hpp"

namespace vd::testing {

inline constexpr const char* kOrdersArn = "arn:aws:rds:us-east-1:111122223333:db:orders-db";
inline constexpr const char* kNewestPoint = "arn:aws:rds:us-east-1:111122223333:snapshot:awsbackup:job-new";
inline constexpr const char* kOlderPoint = "arn:aws:rds:us-east-1:111122223333:snapshot:awsbackup:job-old";
inline constexpr const char* kFailedPoint = "arn:aws:rds:us-east-1:111122223333:snapshot:awsbackup:job-failed";

// The fake AWS; counts the restores it was asked for.
class FakeRestoreAws final : public runbook::RestoreBackend {
public:
    std::string region() const override { return "us-east-1"; }
    std::string profile() const override { return "test"; }
    std::string last_request_id() const override { return "req-1"; }
    Result<model::CallerIdentity> caller_identity() override;
    Result<std::vector<model::RecoveryPoint>> list_recovery_points(const runbook::RecoveryPointQuery& q) override;
    Result<model::RecoveryPoint> describe_recovery_point(const std::string& vault, const std::string& arn) override;
    Result<model::RestoreMetadata> get_restore_metadata(const std::string& vault, const std::string& arn) override;
    Result<std::vector<model::RestoreJob>> list_restore_jobs(const services::JobFilter& filter) override;
    Result<std::vector<model::RestoreJob>> list_restore_jobs_by_resource(const std::string& resource_arn) override;
    Result<model::RestoreJob> describe_restore_job(const std::string& job_id) override;
    Result<model::DbInstance> describe_db_instance(const std::string& identifier) override;
    Result<std::vector<model::AutomatedBackup>> describe_automated_backups(const std::string& instance) override;
    Result<std::vector<model::DbSnapshot>> describe_db_snapshots(const std::string& instance, const std::string& type) override;
    Result<std::string> start_restore_job(const services::StartRestoreJobRequest& request) override;
    Result<model::DbInstance> restore_to_point_in_time(const services::RestoreToPointInTimeRequest& request) override;
    Result<model::DbInstance> restore_from_snapshot(const services::RestoreFromSnapshotRequest& request) override;
    Result<model::DbInstance> delete_db_instance(const std::string& identifier) override;
    Status put_restore_validation_result(const std::string& job_id, const std::string& status, const std::string& message) override;

    int restores_started = 0;

private:
    std::string target_;
    int job_looks_ = 0;
};

// A temporary state folder (wizards, audit log, reports), removed at the end.
struct WizardSandbox {
    std::filesystem::path dir;
    std::shared_ptr<FakeRestoreAws> aws = std::make_shared<FakeRestoreAws>();
    WizardSandbox();
    ~WizardSandbox();
    // Engine options over the fake, writing into dir.
    runbook::EngineOptions engine_options(bool read_only) const;
    // A launcher that starts built-in runbooks on the fake, jobs run inline.
    tui::WizardLauncher launcher(bool read_only) const;
};

}  // namespace vd::testing
