#include "backend/sim/cron.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <sstream>
#include <vector>

namespace vd::sim {
namespace {

using namespace std::chrono;

const char* kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char* kDayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

Error cron_error(std::string_view expression, const std::string& why) {
    return make_error(ErrorKind::InvalidInput, "invalid cron expression '" + std::string(expression) + "': " + why);
}

// A number or a name (JAN, SUN) as a field value; -1 when neither.
int field_value(std::string_view token, const char* const* names, int name_count, int name_base) {
    if (token.empty()) return -1;
    if (std::all_of(token.begin(), token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        return token.size() > 4 ? -1 : std::stoi(std::string(token));
    }
    std::string upper(token);
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (int i = 0; names != nullptr && i < name_count; ++i) {
        if (upper == names[i]) return i + name_base;
    }
    return -1;
}

// Fills bits lo..hi of a field from its text: *, lists, ranges, increments.
bool parse_field(std::string_view text, int lo, int hi, const char* const* names, int name_count, int name_base,
                 std::vector<bool>& bits) {
    bits.assign(static_cast<size_t>(hi + 1), false);
    std::stringstream parts{std::string(text)};
    std::string part;
    while (std::getline(parts, part, ',')) {
        std::string_view p = part;
        int step = 1;
        if (auto slash = p.find('/'); slash != std::string_view::npos) {
            step = field_value(p.substr(slash + 1), nullptr, 0, 0);
            if (step <= 0) return false;
            p = p.substr(0, slash);
        }
        int from = lo, to = hi;
        if (p != "*") {
            if (auto dash = p.find('-'); dash != std::string_view::npos) {
                from = field_value(p.substr(0, dash), names, name_count, name_base);
                to = field_value(p.substr(dash + 1), names, name_count, name_base);
            } else {
                from = field_value(p, names, name_count, name_base);
                to = part.find('/') != std::string::npos ? hi : from;
            }
        }
        if (from < lo || to > hi || from > to) return false;
        for (int v = from; v <= to; v += step) bits[static_cast<size_t>(v)] = true;
    }
    return true;
}

// Copies a parsed bit vector into a bitset.
template <size_t N>
void copy_bits(const std::vector<bool>& v, std::bitset<N>& out) {
    for (size_t i = 0; i < N && i < v.size(); ++i) out[i] = v[i];
}

// Whether a calendar day matches the day-of-month, month, day-of-week and year fields.
bool day_matches(const CronSchedule& c, year_month_day ymd) {
    int y = static_cast<int>(ymd.year());
    unsigned m = static_cast<unsigned>(ymd.month());
    unsigned d = static_cast<unsigned>(ymd.day());
    if (y < c.year_from || y > c.year_to || !c.months[m]) return false;
    unsigned last = static_cast<unsigned>(year_month_day_last(ymd.year(), month_day_last(ymd.month())).day());
    if (!c.any_day_of_month) {
        bool dom = c.last_day_of_month ? d == last : c.days_of_month[d];
        if (!dom) return false;
    }
    if (!c.any_day_of_week) {
        unsigned wd = weekday(sys_days(ymd)).c_encoding() + 1;  // SUN = 1
        if (!c.days_of_week[wd]) return false;
        if (c.nth_weekday > 0 && (d - 1) / 7 + 1 != static_cast<unsigned>(c.nth_weekday)) return false;
        if (c.last_weekday && d + 7 <= last) return false;
    }
    return true;
}

}  // namespace

Result<CronSchedule> parse_cron(std::string_view expression, std::string_view timezone) {
    std::string_view body = expression;
    if (body.substr(0, 5) == "cron(" && body.back() == ')') body = body.substr(5, body.size() - 6);
    std::stringstream in{std::string(body)};
    std::vector<std::string> f;
    for (std::string tok; in >> tok;) f.push_back(tok);
    if (f.size() != 6) return cron_error(expression, "expected 6 fields (minutes hours day-of-month month day-of-week year)");
    CronSchedule c;
    std::vector<bool> bits;
    if (!parse_field(f[0], 0, 59, nullptr, 0, 0, bits)) return cron_error(expression, "bad minutes field");
    copy_bits(bits, c.minutes);
    if (!parse_field(f[1], 0, 23, nullptr, 0, 0, bits)) return cron_error(expression, "bad hours field");
    copy_bits(bits, c.hours);
    if (f[2] == "?" || f[2] == "*") {
        c.any_day_of_month = true;
    } else if (f[2] == "L") {
        c.last_day_of_month = true;
    } else {
        if (!parse_field(f[2], 1, 31, nullptr, 0, 0, bits)) return cron_error(expression, "bad day-of-month field");
        copy_bits(bits, c.days_of_month);
    }
    if (!parse_field(f[3], 1, 12, kMonthNames, 12, 1, bits)) return cron_error(expression, "bad month field");
    copy_bits(bits, c.months);
    std::string dow = f[4];
    if (dow == "?" || dow == "*") {
        c.any_day_of_week = true;
    } else {
        if (auto hash = dow.find('#'); hash != std::string::npos) {
            c.nth_weekday = field_value(std::string_view(dow).substr(hash + 1), nullptr, 0, 0);
            if (c.nth_weekday < 1 || c.nth_weekday > 5) return cron_error(expression, "bad '#' in day-of-week");
            dow = dow.substr(0, hash);
        } else if (dow.size() > 1 && dow.back() == 'L') {
            c.last_weekday = true;
            dow.pop_back();
        }
        if (!parse_field(dow, 1, 7, kDayNames, 7, 1, bits)) return cron_error(expression, "bad day-of-week field");
        copy_bits(bits, c.days_of_week);
    }
    if (!c.any_day_of_month && !c.any_day_of_week) return cron_error(expression, "day-of-month or day-of-week must be '?'");
    if (f[2] == "*" && f[4] == "*") return cron_error(expression, "day-of-month or day-of-week must be '?'");
    if (f[5] != "*") {
        if (!parse_field(f[5], 1970, 2199, nullptr, 0, 0, bits)) return cron_error(expression, "bad year field");
        auto first = std::find(bits.begin(), bits.end(), true);
        auto last = std::find(bits.rbegin(), bits.rend(), true);
        c.year_from = static_cast<int>(first - bits.begin());
        c.year_to = static_cast<int>(bits.rend() - last - 1);
    }
    auto zone = load_time_zone(timezone);
    if (!zone) return zone.error();
    c.zone = *zone;
    return c;
}

std::optional<TimePoint> CronSchedule::next_after(TimePoint t) const {
    auto local_now = floor<seconds>(t + zone.offset_at(t));
    sys_days day = floor<days>(local_now);
    for (int i = 0; i < 3700; ++i, day += days(1)) {
        if (!day_matches(*this, year_month_day(day))) continue;
        for (int h = 0; h < 24; ++h) {
            if (!hours[h]) continue;
            for (int m = 0; m < 60; ++m) {
                if (!minutes[m]) continue;
                TimePoint run = zone.to_utc(day + std::chrono::hours(h) + std::chrono::minutes(m));
                if (run > t) return run;
            }
        }
    }
    return std::nullopt;
}

std::optional<TimePoint> CronSchedule::previous_at_or_before(TimePoint t) const {
    auto local_now = floor<seconds>(t + zone.offset_at(t));
    sys_days day = floor<days>(local_now);
    for (int i = 0; i < 3700; ++i, day -= days(1)) {
        if (!day_matches(*this, year_month_day(day))) continue;
        for (int h = 23; h >= 0; --h) {
            if (!hours[h]) continue;
            for (int m = 59; m >= 0; --m) {
                if (!minutes[m]) continue;
                TimePoint run = zone.to_utc(day + std::chrono::hours(h) + std::chrono::minutes(m));
                if (run <= t) return run;
            }
        }
    }
    return std::nullopt;
}

}  // namespace vd::sim
