#include "backend/health/schedule_util.hpp"

namespace vd::health {

Result<RuleSchedule> parse_rule_schedule(const std::string& expression, const std::string& timezone) {
    auto schedule = Schedule::parse(expression);
    if (!schedule) return schedule.error();
    auto zone = locate_zone(timezone);
    if (!zone) return zone.error();
    bool utc = timezone.empty() || timezone == "UTC" || timezone == "Etc/UTC";
    return RuleSchedule{std::move(*schedule), *zone, utc ? "UTC" : timezone};
}

bool runs_at_least_every(const RuleSchedule& s, std::chrono::system_clock::duration interval, TimePoint from) {
    // Hop from run to the last run within `interval` of it; a hop that finds
    // none is a gap longer than `interval`.
    auto start = previous_before(s.schedule, from, *s.zone);
    if (!start) start = next_after(s.schedule, from, *s.zone);
    if (!start) return false;
    const TimePoint until = *start + std::chrono::hours(24 * 32);
    TimePoint t = *start;
    while (t < until) {
        auto p = previous_before(s.schedule, t + interval + std::chrono::seconds(1), *s.zone);
        if (!p || *p <= t) return false;
        t = *p;
    }
    return true;
}

}  // namespace vd::health
