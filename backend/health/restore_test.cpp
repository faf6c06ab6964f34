// The verdict of an AWS Backup restore test.
#include "backend/health/restore_test.hpp"

namespace vd::health {

RestoreTestVerdict restore_test_verdict(const model::RestoreJob& job) {
    if (job.status == "FAILED" || job.status == "ABORTED") return RestoreTestVerdict::Failed;
    if (job.validation_status == "FAILED" || job.validation_status == "TIMED_OUT") return RestoreTestVerdict::Failed;
    if (job.status == "COMPLETED" && (job.validation_status.empty() || job.validation_status == "SUCCESSFUL"))
        return RestoreTestVerdict::Passed;
    return RestoreTestVerdict::Pending;
}

}  // namespace vd::health
