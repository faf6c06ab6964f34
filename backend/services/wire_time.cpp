#include "backend/services/wire_time.hpp"

#include <cmath>

#include "backend/core/time_format.hpp"

namespace vd::services {
namespace {

// The nearest microsecond.
TimePoint round_to_micros(TimePoint t) {
    return std::chrono::round<std::chrono::microseconds>(t);
}

}  // namespace

TimePoint time_from_epoch_seconds(double seconds) {
    seconds = clamp_epoch_seconds(seconds);
    double whole = std::floor(seconds);
    auto micros = static_cast<int64_t>(std::llround((seconds - whole) * 1e6));
    return std::chrono::system_clock::from_time_t(static_cast<std::time_t>(whole)) + std::chrono::microseconds(micros);
}

std::optional<TimePoint> parse_wire_time(std::string_view text) {
    auto t = parse_time(text);
    if (!t) return std::nullopt;
    return round_to_micros(*t);
}

}  // namespace vd::services
