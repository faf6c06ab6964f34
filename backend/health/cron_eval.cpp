// Evaluation of schedules: which days match, and the runs before and after
// an instant in the schedule's time zone.
#include <chrono>

#include "backend/health/cron.hpp"

namespace vd::health {
namespace {

using namespace std::chrono;

// The number of days in a month.
unsigned days_in(int y, unsigned m) {
    return static_cast<unsigned>((year{y} / month{m} / std::chrono::last).day());
}

// AWS day-of-week number (1 = Sunday .. 7 = Saturday) of a date.
int aws_weekday(int y, unsigned m, unsigned d) {
    return static_cast<int>(weekday{sys_days{year{y} / month{m} / day{d}}}.c_encoding()) + 1;
}

// The weekday nearest to day `n` without leaving the month (the W rule);
// 0 when the month is shorter than `n` days.
unsigned nearest_weekday(int y, unsigned m, unsigned n) {
    unsigned last = days_in(y, m);
    if (n > last) return 0;
    int wd = aws_weekday(y, m, n);
    if (wd == 7) return n == 1 ? 3 : n - 1;          // Saturday: Friday, or Monday the 3rd
    if (wd == 1) return n == last ? n - 2 : n + 1;   // Sunday: Monday, or Friday before the end
    return n;
}

// The last weekday (Monday to Friday) of a month.
unsigned last_weekday(int y, unsigned m) {
    unsigned last = days_in(y, m);
    int wd = aws_weekday(y, m, last);
    if (wd == 7) return last - 1;
    if (wd == 1) return last - 2;
    return last;
}

// Floor division for seconds to days.
int64_t floor_div(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// The first run of a rate schedule strictly after `t`.
TimePoint rate_next(const Schedule& s, TimePoint t) {
    auto period = duration_cast<system_clock::duration>(s.rate());
    auto since = t - s.rate_anchor();
    auto k = floor_div(since.count(), period.count()) + 1;
    return s.rate_anchor() + period * k;
}

// The last run of a rate schedule strictly before `t`.
TimePoint rate_previous(const Schedule& s, TimePoint t) {
    auto period = duration_cast<system_clock::duration>(s.rate());
    auto since = t - s.rate_anchor();
    auto k = floor_div(since.count() - 1, period.count());
    return s.rate_anchor() + period * k;
}

// True when the year is one the spec allows.
bool year_allowed(const CronSpec& c, int y) {
    return y >= kCronFirstYear && y <= kCronLastYear && c.years.test(static_cast<size_t>(y - kCronFirstYear));
}

// Walks calendar days from `start` in direction `dir` (+1 or -1) and calls
// `visit(local day start seconds)` for each matching day until it returns
// true or the year range ends.
template <class Visit>
bool walk_days(const CronSpec& c, sys_days start, int dir, Visit visit) {
    sys_days d = start;
    while (true) {
        year_month_day ymd{d};
        int y = static_cast<int>(ymd.year());
        if (y > kCronLastYear || y < kCronFirstYear) return false;
        if (!year_allowed(c, y)) {
            d = dir > 0 ? sys_days{year{y + 1} / January / 1} : sys_days{year{y - 1} / December / 31};
            continue;
        }
        unsigned m = static_cast<unsigned>(ymd.month());
        if (!c.months.test(m)) {
            d = dir > 0 ? sys_days{year_month_day{year{y} / month{m} / 1} + months{1}}
                        : sys_days{year{y} / month{m} / 1} - days{1};
            continue;
        }
        if (c.matches_day(y, m, static_cast<unsigned>(ymd.day())) &&
            visit(static_cast<int64_t>(d.time_since_epoch().count()) * 86400))
            return true;
        d += days{dir};
    }
}

// The first run of a cron schedule strictly after `t`.
std::optional<TimePoint> cron_next(const CronSpec& c, TimePoint t, const TimeZone& zone) {
    int64_t after = floor<seconds>(t.time_since_epoch()).count();
    int64_t local = after + zone.offset_at(after).utc_offset;
    sys_days start{days{floor_div(local, 86400) - 1}};
    std::optional<TimePoint> found;
    walk_days(c, start, +1, [&](int64_t day_start) {
        for (int h = 0; h < 24; ++h) {
            if (!c.hours.test(static_cast<size_t>(h))) continue;
            for (int m = 0; m < 60; ++m) {
                if (!c.minutes.test(static_cast<size_t>(m))) continue;
                auto utc = zone.resolve(day_start + h * 3600 + m * 60);
                if (utc.empty()) continue;  // skipped by a spring-forward change
                TimePoint run{seconds{utc.front()}};
                if (run > t) {
                    found = run;
                    return true;
                }
            }
        }
        return false;
    });
    return found;
}

// The last run of a cron schedule strictly before `t`.
std::optional<TimePoint> cron_previous(const CronSpec& c, TimePoint t, const TimeZone& zone) {
    int64_t before = floor<seconds>(t.time_since_epoch()).count();
    int64_t local = before + zone.offset_at(before).utc_offset;
    sys_days start{days{floor_div(local, 86400) + 1}};
    std::optional<TimePoint> found;
    walk_days(c, start, -1, [&](int64_t day_start) {
        for (int h = 23; h >= 0; --h) {
            if (!c.hours.test(static_cast<size_t>(h))) continue;
            for (int m = 59; m >= 0; --m) {
                if (!c.minutes.test(static_cast<size_t>(m))) continue;
                auto utc = zone.resolve(day_start + h * 3600 + m * 60);
                if (utc.empty()) continue;
                TimePoint run{seconds{utc.front()}};
                if (run < t) {
                    found = run;
                    return true;
                }
            }
        }
        return false;
    });
    return found;
}

}  // namespace

bool CronSpec::matches_day(int y, unsigned m, unsigned d) const {
    if (dom_question) {
        int wd = aws_weekday(y, m, d);
        if (days_of_week.test(static_cast<size_t>(wd))) return true;
        for (int last : dow_last)
            if (last == wd && d + 7 > days_in(y, m)) return true;
        for (auto [dow, nth] : dow_nth)
            if (dow == wd && static_cast<int>((d - 1) / 7 + 1) == nth) return true;
        return false;
    }
    if (days_of_month.test(d)) return true;
    unsigned last = days_in(y, m);
    for (int before : dom_before_last)
        if (static_cast<int>(last) - before == static_cast<int>(d)) return true;
    if (dom_last_weekday && last_weekday(y, m) == d) return true;
    for (int n : dom_nearest_weekday)
        if (nearest_weekday(y, m, static_cast<unsigned>(n)) == d) return true;
    return false;
}

std::optional<TimePoint> next_after(const Schedule& schedule, TimePoint after, const TimeZone& zone) {
    if (schedule.is_rate()) return rate_next(schedule, after);
    return cron_next(schedule.cron(), after, zone);
}

std::optional<TimePoint> previous_before(const Schedule& schedule, TimePoint before, const TimeZone& zone) {
    if (schedule.is_rate()) {
        auto t = rate_previous(schedule, before);
        if (t < schedule.rate_anchor()) return std::nullopt;
        return t;
    }
    return cron_previous(schedule.cron(), before, zone);
}

std::vector<TimePoint> runs_between(const Schedule& schedule, TimePoint from, TimePoint to, const TimeZone& zone,
                                    size_t limit) {
    std::vector<TimePoint> out;
    TimePoint t = from;
    while (out.size() < limit) {
        auto next = next_after(schedule, t, zone);
        if (!next || *next > to) break;
        out.push_back(*next);
        t = *next;
    }
    return out;
}

Result<std::optional<TimePoint>> next_after(std::string_view expression, TimePoint after, std::string_view timezone) {
    auto schedule = Schedule::parse(expression);
    if (!schedule) return schedule.error();
    auto zone = locate_zone(timezone);
    if (!zone) return zone.error();
    return next_after(*schedule, after, **zone);
}

Result<std::optional<TimePoint>> previous_before(std::string_view expression, TimePoint before,
                                                 std::string_view timezone) {
    auto schedule = Schedule::parse(expression);
    if (!schedule) return schedule.error();
    auto zone = locate_zone(timezone);
    if (!zone) return zone.error();
    return previous_before(*schedule, before, **zone);
}

}  // namespace vd::health
