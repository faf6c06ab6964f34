#include "backend/sim/sim_clock.hpp"

#include <utility>

namespace vd::sim {

SimClock::SimClock(std::shared_ptr<const Clock> base, double speed, TimePoint start)
    : base_(std::move(base)), speed_(speed > 0 ? speed : 1.0), base_start_(base_->now()), sim_start_(start) {}

SimClock::SimClock(std::shared_ptr<const Clock> base, double speed)
    : SimClock(base, speed, base->now()) {}

TimePoint SimClock::now() const {
    auto elapsed = base_->now() - base_start_;
    if (speed_ == 1.0) return sim_start_ + elapsed;
    auto scaled = std::chrono::duration<double, std::nano>(elapsed) * speed_;
    return sim_start_ + std::chrono::duration_cast<TimePoint::duration>(scaled);
}

}  // namespace vd::sim
