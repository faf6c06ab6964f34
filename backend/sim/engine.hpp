// The engine moves the world through simulated time: recovery points go cold
// and are deleted as their lifecycle says, plan rules start backup jobs at
// their cron times, jobs run and finish, restores create DB instances, and
// instances and snapshots leave their transitional states. It is called with
// the world lock held, before every request and on a timer.
#pragma once

#include <string>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/sim/ids.hpp"
#include "backend/sim/jobs.hpp"
#include "backend/sim/world.hpp"

namespace vd::sim {

class Engine {
public:
    Engine(World& world, IdSource& ids, JobOdds odds = {});

    // Moves everything to time now (a no-op when now is not later than the last call).
    void advance_to(TimePoint now);
    // The time the world was last moved to.
    TimePoint current() const { return current_; }
    // Sets the time the world stands at without running anything (scenarios call it once they are built).
    void settle_at(TimePoint now);
    const JobOdds& odds() const { return odds_; }

private:
    void run_schedules(RegionState& state, TimePoint now);
    void run_plan_rule(RegionState& state, BackupPlan& plan, BackupRule& rule, TimePoint at);
    void run_restore_test(RegionState& state, RestoreTestingPlan& plan, TimePoint at);
    void advance_jobs(RegionState& state, TimePoint now);
    void apply_lifecycle(RegionState& state, TimePoint now);
    void advance_rds(RegionState& state, TimePoint now);

    World& world_;
    IdSource& ids_;
    JobOdds odds_;
    TimePoint current_{};
};

// Parses each rule's schedule and sets its next run after `from`; an error
// names the first rule whose cron or time zone is not valid.
Status schedule_plan(BackupPlan& plan, TimePoint from);
Status schedule_restore_testing_plan(RestoreTestingPlan& plan, TimePoint from);

}  // namespace vd::sim
