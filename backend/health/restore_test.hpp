// The one rule for what an AWS Backup restore test (a restore job started by
// a restore testing plan) says: the health checks and the Drills screen both
// ask it, so a test still running or validating is never shown as failed.
#pragma once

#include "backend/model/backup.hpp"

namespace vd::health {

enum class RestoreTestVerdict {
    Passed,   // COMPLETED, and validated SUCCESSFUL or not validated
    Failed,   // FAILED or ABORTED, or validation FAILED or TIMED_OUT
    Pending,  // still restoring, or restored and waiting for its validation
};

RestoreTestVerdict restore_test_verdict(const model::RestoreJob& job);

}  // namespace vd::health
