// AWS schedule expressions: the 6-field cron(min hour day-of-month month
// day-of-week year) of AWS Backup and EventBridge, and rate(N unit).
// Depends only on core so the simulator can reuse it.
//
// Supported: `*`, `?`, ranges (`1-5`, wrapping `FRI-MON`), lists, steps
// (`0/15`, `*/5`, `1-5/2`), month names JAN-DEC, day names SUN-SAT
// (AWS numbering 1 = SUN .. 7 = SAT), in day-of-month `L`, `L-3`, `15W`,
// `LW`, in day-of-week `L` (Saturday), `5L` (last Thursday), `2#1` (first
// Monday). Exactly one of day-of-month and day-of-week must be `?`.
//
// Evaluation happens in the wall clock of the schedule's time zone, as AWS
// does: a time the clock skips (spring forward) does not run that day; a
// time the clock shows twice (fall back) runs once, at its first occurrence.
// rate() counts fixed durations (a day is 24 h, also across DST) from an
// anchor, the Unix epoch unless set.
#pragma once

#include <bitset>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/health/timezone.hpp"

namespace vd::health {

inline constexpr int kCronFirstYear = 1970;
inline constexpr int kCronLastYear = 2199;

// The six fields of a cron expression, expanded.
struct CronSpec {
    std::bitset<60> minutes;
    std::bitset<24> hours;
    // Day of month: plain days 1..31 plus the special forms.
    bool dom_question = false;
    bool dom_every = false;            // `*`
    std::bitset<32> days_of_month;
    std::vector<int> dom_before_last;  // L = 0, L-3 = 3
    bool dom_last_weekday = false;     // LW
    std::vector<int> dom_nearest_weekday;  // 15W = 15
    std::bitset<13> months;            // 1..12
    // Day of week in AWS numbering, 1 = Sunday .. 7 = Saturday.
    bool dow_question = false;
    bool dow_every = false;
    std::bitset<8> days_of_week;
    std::vector<int> dow_last;                   // 5L = 5
    std::vector<std::pair<int, int>> dow_nth;    // 2#1 = {2, 1}
    std::bitset<kCronLastYear - kCronFirstYear + 1> years;
    std::vector<std::string> fields;  // the six fields as written

    // True when the schedule runs on this calendar day.
    bool matches_day(int year, unsigned month, unsigned day) const;
};

// A parsed schedule expression, cron or rate.
class Schedule {
public:
    // Parses "cron(...)" or "rate(N minutes|hours|days)"; the error says
    // which field is wrong and why.
    static Result<Schedule> parse(std::string_view expression);

    const std::string& expression() const { return expression_; }
    bool is_rate() const { return rate_.count() > 0; }
    std::chrono::seconds rate() const { return rate_; }
    const CronSpec& cron() const { return cron_; }
    // Rate schedules count from this instant (default: the Unix epoch).
    TimePoint rate_anchor() const { return anchor_; }
    void set_rate_anchor(TimePoint anchor) { anchor_ = anchor; }

private:
    std::string expression_;
    std::chrono::seconds rate_{0};
    TimePoint anchor_{};
    CronSpec cron_;
};

// Parses the six cron fields (without "cron(" and ")").
Result<CronSpec> parse_cron_fields(std::string_view fields);

// The first run strictly after `after`; nullopt when the schedule never runs again.
std::optional<TimePoint> next_after(const Schedule& schedule, TimePoint after, const TimeZone& zone);
// The last run strictly before `before`; nullopt when it never ran.
std::optional<TimePoint> previous_before(const Schedule& schedule, TimePoint before, const TimeZone& zone);
// The runs in (from, to], ascending, at most `limit` of them.
std::vector<TimePoint> runs_between(const Schedule& schedule, TimePoint from, TimePoint to, const TimeZone& zone,
                                    size_t limit);

// next_after for an expression and a zone name ("" is UTC).
Result<std::optional<TimePoint>> next_after(std::string_view expression, TimePoint after, std::string_view timezone);
// previous_before for an expression and a zone name ("" is UTC).
Result<std::optional<TimePoint>> previous_before(std::string_view expression, TimePoint before,
                                                 std::string_view timezone);

// A short description for people: "daily at 03:00 UTC", "Sundays at 04:00
// UTC", "1st of every month at 05:00 UTC", "every 15 minutes".
std::string describe(const Schedule& schedule, std::string_view timezone);

}  // namespace vd::health
