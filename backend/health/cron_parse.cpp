// Parsing of AWS schedule expressions into Schedule / CronSpec.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "backend/health/cron.hpp"

namespace vd::health {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                           "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<std::string_view, 7> kDayNames = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

// What one field accepts.
struct FieldInfo {
    const char* name;
    int min;
    int max;
    bool cyclic;  // ranges may wrap (FRI-MON, 22-2)
    const std::string_view* names = nullptr;  // names[0] is the value `min`
    size_t name_count = 0;
};

constexpr FieldInfo kMinutes{"minutes", 0, 59, true};
constexpr FieldInfo kHours{"hours", 0, 23, true};
constexpr FieldInfo kDayOfMonth{"day-of-month", 1, 31, true};
constexpr FieldInfo kMonth{"month", 1, 12, true, kMonthNames.data(), kMonthNames.size()};
constexpr FieldInfo kDayOfWeek{"day-of-week", 1, 7, true, kDayNames.data(), kDayNames.size()};
constexpr FieldInfo kYear{"year", kCronFirstYear, kCronLastYear, false};

// Upper-cases ASCII text.
std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// Parses a whole string as a non-negative decimal number.
std::optional<int> to_int(std::string_view s) {
    if (s.empty() || s.size() > 6) return std::nullopt;
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}

Error field_error(const FieldInfo& f, const std::string& message) {
    return make_error(ErrorKind::InvalidInput, fmt::format("{}: {}", f.name, message));
}

// A number or a name of this field, checked against its range.
Result<int> parse_value(std::string_view token, const FieldInfo& f) {
    std::optional<int> v = to_int(token);
    if (!v && f.names) {
        auto u = upper(token);
        for (size_t i = 0; i < f.name_count; ++i)
            if (f.names[i] == u) v = f.min + static_cast<int>(i);
    }
    if (!v) return field_error(f, fmt::format("'{}' is not a valid value", token));
    if (*v < f.min || *v > f.max) return field_error(f, fmt::format("{} is out of range {}-{}", *v, f.min, f.max));
    return *v;
}

// Expands one list item (`*`, `a`, `a-b`, with an optional `/step`) into `out`,
// where out[v - offset] is set for each value v.
template <size_t N>
Status expand_item(std::string_view item, const FieldInfo& f, std::bitset<N>& out, int offset) {
    std::string_view base = item;
    int step = 1;
    bool has_step = false;
    if (auto slash = item.find('/'); slash != std::string_view::npos) {
        base = item.substr(0, slash);
        auto s = to_int(item.substr(slash + 1));
        if (!s || *s == 0) return field_error(f, fmt::format("'{}' is not a valid step", item.substr(slash + 1)));
        if (*s > f.max - f.min + 1) return field_error(f, fmt::format("step {} is larger than the field", *s));
        step = *s;
        has_step = true;
    }
    int first = f.min;
    int last = f.max;
    if (base != "*") {
        auto dash = base.find('-');
        auto a = parse_value(base.substr(0, dash), f);
        if (!a) return a.error();
        first = *a;
        if (dash != std::string_view::npos) {
            auto b = parse_value(base.substr(dash + 1), f);
            if (!b) return b.error();
            last = *b;
        } else {
            last = has_step ? f.max : first;
        }
    }
    if (first > last && !f.cyclic) return field_error(f, fmt::format("range '{}' runs backwards", base));
    int span = first <= last ? last - first + 1 : (f.max - first + 1) + (last - f.min + 1);
    for (int k = 0; k < span; k += step) {
        int v = first + k;
        if (v > f.max) v -= f.max - f.min + 1;
        out.set(static_cast<size_t>(v - offset));
    }
    return ok_status();
}

// Splits a field into its comma-separated items.
std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (true) {
        auto pos = text.find(sep, start);
        out.push_back(text.substr(start, pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

// Parses a plain field (minutes, hours, month, year).
template <size_t N>
Status parse_plain(std::string_view text, const FieldInfo& f, std::bitset<N>& out, int offset) {
    if (text == "?") return field_error(f, "'?' is only allowed in day-of-month and day-of-week");
    for (auto item : split(text, ',')) {
        if (item.empty()) return field_error(f, "empty list item");
        if (auto st = expand_item(item, f, out, offset); !st) return st;
    }
    return ok_status();
}

// Parses the day-of-month field with L, L-n, LW and nW.
Status parse_day_of_month(std::string_view text, CronSpec& spec) {
    const FieldInfo& f = kDayOfMonth;
    if (text == "?") return spec.dom_question = true, ok_status();
    if (text == "*") spec.dom_every = true;
    for (auto item : split(text, ',')) {
        auto u = upper(item);
        if (u == "L") {
            spec.dom_before_last.push_back(0);
        } else if (u == "LW") {
            spec.dom_last_weekday = true;
        } else if (u.size() > 2 && u.rfind("L-", 0) == 0) {
            auto n = to_int(std::string_view(u).substr(2));
            if (!n || *n > 30) return field_error(f, fmt::format("'{}' needs L-1 to L-30", item));
            spec.dom_before_last.push_back(*n);
        } else if (u.size() > 1 && u.back() == 'W') {
            auto n = parse_value(std::string_view(u).substr(0, u.size() - 1), f);
            if (!n) return field_error(f, fmt::format("'{}': W needs a single day before it (15W)", item));
            spec.dom_nearest_weekday.push_back(*n);
        } else if (item.empty()) {
            return field_error(f, "empty list item");
        } else if (auto st = expand_item(item, f, spec.days_of_month, 0); !st) {
            return st;
        }
    }
    return ok_status();
}

// Parses the day-of-week field with L, nL and n#k.
Status parse_day_of_week(std::string_view text, CronSpec& spec) {
    const FieldInfo& f = kDayOfWeek;
    if (text == "?") return spec.dow_question = true, ok_status();
    if (text == "*") spec.dow_every = true;
    for (auto item : split(text, ',')) {
        auto u = upper(item);
        if (u == "L") {
            spec.days_of_week.set(7);
        } else if (auto hash = u.find('#'); hash != std::string::npos) {
            auto d = parse_value(std::string_view(u).substr(0, hash), f);
            if (!d) return d.error();
            auto n = to_int(std::string_view(u).substr(hash + 1));
            if (!n || *n < 1 || *n > 5) return field_error(f, fmt::format("'{}': the week after # must be 1-5", item));
            spec.dow_nth.emplace_back(*d, *n);
        } else if (u.size() > 1 && u.back() == 'L') {
            auto d = parse_value(std::string_view(u).substr(0, u.size() - 1), f);
            if (!d) return d.error();
            spec.dow_last.push_back(*d);
        } else if (item.empty()) {
            return field_error(f, "empty list item");
        } else if (auto st = expand_item(item, f, spec.days_of_week, 0); !st) {
            return st;
        }
    }
    return ok_status();
}

// Parses "N minutes|hours|days" into a duration.
Result<std::chrono::seconds> parse_rate(std::string_view body) {
    auto parts = split(body, ' ');
    parts.erase(std::remove(parts.begin(), parts.end(), std::string_view{}), parts.end());
    if (parts.size() != 2) return make_error(ErrorKind::InvalidInput, "expected 'rate(N minutes|hours|days)'");
    auto n = to_int(parts[0]);
    if (!n || *n == 0) return make_error(ErrorKind::InvalidInput, fmt::format("'{}' is not a positive number", parts[0]));
    auto unit = upper(parts[1]);
    int64_t seconds = 0;
    if (unit == "MINUTE" || unit == "MINUTES") seconds = 60;
    else if (unit == "HOUR" || unit == "HOURS") seconds = 3600;
    else if (unit == "DAY" || unit == "DAYS") seconds = 86400;
    else return make_error(ErrorKind::InvalidInput, fmt::format("'{}' is not minutes, hours or days", parts[1]));
    return std::chrono::seconds(seconds * *n);
}

}  // namespace

Result<CronSpec> parse_cron_fields(std::string_view text) {
    auto raw = split(text, ' ');
    std::vector<std::string_view> fields;
    for (auto f : raw)
        if (!f.empty()) fields.push_back(f);
    if (fields.size() != 6)
        return make_error(ErrorKind::InvalidInput,
                          fmt::format("expected 6 fields (minutes hours day-of-month month day-of-week year), got {}",
                                      fields.size()));
    CronSpec spec;
    for (auto f : fields) spec.fields.emplace_back(f);
    if (auto st = parse_plain(fields[0], kMinutes, spec.minutes, 0); !st) return st.error();
    if (auto st = parse_plain(fields[1], kHours, spec.hours, 0); !st) return st.error();
    if (auto st = parse_day_of_month(fields[2], spec); !st) return st.error();
    if (auto st = parse_plain(fields[3], kMonth, spec.months, 0); !st) return st.error();
    if (auto st = parse_day_of_week(fields[4], spec); !st) return st.error();
    if (auto st = parse_plain(fields[5], kYear, spec.years, kCronFirstYear); !st) return st.error();
    if (spec.dom_question == spec.dow_question)
        return make_error(ErrorKind::InvalidInput,
                          spec.dom_question ? "day-of-month and day-of-week cannot both be '?'"
                                            : "one of day-of-month and day-of-week must be '?'");
    return spec;
}

Result<Schedule> Schedule::parse(std::string_view expression) {
    std::string_view e = expression;
    while (!e.empty() && std::isspace(static_cast<unsigned char>(e.front()))) e.remove_prefix(1);
    while (!e.empty() && std::isspace(static_cast<unsigned char>(e.back()))) e.remove_suffix(1);
    auto wrap = [&](const Error& err) {
        return make_error(ErrorKind::InvalidInput, fmt::format("invalid schedule '{}': {}", e, err.message));
    };
    Schedule s;
    s.expression_ = std::string(e);
    auto body_of = [&](std::string_view prefix) -> std::optional<std::string_view> {
        if (e.size() < prefix.size() + 1 || upper(e.substr(0, prefix.size())) != upper(prefix) || e.back() != ')')
            return std::nullopt;
        return e.substr(prefix.size(), e.size() - prefix.size() - 1);
    };
    if (auto body = body_of("cron(")) {
        auto spec = parse_cron_fields(*body);
        if (!spec) return wrap(spec.error());
        s.cron_ = std::move(*spec);
        return s;
    }
    if (auto body = body_of("rate(")) {
        auto rate = parse_rate(*body);
        if (!rate) return wrap(rate.error());
        s.rate_ = *rate;
        return s;
    }
    return make_error(ErrorKind::InvalidInput,
                      fmt::format("invalid schedule '{}': expected cron(...) or rate(...)", e));
}

}  // namespace vd::health
