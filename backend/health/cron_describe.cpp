// Human descriptions of schedules: "daily at 03:00 UTC".
#include <array>

#include <fmt/format.h>

#include "backend/health/cron.hpp"

namespace vd::health {
namespace {

constexpr std::array<const char*, 8> kDayPlural = {"", "Sundays", "Mondays", "Tuesdays", "Wednesdays",
                                                    "Thursdays", "Fridays", "Saturdays"};
constexpr std::array<const char*, 8> kDaySingular = {"", "Sunday", "Monday", "Tuesday", "Wednesday",
                                                      "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 13> kMonthNames = {"", "January", "February", "March", "April", "May", "June",
                                                     "July", "August", "September", "October", "November", "December"};
constexpr std::array<const char*, 6> kNth = {"", "first", "second", "third", "fourth", "fifth"};

// "a", "a and b", "a, b and c".
std::string join_and(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

// 1st, 2nd, 3rd, 4th, 11th, 21st.
std::string ordinal(int n) {
    const char* suffix = "th";
    if (n % 100 < 11 || n % 100 > 13) {
        if (n % 10 == 1) suffix = "st";
        else if (n % 10 == 2) suffix = "nd";
        else if (n % 10 == 3) suffix = "rd";
    }
    return fmt::format("{}{}", n, suffix);
}

// The set bits of a bitset as numbers.
template <size_t N>
std::vector<int> values(const std::bitset<N>& b) {
    std::vector<int> out;
    for (size_t i = 0; i < N; ++i)
        if (b.test(i)) out.push_back(static_cast<int>(i));
    return out;
}

// The step when `v` is first, first+step, ... covering the whole field; 0 otherwise.
int even_step(const std::vector<int>& v, int field_size) {
    if (v.size() < 2 || v.front() != 0) return v.size() == static_cast<size_t>(field_size) ? 1 : 0;
    int step = v[1] - v[0];
    if (field_size % step != 0 || v.size() != static_cast<size_t>(field_size / step)) return 0;
    for (size_t i = 1; i < v.size(); ++i)
        if (v[i] - v[i - 1] != step) return 0;
    return step;
}

// The days the schedule runs on, and whether that is every day.
std::string day_part(const CronSpec& c, bool& daily) {
    std::vector<std::string> parts;
    bool all_months = c.months.count() == 12;
    daily = false;
    if (c.dom_question) {
        auto days = values(c.days_of_week);
        if (c.dow_every || days.size() == 7) daily = true;
        else if (days == std::vector<int>{2, 3, 4, 5, 6}) parts.push_back("weekdays");
        else if (days == std::vector<int>{1, 7}) parts.push_back("weekends");
        else {
            std::vector<std::string> names;
            for (int d : days) names.push_back(kDayPlural[static_cast<size_t>(d)]);
            if (!names.empty()) parts.push_back(join_and(names));
        }
        for (auto [d, n] : c.dow_nth)
            parts.push_back(fmt::format("{} {} of {}", kNth[static_cast<size_t>(n)], kDaySingular[static_cast<size_t>(d)],
                                        all_months ? "every month" : "the month"));
        for (int d : c.dow_last)
            parts.push_back(fmt::format("last {} of {}", kDaySingular[static_cast<size_t>(d)],
                                        all_months ? "every month" : "the month"));
    } else {
        auto days = values(c.days_of_month);
        if (c.dom_every || days.size() == 31) daily = true;
        else if (!days.empty()) {
            std::vector<std::string> names;
            for (int d : days) names.push_back(ordinal(d));
            parts.push_back(join_and(names));
        }
        for (int before : c.dom_before_last)
            parts.push_back(before == 0 ? "last day" : fmt::format("{} days before the last day", before));
        if (c.dom_last_weekday) parts.push_back("last weekday");
        for (int n : c.dom_nearest_weekday) parts.push_back(fmt::format("weekday nearest the {}", ordinal(n)));
        if (!daily && !parts.empty()) {
            std::string joined = join_and(parts);
            parts = {all_months ? joined + " of every month" : joined};
        }
    }
    std::string out = daily ? "daily" : join_and(parts);
    if (!all_months) {
        std::vector<std::string> names;
        for (int m : values(c.months)) names.push_back(kMonthNames[static_cast<size_t>(m)]);
        out += (daily || c.dom_question ? " in " : " of ") + join_and(names);
    }
    if (c.years.count() != c.years.size()) out += fmt::format(" in {}", c.fields[5]);
    return out;
}

// The rate as words: "every 15 minutes", "every hour".
std::string describe_rate(std::chrono::seconds rate) {
    int64_t s = rate.count();
    auto unit = [](int64_t n, const char* one) {
        return n == 1 ? fmt::format("every {}", one) : fmt::format("every {} {}s", n, one);
    };
    if (s % 86400 == 0) return unit(s / 86400, "day");
    if (s % 3600 == 0) return unit(s / 3600, "hour");
    return unit(s / 60, "minute");
}

}  // namespace

std::string describe(const Schedule& schedule, std::string_view timezone) {
    if (schedule.is_rate()) return describe_rate(schedule.rate());
    const CronSpec& c = schedule.cron();
    std::string zone = timezone.empty() ? "UTC" : std::string(timezone);
    bool daily = false;
    std::string days = day_part(c, daily);
    auto minutes = values(c.minutes);
    auto hours = values(c.hours);

    int minute_step = even_step(minutes, 60);
    if (hours.size() == 24 && minute_step > 0) {
        std::string every = minute_step == 1 ? "every minute" : fmt::format("every {} minutes", minute_step);
        return daily ? every : fmt::format("{} on {} ({})", every, days, zone);
    }
    if (hours.size() == 24 && minutes.size() == 1) {
        std::string every = fmt::format("every hour at :{:02}", minutes.front());
        return daily ? every : fmt::format("{} on {} ({})", every, days, zone);
    }
    if (hours.size() * minutes.size() <= 4) {
        std::vector<std::string> times;
        for (int h : hours)
            for (int m : minutes) times.push_back(fmt::format("{:02}:{:02}", h, m));
        return fmt::format("{} at {} {}", days, join_and(times), zone);
    }
    int hour_step = even_step(hours, 24);
    if (hour_step > 0 && minutes.size() == 1) {
        std::string every = fmt::format("every {} hours at :{:02} {}", hour_step, minutes.front(), zone);
        return daily ? every : fmt::format("{} {}", days, every);
    }
    return fmt::format("{} at minute {} of hour {} {}", days, c.fields[0], c.fields[1], zone);
}

}  // namespace vd::health
