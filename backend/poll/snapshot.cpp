#include "backend/poll/snapshot.hpp"

namespace vd::poll {

const char* kind_name(Kind k) {
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

}  // namespace vd::poll
