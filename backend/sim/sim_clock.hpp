// The simulated clock: starts at the real time (or any start) and runs
// `speed` times faster than the clock it is built on.
#pragma once

#include <memory>

#include "backend/core/clock.hpp"

namespace vd::sim {

class SimClock final : public Clock {
public:
    // A clock that reads `start` at the moment of construction and then
    // advances `speed` simulated seconds per second of `base`.
    SimClock(std::shared_ptr<const Clock> base, double speed, TimePoint start);
    // Starts at the base clock's current time.
    SimClock(std::shared_ptr<const Clock> base, double speed);

    TimePoint now() const override;
    double speed() const { return speed_; }

private:
    std::shared_ptr<const Clock> base_;
    double speed_;
    TimePoint base_start_;
    TimePoint sim_start_;
};

}  // namespace vd::sim
