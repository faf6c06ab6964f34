#include "backend/health/posix_tz.hpp"

#include <cctype>
#include <chrono>

#include <fmt/format.h>

namespace vd::health::detail {
namespace {

using namespace std::chrono;

// A cursor over the rule text with the small readers the grammar needs.
struct Reader {
    std::string_view text;
    size_t pos = 0;

    bool done() const { return pos >= text.size(); }
    char peek() const { return done() ? '\0' : text[pos]; }
    bool take(char c) {
        if (peek() != c) return false;
        ++pos;
        return true;
    }
    // Reads an unsigned decimal number; nullopt when none is there.
    std::optional<int> number() {
        size_t start = pos;
        int v = 0;
        while (!done() && std::isdigit(static_cast<unsigned char>(peek())) && pos - start < 6) {
            v = v * 10 + (text[pos] - '0');
            ++pos;
        }
        if (pos == start) return std::nullopt;
        return v;
    }
};

// Reads a zone abbreviation: three or more letters, or <...> quoted.
std::optional<std::string> read_name(Reader& r) {
    if (r.take('<')) {
        size_t start = r.pos;
        while (!r.done() && r.peek() != '>') ++r.pos;
        if (!r.take('>')) return std::nullopt;
        return std::string(r.text.substr(start, r.pos - 1 - start));
    }
    size_t start = r.pos;
    while (!r.done() && std::isalpha(static_cast<unsigned char>(r.peek()))) ++r.pos;
    if (r.pos - start < 3) return std::nullopt;
    return std::string(r.text.substr(start, r.pos - start));
}

// Reads [+-]hh[:mm[:ss]] as seconds; hours may go up to 167.
std::optional<int32_t> read_hms(Reader& r) {
    int sign = 1;
    if (r.take('-')) sign = -1;
    else r.take('+');
    auto h = r.number();
    if (!h || *h > 167) return std::nullopt;
    int32_t total = *h * 3600;
    if (r.take(':')) {
        auto m = r.number();
        if (!m || *m > 59) return std::nullopt;
        total += *m * 60;
        if (r.take(':')) {
            auto s = r.number();
            if (!s || *s > 59) return std::nullopt;
            total += *s;
        }
    }
    return sign * total;
}

// Reads Jn, n or Mm.w.d with an optional /time.
std::optional<PosixDate> read_date(Reader& r) {
    PosixDate d;
    if (r.take('J')) {
        auto n = r.number();
        if (!n || *n < 1 || *n > 365) return std::nullopt;
        d.form = PosixDate::Form::Julian1;
        d.day = *n;
    } else if (r.take('M')) {
        auto m = r.number();
        if (!m || *m < 1 || *m > 12 || !r.take('.')) return std::nullopt;
        auto w = r.number();
        if (!w || *w < 1 || *w > 5 || !r.take('.')) return std::nullopt;
        auto wd = r.number();
        if (!wd || *wd > 6) return std::nullopt;
        d.form = PosixDate::Form::MonthWeekDay;
        d.month = *m;
        d.week = *w;
        d.weekday = *wd;
    } else {
        auto n = r.number();
        if (!n || *n > 365) return std::nullopt;
        d.form = PosixDate::Form::Julian0;
        d.day = *n;
    }
    if (r.take('/')) {
        auto t = read_hms(r);
        if (!t) return std::nullopt;
        d.time = *t;
    }
    return d;
}

// Local seconds (since the local epoch) at which `d` falls in `year`.
int64_t local_seconds_of(const PosixDate& d, int y) {
    sys_days jan1 = sys_days(year{y} / January / 1);
    sys_days day;
    switch (d.form) {
    case PosixDate::Form::Julian1: {
        int n = d.day - 1;
        if (year{y}.is_leap() && d.day >= 60) n += 1;
        day = jan1 + days{n};
        break;
    }
    case PosixDate::Form::Julian0:
        day = jan1 + days{d.day};
        break;
    case PosixDate::Form::MonthWeekDay: {
        sys_days first = sys_days(year{y} / month{static_cast<unsigned>(d.month)} / 1);
        int first_wd = static_cast<int>(weekday{first}.c_encoding());
        int offset = (d.weekday - first_wd + 7) % 7 + (d.week - 1) * 7;
        auto month_days = static_cast<unsigned>((year{y} / month{static_cast<unsigned>(d.month)} / std::chrono::last).day());
        while (offset + 1 > static_cast<int>(month_days)) offset -= 7;
        day = first + days{offset};
        break;
    }
    }
    return static_cast<int64_t>(day.time_since_epoch().count()) * 86400 + d.time;
}

}  // namespace

Result<PosixRule> parse_posix_rule(std::string_view text) {
    auto bad = [&](const char* what) {
        return make_error(ErrorKind::Parse, fmt::format("time zone rule '{}': {}", text, what));
    };
    Reader r{text};
    PosixRule rule;
    auto std_name = read_name(r);
    if (!std_name) return bad("expected a zone abbreviation");
    auto std_off = read_hms(r);
    if (!std_off) return bad("expected an offset after the abbreviation");
    rule.std_name = *std_name;
    rule.std_offset = -*std_off;  // POSIX offsets count west of UTC
    if (r.done()) return rule;
    auto dst_name = read_name(r);
    if (!dst_name) return bad("expected a daylight-time abbreviation");
    rule.dst_name = *dst_name;
    rule.dst_offset = rule.std_offset + 3600;
    if (!r.done() && r.peek() != ',') {
        auto dst_off = read_hms(r);
        if (!dst_off) return bad("expected a daylight-time offset");
        rule.dst_offset = -*dst_off;
    }
    if (r.done()) {
        // No dates: the POSIX default (the US rule since 2007).
        rule.start = PosixDate{PosixDate::Form::MonthWeekDay, 0, 3, 2, 0, 7200};
        rule.end = PosixDate{PosixDate::Form::MonthWeekDay, 0, 11, 1, 0, 7200};
        return rule;
    }
    if (!r.take(',')) return bad("expected ',' before the start date");
    auto start = read_date(r);
    if (!start || !r.take(',')) return bad("expected start and end dates");
    auto end = read_date(r);
    if (!end || !r.done()) return bad("malformed end date");
    rule.start = *start;
    rule.end = *end;
    return rule;
}

ZoneOffset posix_offset_at(const PosixRule& rule, int64_t utc) {
    ZoneOffset standard{rule.std_offset, false, rule.std_name};
    if (!rule.dst_name) return standard;
    ZoneOffset daylight{rule.dst_offset, true, *rule.dst_name};
    int64_t local_std = utc + rule.std_offset;
    auto day = sys_days{days{local_std >= 0 ? local_std / 86400 : (local_std - 86399) / 86400}};
    int y = static_cast<int>(year_month_day{day}.year());
    // The start is given in standard time, the end in daylight time.
    int64_t start = local_seconds_of(rule.start, y) - rule.std_offset;
    int64_t end = local_seconds_of(rule.end, y) - rule.dst_offset;
    bool in_dst = start < end ? (utc >= start && utc < end) : !(utc >= end && utc < start);
    return in_dst ? daylight : standard;
}

}  // namespace vd::health::detail
