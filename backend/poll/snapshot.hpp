// The immutable picture the poller publishes and every screen and headless
// command reads: everything fetched, per account and region, with the
// freshness of each kind. Screens get std::shared_ptr<const Snapshot>.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/core/shared_list.hpp"
#include "backend/model/backup.hpp"
#include "backend/model/misc.hpp"
#include "backend/model/rds.hpp"

namespace vd::poll {

// The kinds the poller fetches, each on its own interval.
enum class Kind {
    Identity, Vaults, RecoveryPoints, BackupJobs, CopyJobs, RestoreJobs, JobSummaries,
    Plans, ProtectedResources, DbInstances, DbClusters, DbSnapshots, AutomatedBackups,
    RestoreTestingPlans, BucketLifecycles,
};
inline constexpr int kKindCount = 15;

// The kind's stable name, "recovery-points" (inline: health reads it without linking poll).
inline const char* kind_name(Kind k) {
    switch (k) {
        case Kind::Identity: return "identity";
        case Kind::Vaults: return "vaults";
        case Kind::RecoveryPoints: return "recovery-points";
        case Kind::BackupJobs: return "backup-jobs";
        case Kind::CopyJobs: return "copy-jobs";
        case Kind::RestoreJobs: return "restore-jobs";
        case Kind::JobSummaries: return "job-summaries";
        case Kind::Plans: return "plans";
        case Kind::ProtectedResources: return "protected-resources";
        case Kind::DbInstances: return "db-instances";
        case Kind::DbClusters: return "db-clusters";
        case Kind::DbSnapshots: return "db-snapshots";
        case Kind::AutomatedBackups: return "automated-backups";
        case Kind::RestoreTestingPlans: return "restore-testing-plans";
        case Kind::BucketLifecycles: return "bucket-lifecycles";
    }
    return "unknown";
}

// How fresh one kind is for one account and region.
struct KindStatus {
    std::optional<TimePoint> last_success;
    std::optional<TimePoint> last_attempt;
    std::string last_error;   // empty when the last attempt succeeded
    bool stale = false;       // the shown data is older than the last attempt
    bool loaded = false;      // at least one complete fetch (or cache) exists
    bool from_cache = false;  // painted from the disk cache, not fetched yet
};
VD_FIELDS(KindStatus, last_success, last_attempt, last_error, stale, loaded, from_cache)

// Everything known about one account in one region. Each kind's list is
// shared between snapshots: publishing copies pointers, not points.
struct RegionData {
    std::string account_name;  // display name from the configuration
    std::string profile;
    std::string account_id;
    std::string region;
    std::string environment;   // production, staging, dev: the header colour
    model::CallerIdentity identity;
    SharedList<model::Vault> vaults;
    SharedList<model::RecoveryPoint> recovery_points;
    SharedList<model::BackupJob> backup_jobs;
    SharedList<model::CopyJob> copy_jobs;
    SharedList<model::RestoreJob> restore_jobs;
    SharedList<model::JobSummary> job_summaries;
    SharedList<model::BackupPlan> plans;
    SharedList<model::ProtectedResource> protected_resources;
    SharedList<model::DbInstance> db_instances;
    SharedList<model::DbCluster> db_clusters;
    SharedList<model::DbSnapshot> db_snapshots;
    SharedList<model::AutomatedBackup> automated_backups;
    SharedList<model::RestoreTestingPlan> restore_testing_plans;
    SharedList<model::BucketLifecycle> bucket_lifecycles;
    std::map<Kind, KindStatus> status;
};
VD_FIELDS(RegionData, account_name, profile, account_id, region, environment, identity, vaults, recovery_points,
          backup_jobs, copy_jobs, restore_jobs, job_summaries, plans, protected_resources, db_instances,
          db_clusters, db_snapshots, automated_backups, restore_testing_plans, bucket_lifecycles, status)

// A drill report summary, read from vaultdeck's own report folder.
struct DrillRecord {
    std::string id;
    std::string resource;      // ARN or identifier of the source
    std::string runbook;
    std::string recovery_point_arn;
    TimePoint started;
    std::optional<TimePoint> finished;
    double rto_seconds = 0;    // restore start to available
    double rpo_seconds = 0;    // age of the point at restore time
    bool passed = false;
    bool pending = false;      // an AWS restore test still restoring or validating: no verdict yet
    int checks_passed = 0;
    int checks_total = 0;
    std::string report_path;
};
VD_FIELDS(DrillRecord, id, resource, runbook, recovery_point_arn, started, finished, rto_seconds, rpo_seconds,
          passed, pending, checks_passed, checks_total, report_path)

struct Snapshot {
    TimePoint taken;                  // when this snapshot was published
    uint64_t generation = 0;          // increases with every publish
    bool read_only = false;
    std::vector<RegionData> regions;  // one per configured account x region
    SharedList<DrillRecord> drills;
    std::string notice;  // what the operator should know about this data ("cache ... ignored: ..."), or ""
};
VD_FIELDS(Snapshot, taken, generation, regions, drills)

using SnapshotPtr = std::shared_ptr<const Snapshot>;

}  // namespace vd::poll
