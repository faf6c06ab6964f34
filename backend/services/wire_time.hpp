// Timestamps as they arrive on the wire, exact to the microsecond: a double
// like 1763780400.123 or a fraction like ".123" is not exact in binary, so
// both are rounded to the nearest microsecond instead of truncated.
#pragma once

#include <optional>
#include <string_view>

#include "backend/core/clock.hpp"

namespace vd::services {

// Epoch seconds with fractions (rest-json) to a time point.
TimePoint time_from_epoch_seconds(double seconds);
// ISO 8601 (or the other forms parse_time knows) to a time point.
std::optional<TimePoint> parse_wire_time(std::string_view text);

}  // namespace vd::services
