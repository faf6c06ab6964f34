#include "backend/poll/kind_fields.hpp"

#include <algorithm>

namespace vd::poll {
namespace {

bool running(const std::string& state) {
    return state == "CREATED" || state == "PENDING" || state == "RUNNING" || state == "ABORTING";
}

// Calls f with the member of RegionData that holds `kind`'s list (every
// kind but Identity, which is one value): the one place that maps a kind
// to its field.
template <class F>
void with_list_member(Kind kind, F&& f) {
    switch (kind) {
        case Kind::Identity: return;
        case Kind::Vaults: return f(&RegionData::vaults);
        case Kind::RecoveryPoints: return f(&RegionData::recovery_points);
        case Kind::BackupJobs: return f(&RegionData::backup_jobs);
        case Kind::CopyJobs: return f(&RegionData::copy_jobs);
        case Kind::RestoreJobs: return f(&RegionData::restore_jobs);
        case Kind::JobSummaries: return f(&RegionData::job_summaries);
        case Kind::Plans: return f(&RegionData::plans);
        case Kind::ProtectedResources: return f(&RegionData::protected_resources);
        case Kind::DbInstances: return f(&RegionData::db_instances);
        case Kind::DbClusters: return f(&RegionData::db_clusters);
        case Kind::DbSnapshots: return f(&RegionData::db_snapshots);
        case Kind::AutomatedBackups: return f(&RegionData::automated_backups);
        case Kind::RestoreTestingPlans: return f(&RegionData::restore_testing_plans);
        case Kind::BucketLifecycles: return f(&RegionData::bucket_lifecycles);
    }
}

}  // namespace

void seed_kind(Kind kind, const RegionData& from, RegionData& into) {
    into.account_id = from.account_id;
    into.region = from.region;
    into.identity = from.identity;
    if (kind == Kind::BackupJobs || kind == Kind::CopyJobs || kind == Kind::RestoreJobs)
        with_list_member(kind, [&](auto member) { into.*member = from.*member; });  // shared, not copied
}

void take_kind(Kind kind, RegionData& from, RegionData& into) {
    if (kind == Kind::Identity) {
        into.identity = std::move(from.identity);
        if (!from.account_id.empty()) into.account_id = from.account_id;
        return;
    }
    with_list_member(kind, [&](auto member) { into.*member = std::move(from.*member); });
}

std::shared_ptr<const void> kind_list(const RegionData& data, Kind kind) {
    std::shared_ptr<const void> list;
    with_list_member(kind, [&](auto member) { list = (data.*member).identity(); });
    return list;
}

bool has_running_jobs(const RegionData& data) {
    return std::any_of(data.backup_jobs.begin(), data.backup_jobs.end(), [](const auto& j) { return running(j.state); }) ||
           std::any_of(data.copy_jobs.begin(), data.copy_jobs.end(), [](const auto& j) { return running(j.state); }) ||
           std::any_of(data.restore_jobs.begin(), data.restore_jobs.end(), [](const auto& j) { return running(j.status); });
}

}  // namespace vd::poll
