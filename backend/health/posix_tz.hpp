// The POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0"): standard and daylight
// offsets and the yearly dates that switch between them. Used on its own and
// as the footer of TZif files for instants after the last transition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "backend/core/result.hpp"
#include "backend/health/timezone.hpp"

namespace vd::health::detail {

// One end of daylight time: a day of the year and a local time of day.
struct PosixDate {
    enum class Form { Julian1, Julian0, MonthWeekDay } form = Form::MonthWeekDay;
    int day = 0;    // Jn: 1..365 (no Feb 29); n: 0..365
    int month = 0;  // Mm.w.d
    int week = 0;   // 1..5, 5 is the last
    int weekday = 0;  // 0 = Sunday
    int32_t time = 7200;  // seconds after local midnight, may be negative or past 24 h
};

struct PosixRule {
    std::string std_name;
    int32_t std_offset = 0;  // seconds east of UTC
    std::optional<std::string> dst_name;
    int32_t dst_offset = 0;
    PosixDate start;
    PosixDate end;
};

// Parses a POSIX TZ rule.
Result<PosixRule> parse_posix_rule(std::string_view text);
// The offset a rule gives at `utc`.
ZoneOffset posix_offset_at(const PosixRule& rule, int64_t utc);

}  // namespace vd::health::detail
