// UTC offsets of IANA time zones, read from the system's zoneinfo files, so
// that cron schedules with a ScheduleExpressionTimezone fire at local time.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::sim {

class TimeZone {
public:
    // UTC itself.
    TimeZone() = default;
    // The offset from UTC in effect at the instant t.
    std::chrono::seconds offset_at(TimePoint t) const;
    // The UTC instant of a local wall-clock time (the earlier one when ambiguous).
    TimePoint to_utc(std::chrono::sys_seconds local) const;
    const std::string& name() const { return name_; }

    struct Transition {
        int64_t at;       // UTC epoch seconds
        int32_t offset;   // seconds east of UTC from then on
    };

private:
    friend Result<TimeZone> load_time_zone(std::string_view name);
    std::string name_ = "UTC";
    int32_t initial_offset_ = 0;
    std::vector<Transition> transitions_;
};

// UTC, Etc/GMT+N and the names under /usr/share/zoneinfo; an error for an
// unknown name.
Result<TimeZone> load_time_zone(std::string_view name);

}  // namespace vd::sim
