// AWS cron expressions, as Backup plans and restore-testing plans use them:
// cron(minutes hours day-of-month month day-of-week year), with '?', '*',
// lists, ranges, increments, names (JAN, SUN), 'L' and 'n#k' day forms, and a
// time zone (ScheduleExpressionTimezone). Small on purpose: the simulator
// needs "when does this rule run next" and nothing more.
#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/sim/timezone.hpp"

namespace vd::sim {

struct CronSchedule {
    std::bitset<60> minutes;
    std::bitset<24> hours;
    std::bitset<32> days_of_month;  // 1..31
    bool any_day_of_month = false;  // '?' or '*'
    bool last_day_of_month = false; // 'L'
    std::bitset<13> months;         // 1..12
    std::bitset<8> days_of_week;    // 1..7, SUN = 1
    bool any_day_of_week = false;
    int nth_weekday = 0;            // 'd#n': the n-th such weekday of the month
    bool last_weekday = false;      // 'dL': the last such weekday of the month
    int year_from = 1970;
    int year_to = 2199;
    TimeZone zone;

    // The first run strictly after t, or nullopt when none follows within ten years.
    std::optional<TimePoint> next_after(TimePoint t) const;
    // The last run at or before t, or nullopt when none within ten years.
    std::optional<TimePoint> previous_at_or_before(TimePoint t) const;
};

// Parses "cron(0 3 * * ? *)" (the "cron(...)" wrapper is optional) in the
// given IANA time zone (empty: UTC).
Result<CronSchedule> parse_cron(std::string_view expression, std::string_view timezone = {});

}  // namespace vd::sim
