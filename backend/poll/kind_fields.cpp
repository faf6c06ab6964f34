#include "backend/poll/kind_fields.hpp"

#include <algorithm>

namespace vd::poll {
namespace {

bool running(const std::string& state) {
    return state == "CREATED" || state == "PENDING" || state == "RUNNING" || state == "ABORTING";
}

}  // namespace

void seed_kind(Kind kind, const RegionData& from, RegionData& into) {
    into.account_id = from.account_id;
    into.region = from.region;
    into.identity = from.identity;
    switch (kind) {
        case Kind::BackupJobs: into.backup_jobs = from.backup_jobs; break;
        case Kind::CopyJobs: into.copy_jobs = from.copy_jobs; break;
        case Kind::RestoreJobs: into.restore_jobs = from.restore_jobs; break;
        default: break;
    }
}

void take_kind(Kind kind, RegionData& from, RegionData& into) {
    switch (kind) {
        case Kind::Identity:
            into.identity = std::move(from.identity);
            if (!from.account_id.empty()) into.account_id = from.account_id;
            break;
        case Kind::Vaults: into.vaults = std::move(from.vaults); break;
        case Kind::RecoveryPoints: into.recovery_points = std::move(from.recovery_points); break;
        case Kind::BackupJobs: into.backup_jobs = std::move(from.backup_jobs); break;
        case Kind::CopyJobs: into.copy_jobs = std::move(from.copy_jobs); break;
        case Kind::RestoreJobs: into.restore_jobs = std::move(from.restore_jobs); break;
        case Kind::JobSummaries: into.job_summaries = std::move(from.job_summaries); break;
        case Kind::Plans: into.plans = std::move(from.plans); break;
        case Kind::ProtectedResources: into.protected_resources = std::move(from.protected_resources); break;
        case Kind::DbInstances: into.db_instances = std::move(from.db_instances); break;
        case Kind::DbClusters: into.db_clusters = std::move(from.db_clusters); break;
        case Kind::DbSnapshots: into.db_snapshots = std::move(from.db_snapshots); break;
        case Kind::AutomatedBackups: into.automated_backups = std::move(from.automated_backups); break;
        case Kind::RestoreTestingPlans: into.restore_testing_plans = std::move(from.restore_testing_plans); break;
        case Kind::BucketLifecycles: into.bucket_lifecycles = std::move(from.bucket_lifecycles); break;
    }
}

std::shared_ptr<const void> kind_list(const RegionData& data, Kind kind) {
    switch (kind) {
        case Kind::Identity: return nullptr;
        case Kind::Vaults: return data.vaults.identity();
        case Kind::RecoveryPoints: return data.recovery_points.identity();
        case Kind::BackupJobs: return data.backup_jobs.identity();
        case Kind::CopyJobs: return data.copy_jobs.identity();
        case Kind::RestoreJobs: return data.restore_jobs.identity();
        case Kind::JobSummaries: return data.job_summaries.identity();
        case Kind::Plans: return data.plans.identity();
        case Kind::ProtectedResources: return data.protected_resources.identity();
        case Kind::DbInstances: return data.db_instances.identity();
        case Kind::DbClusters: return data.db_clusters.identity();
        case Kind::DbSnapshots: return data.db_snapshots.identity();
        case Kind::AutomatedBackups: return data.automated_backups.identity();
        case Kind::RestoreTestingPlans: return data.restore_testing_plans.identity();
        case Kind::BucketLifecycles: return data.bucket_lifecycles.identity();
    }
    return nullptr;
}

bool has_running_jobs(const RegionData& data) {
    return std::any_of(data.backup_jobs.begin(), data.backup_jobs.end(), [](const auto& j) { return running(j.state); }) ||
           std::any_of(data.copy_jobs.begin(), data.copy_jobs.end(), [](const auto& j) { return running(j.state); }) ||
           std::any_of(data.restore_jobs.begin(), data.restore_jobs.end(), [](const auto& j) { return running(j.status); });
}

}  // namespace vd::poll
