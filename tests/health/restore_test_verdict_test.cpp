// The one verdict of an AWS Backup restore test, as the drill check and the
// Drills screen read it.
#include <gtest/gtest.h>

#include "backend/health/restore_test.hpp"

namespace vd::health {
namespace {

model::RestoreJob job(const std::string& status, const std::string& validation) {
    model::RestoreJob j;
    j.status = status;
    j.validation_status = validation;
    return j;
}

TEST(RestoreTestVerdict, OnlyAnEndedTestHasAVerdict) {
    EXPECT_EQ(restore_test_verdict(job("COMPLETED", "")), RestoreTestVerdict::Passed);
    EXPECT_EQ(restore_test_verdict(job("COMPLETED", "SUCCESSFUL")), RestoreTestVerdict::Passed);
    EXPECT_EQ(restore_test_verdict(job("COMPLETED", "FAILED")), RestoreTestVerdict::Failed);
    EXPECT_EQ(restore_test_verdict(job("COMPLETED", "TIMED_OUT")), RestoreTestVerdict::Failed);
    EXPECT_EQ(restore_test_verdict(job("FAILED", "")), RestoreTestVerdict::Failed);
    EXPECT_EQ(restore_test_verdict(job("ABORTED", "")), RestoreTestVerdict::Failed);
    EXPECT_EQ(restore_test_verdict(job("PENDING", "")), RestoreTestVerdict::Pending);
    EXPECT_EQ(restore_test_verdict(job("RUNNING", "")), RestoreTestVerdict::Pending);
    EXPECT_EQ(restore_test_verdict(job("COMPLETED", "VALIDATING")), RestoreTestVerdict::Pending);
}

}  // namespace
}  // namespace vd::health
