#include "backend/core/clock.hpp"

namespace vd {

std::shared_ptr<const Clock> system_clock() {
    static const auto clock = std::make_shared<const SystemClock>();
    return clock;
}

}  // namespace vd
