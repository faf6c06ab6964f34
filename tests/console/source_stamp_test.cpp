// A table's rows are rebuilt when the data they read changed, and only then:
// a poll of jobs must not rebuild 100 k recovery points.
#include <gtest/gtest.h>

#include "tui/screens/table_screen.hpp"

namespace vd {
namespace {

tui::ScreenContext context_of(const poll::SnapshotPtr& s) {
    tui::ScreenContext ctx;
    ctx.snapshot = s.get();
    ctx.shared = s;
    return ctx;
}

TEST(SourceStamp, AStampOfKindsIgnoresNewSnapshotsWhoseListsDidNotChange) {
    auto first = std::make_shared<poll::Snapshot>();
    first->generation = 1;
    first->regions.resize(1);
    first->regions[0].recovery_points = std::vector<model::RecoveryPoint>(3);
    first->regions[0].backup_jobs = std::vector<model::BackupJob>(1);

    tui::SourceStamp points({poll::Kind::Vaults, poll::Kind::RecoveryPoints});
    tui::SourceStamp any;
    EXPECT_TRUE(points.changed(context_of(first)));
    EXPECT_TRUE(any.changed(context_of(first)));
    EXPECT_FALSE(points.changed(context_of(first)));
    EXPECT_FALSE(any.changed(context_of(first)));

    // The next publish: the same points (shared, not copied), one more job.
    auto jobs_polled = std::make_shared<poll::Snapshot>(*first);
    jobs_polled->generation = 2;
    jobs_polled->regions[0].backup_jobs.push_back(model::BackupJob{});
    EXPECT_FALSE(points.changed(context_of(jobs_polled)));
    EXPECT_TRUE(any.changed(context_of(jobs_polled)));

    // Points fetched again: a new list, even with equal contents.
    auto points_polled = std::make_shared<poll::Snapshot>(*jobs_polled);
    points_polled->generation = 3;
    points_polled->regions[0].recovery_points = std::vector<model::RecoveryPoint>(3);
    EXPECT_TRUE(points.changed(context_of(points_polled)));

    // Another scope or grouping rebuilds too, and so does a reset.
    EXPECT_TRUE(points.changed(context_of(points_polled), "vault"));
    EXPECT_FALSE(points.changed(context_of(points_polled), "vault"));
    points.reset();
    EXPECT_TRUE(points.changed(context_of(points_polled), "vault"));
}

}  // namespace
}  // namespace vd
