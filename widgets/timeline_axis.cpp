// Time axis ticks: the spacing that fits the width, aligned to calendar
// boundaries in UTC.
#include <ctime>

#include "widgets/timeline.hpp"
#include "widgets/text.hpp"

namespace vd::widgets {
namespace {

// A tick spacing and its label format.
struct Spacing {
    enum Unit { Hours, Days, Weeks, Months, Years } unit;
    int count;
    const char* format;  // strftime
    int label_width;
};

constexpr Spacing kSpacings[] = {
    {Spacing::Hours, 1, "%H:%M", 5},  {Spacing::Hours, 3, "%H:%M", 5},
    {Spacing::Hours, 6, "%H:%M", 5},  {Spacing::Hours, 12, "%H:%M", 5},
    {Spacing::Days, 1, "%b %d", 6},   {Spacing::Days, 2, "%b %d", 6},
    {Spacing::Weeks, 1, "%b %d", 6},  {Spacing::Months, 1, "%b", 3},
    {Spacing::Months, 3, "%b", 3},    {Spacing::Years, 1, "%Y", 4},
};

// The broken-down UTC time of a time point.
std::tm utc(TimePoint t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    return tm;
}

// The time point of a broken-down UTC time.
TimePoint from_utc(std::tm tm) {
    return std::chrono::system_clock::from_time_t(timegm(&tm));
}

// strftime into a string.
std::string format_tm(const std::tm& tm, const char* format) {
    char buf[32];
    const std::size_t n = std::strftime(buf, sizeof buf, format, &tm);
    return std::string(buf, n);
}

// The approximate length of one step of a spacing, in seconds.
double step_seconds(const Spacing& s) {
    switch (s.unit) {
    case Spacing::Hours: return 3600.0 * s.count;
    case Spacing::Days: return 86400.0 * s.count;
    case Spacing::Weeks: return 7 * 86400.0 * s.count;
    case Spacing::Months: return 30.44 * 86400.0 * s.count;
    case Spacing::Years: break;
    }
    return 365.25 * 86400.0 * s.count;
}

// The first tick at or after t.
TimePoint first_tick(TimePoint t, const Spacing& s) {
    using std::chrono::seconds;
    const long long secs = std::chrono::duration_cast<seconds>(t.time_since_epoch()).count();
    const auto ceil_to = [&](long long step, long long offset) {
        long long k = (secs - offset) / step;
        if (k * step + offset < secs) ++k;
        return TimePoint(seconds(k * step + offset));
    };
    switch (s.unit) {
    case Spacing::Hours: return ceil_to(3600LL * s.count, 0);
    case Spacing::Days: return ceil_to(86400LL * s.count, 0);
    case Spacing::Weeks: return ceil_to(7 * 86400LL, 4 * 86400LL);  // 1970-01-05 was a Monday
    case Spacing::Months:
    case Spacing::Years: break;
    }
    std::tm tm = utc(t);
    tm.tm_mday = 1;
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    if (s.unit == Spacing::Years) {
        tm.tm_mon = 0;
    } else {
        tm.tm_mon -= tm.tm_mon % s.count;
    }
    TimePoint p = from_utc(tm);
    while (p < t) {
        if (s.unit == Spacing::Years) tm.tm_year += s.count; else tm.tm_mon += s.count;
        p = from_utc(tm);
    }
    return p;
}

// The tick after `t` (itself a tick).
TimePoint next_tick(TimePoint t, const Spacing& s) {
    switch (s.unit) {
    case Spacing::Hours:
    case Spacing::Days:
    case Spacing::Weeks:
        return t + std::chrono::seconds(static_cast<long long>(step_seconds(s)));
    case Spacing::Months:
    case Spacing::Years: break;
    }
    std::tm tm = utc(t);
    if (s.unit == Spacing::Years) tm.tm_year += s.count; else tm.tm_mon += s.count;
    return from_utc(tm);
}

}  // namespace

std::vector<AxisTick> axis_ticks(TimePoint start, TimePoint end, int columns) {
    std::vector<AxisTick> ticks;
    if (columns <= 0 || end <= start) {
        return ticks;
    }
    const double span = std::chrono::duration<double>(end - start).count();
    const double per_column = span / columns;
    const Spacing* chosen = &kSpacings[std::size(kSpacings) - 1];
    for (const auto& s : kSpacings) {
        if (step_seconds(s) / per_column >= s.label_width + 2) {
            chosen = &s;
            break;
        }
    }
    for (TimePoint t = first_tick(start, *chosen); t < end; t = next_tick(t, *chosen)) {
        const std::tm tm = utc(t);
        // Midnight on an hourly axis shows the date instead of 00:00.
        const bool midnight = chosen->unit == Spacing::Hours && tm.tm_hour == 0 && tm.tm_min == 0;
        // January on a monthly axis shows the year.
        const bool january = chosen->unit == Spacing::Months && tm.tm_mon == 0;
        const char* format = midnight ? "%b %d" : january ? "%Y" : chosen->format;
        ticks.push_back({t, format_tm(tm, format)});
    }
    return ticks;
}

}  // namespace vd::widgets
