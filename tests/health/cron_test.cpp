#include <gtest/gtest.h>

#include "backend/core/time_format.hpp"
#include "backend/health/cron.hpp"

using namespace vd;
using namespace vd::health;

namespace {

// An instant from ISO 8601 text.
TimePoint at(const char* iso) {
    auto t = parse_time(iso);
    EXPECT_TRUE(t.has_value()) << iso;
    return t.value_or(TimePoint{});
}

// The next run after `from` as ISO text, or "never" / the error.
std::string next(const char* expr, const char* from, const char* zone = "") {
    auto r = next_after(expr, at(from), zone);
    if (!r) return "error: " + r.error().message;
    return *r ? format_iso8601(**r) : "never";
}

// The run before `from` as ISO text.
std::string previous(const char* expr, const char* from, const char* zone = "") {
    auto r = previous_before(expr, at(from), zone);
    if (!r) return "error: " + r.error().message;
    return *r ? format_iso8601(**r) : "never";
}

// The next `n` runs after `from`, as ISO text.
std::vector<std::string> runs(const char* expr, const char* from, size_t n, const char* zone = "") {
    auto s = Schedule::parse(expr);
    EXPECT_TRUE(s.ok()) << expr;
    auto z = locate_zone(zone);
    EXPECT_TRUE(z.ok()) << zone;
    std::vector<std::string> out;
    for (auto t : runs_between(*s, at(from), at("2199-01-01T00:00:00Z"), **z, n)) out.push_back(format_iso8601(t));
    return out;
}

// The parse error of an expression, or "" when it parses.
std::string parse_error(const char* expr) {
    auto s = Schedule::parse(expr);
    return s ? "" : s.error().message;
}

}  // namespace

struct KnownSchedule {
    const char* expression;
    const char* from;
    std::vector<std::string> expected;
};

class KnownSchedules : public ::testing::TestWithParam<KnownSchedule> {};

TEST_P(KnownSchedules, NextRunsMatchTheCalendar) {
    const auto& c = GetParam();
    EXPECT_EQ(runs(c.expression, c.from, c.expected.size()), c.expected) << c.expression;
}

// 2026-11-22 is a Sunday.
INSTANTIATE_TEST_SUITE_P(
    Table, KnownSchedules,
    ::testing::Values(
        KnownSchedule{"cron(0 5 ? * * *)", "2026-11-22T03:00:00Z",
                      {"2026-11-22T05:00:00Z", "2026-11-23T05:00:00Z", "2026-11-24T05:00:00Z"}},
        KnownSchedule{"cron(0 4 ? * SUN *)", "2026-11-22T03:00:00Z",
                      {"2026-11-22T04:00:00Z", "2026-11-29T04:00:00Z", "2026-12-06T04:00:00Z"}},
        KnownSchedule{"cron(0 5 1 * ? *)", "2026-11-22T03:00:00Z",
                      {"2026-12-01T05:00:00Z", "2027-01-01T05:00:00Z", "2027-02-01T05:00:00Z"}},
        KnownSchedule{"cron(0 12 L * ? *)", "2026-11-22T03:00:00Z",
                      {"2026-11-30T12:00:00Z", "2026-12-31T12:00:00Z", "2027-01-31T12:00:00Z", "2027-02-28T12:00:00Z"}},
        KnownSchedule{"cron(0 12 L 2 ? *)", "2027-03-01T00:00:00Z", {"2028-02-29T12:00:00Z", "2029-02-28T12:00:00Z"}},
        KnownSchedule{"cron(0 9 ? * 2#1 *)", "2026-11-22T03:00:00Z",
                      {"2026-12-07T09:00:00Z", "2027-01-04T09:00:00Z", "2027-02-01T09:00:00Z"}},
        KnownSchedule{"cron(0/15 * * * ? *)", "2026-11-22T03:07:30Z",
                      {"2026-11-22T03:15:00Z", "2026-11-22T03:30:00Z", "2026-11-22T03:45:00Z", "2026-11-22T04:00:00Z"}},
        KnownSchedule{"cron(0 3 * * ? *)", "2026-11-22T03:00:00Z", {"2026-11-23T03:00:00Z"}},
        KnownSchedule{"cron(*/20 1-5/2 ? * MON-FRI *)", "2026-11-22T00:00:00Z",
                      {"2026-11-23T01:00:00Z", "2026-11-23T01:20:00Z", "2026-11-23T01:40:00Z", "2026-11-23T03:00:00Z"}},
        KnownSchedule{"cron(0 22-1 ? * SAT *)", "2026-11-20T23:59:00Z",
                      {"2026-11-21T00:00:00Z", "2026-11-21T01:00:00Z", "2026-11-21T22:00:00Z", "2026-11-21T23:00:00Z"}},
        KnownSchedule{"cron(0 0 15W * ? *)", "2026-08-01T00:00:00Z",
                      {"2026-08-14T00:00:00Z", "2026-09-15T00:00:00Z", "2026-10-15T00:00:00Z", "2026-11-16T00:00:00Z"}},
        KnownSchedule{"cron(0 0 1W * ? *)", "2026-07-31T00:00:00Z", {"2026-08-03T00:00:00Z", "2026-09-01T00:00:00Z"}},
        KnownSchedule{"cron(0 0 LW * ? *)", "2027-01-01T00:00:00Z", {"2027-01-29T00:00:00Z", "2027-02-26T00:00:00Z"}},
        KnownSchedule{"cron(0 0 L-2 * ? *)", "2026-11-01T00:00:00Z", {"2026-11-28T00:00:00Z", "2026-12-29T00:00:00Z"}},
        KnownSchedule{"cron(0 18 ? * 6L *)", "2026-11-01T00:00:00Z", {"2026-11-27T18:00:00Z", "2026-12-25T18:00:00Z"}},
        KnownSchedule{"cron(0 8 ? * L *)", "2026-11-22T00:00:00Z", {"2026-11-28T08:00:00Z"}},
        KnownSchedule{"cron(0 6 1 JAN,JUL ? 2027-2028)", "2026-11-22T00:00:00Z",
                      {"2027-01-01T06:00:00Z", "2027-07-01T06:00:00Z", "2028-01-01T06:00:00Z", "2028-07-01T06:00:00Z"}},
        KnownSchedule{"rate(15 minutes)", "2026-11-22T03:07:30Z", {"2026-11-22T03:15:00Z", "2026-11-22T03:30:00Z"}},
        KnownSchedule{"rate(1 day)", "2026-11-22T03:07:30Z", {"2026-11-23T00:00:00Z"}}));

TEST(Cron, NextIsStrictlyAfterAndPreviousStrictlyBefore) {
    EXPECT_EQ(next("cron(0 5 ? * * *)", "2026-11-22T05:00:00Z"), "2026-11-23T05:00:00Z");
    EXPECT_EQ(previous("cron(0 5 ? * * *)", "2026-11-22T05:00:00Z"), "2026-11-21T05:00:00Z");
    EXPECT_EQ(previous("cron(0 5 ? * * *)", "2026-11-22T05:00:01Z"), "2026-11-22T05:00:00Z");
    EXPECT_EQ(previous("cron(0 4 ? * SUN *)", "2026-11-22T03:00:00Z"), "2026-11-15T04:00:00Z");
    EXPECT_EQ(previous("cron(0 5 1 * ? *)", "2026-11-22T03:00:00Z"), "2026-11-01T05:00:00Z");
    EXPECT_EQ(previous("cron(0 12 L * ? *)", "2026-11-22T03:00:00Z"), "2026-10-31T12:00:00Z");
    EXPECT_EQ(previous("cron(0 9 ? * 2#1 *)", "2026-11-22T03:00:00Z"), "2026-11-02T09:00:00Z");
    EXPECT_EQ(previous("cron(0/15 * * * ? *)", "2026-11-22T03:07:30Z"), "2026-11-22T03:00:00Z");
    EXPECT_EQ(previous("rate(15 minutes)", "2026-11-22T03:15:00Z"), "2026-11-22T03:00:00Z");
}

TEST(Cron, AYearFieldThatEndsMeansNoMoreRuns) {
    EXPECT_EQ(next("cron(0 6 1 1 ? 2020)", "2026-11-22T00:00:00Z"), "never");
    EXPECT_EQ(previous("cron(0 6 1 1 ? 2020)", "2026-11-22T00:00:00Z"), "2020-01-01T06:00:00Z");
    EXPECT_EQ(next("cron(0 0 30 2 ? *)", "2026-11-22T00:00:00Z"), "never");
}

// Europe/Berlin, 2026: clocks go 02:00 -> 03:00 on 29 March (01:00 UTC)
// and 03:00 -> 02:00 on 25 October (01:00 UTC).
TEST(CronTimeZone, BerlinSkipsTheMissingHourAndRunsARepeatedHourOnce) {
    const char* z = "Europe/Berlin";
    EXPECT_EQ(next("cron(30 2 * * ? *)", "2026-03-28T00:00:00Z", z), "2026-03-28T01:30:00Z");  // 02:30 CET
    // 29 March has no 02:30; the next run is 02:30 CEST on the 30th.
    EXPECT_EQ(next("cron(30 2 * * ? *)", "2026-03-28T01:30:00Z", z), "2026-03-30T00:30:00Z");
    EXPECT_EQ(previous("cron(30 2 * * ? *)", "2026-03-30T00:30:00Z", z), "2026-03-28T01:30:00Z");
    // 03:00 exists on both change days.
    EXPECT_EQ(next("cron(0 3 * * ? *)", "2026-03-28T12:00:00Z", z), "2026-03-29T01:00:00Z");
    EXPECT_EQ(next("cron(0 3 * * ? *)", "2026-10-24T12:00:00Z", z), "2026-10-25T02:00:00Z");
    // 25 October shows 02:30 twice: it runs at the first (CEST) and not again.
    EXPECT_EQ(next("cron(30 2 * * ? *)", "2026-10-24T12:00:00Z", z), "2026-10-25T00:30:00Z");
    EXPECT_EQ(next("cron(30 2 * * ? *)", "2026-10-25T00:30:00Z", z), "2026-10-26T01:30:00Z");
    EXPECT_EQ(previous("cron(30 2 * * ? *)", "2026-10-26T01:30:00Z", z), "2026-10-25T00:30:00Z");
}

// America/New_York, 2026: 02:00 -> 03:00 on 8 March (07:00 UTC),
// 02:00 -> 01:00 on 1 November (06:00 UTC).
TEST(CronTimeZone, NewYorkAcrossBothChanges) {
    const char* z = "America/New_York";
    EXPECT_EQ(next("cron(30 2 ? * SUN *)", "2026-03-01T12:00:00Z", z), "2026-03-15T06:30:00Z");
    EXPECT_EQ(next("cron(30 1 * * ? *)", "2026-10-31T12:00:00Z", z), "2026-11-01T05:30:00Z");
    EXPECT_EQ(next("cron(30 1 * * ? *)", "2026-11-01T05:30:00Z", z), "2026-11-02T06:30:00Z");
    EXPECT_EQ(next("cron(0 5 ? * * *)", "2026-07-01T00:00:00Z", z), "2026-07-01T09:00:00Z");
    EXPECT_EQ(next("cron(0 5 ? * * *)", "2026-12-01T00:00:00Z", z), "2026-12-01T10:00:00Z");
}

TEST(CronTimeZone, EveryQuarterHourKeepsGoingThroughTheChanges) {
    // Spring forward: 01:45 EST is followed by 03:00 EDT, 15 real minutes later.
    EXPECT_EQ(runs("cron(0/15 * * * ? *)", "2026-03-08T06:40:00Z", 2, "America/New_York"),
              (std::vector<std::string>{"2026-03-08T06:45:00Z", "2026-03-08T07:00:00Z"}));
    // Fall back: the repeated hour 01:00-01:59 runs once, so after 01:45 EDT
    // (05:45 UTC) the next run is 02:00 EST (07:00 UTC).
    EXPECT_EQ(runs("cron(0/15 * * * ? *)", "2026-11-01T05:40:00Z", 2, "America/New_York"),
              (std::vector<std::string>{"2026-11-01T05:45:00Z", "2026-11-01T07:00:00Z"}));
}

TEST(CronTimeZone, YearsPastTheListedTransitionsUseTheZoneRule) {
    EXPECT_EQ(next("cron(0 12 * * ? *)", "2040-07-01T00:00:00Z", "Europe/Berlin"), "2040-07-01T10:00:00Z");
    EXPECT_EQ(next("cron(0 12 * * ? *)", "2040-01-10T00:00:00Z", "Europe/Berlin"), "2040-01-10T11:00:00Z");
    EXPECT_EQ(next("cron(0 12 * * ? *)", "2060-07-01T00:00:00Z", "Australia/Sydney"), "2060-07-01T02:00:00Z");
    EXPECT_EQ(next("cron(0 12 * * ? *)", "2060-01-10T00:00:00Z", "Australia/Sydney"), "2060-01-10T01:00:00Z");
}

TEST(CronTimeZone, UnknownZonesAreErrors) {
    EXPECT_NE(next("cron(0 5 ? * * *)", "2026-11-22T00:00:00Z", "Mars/Olympus").find("unknown time zone"),
              std::string::npos);
    EXPECT_NE(next("cron(0 5 ? * * *)", "2026-11-22T00:00:00Z", "../etc/passwd").find("not a time zone"),
              std::string::npos);
}

TEST(CronParse, ErrorsSayWhatIsWrong) {
    EXPECT_EQ(parse_error("cron(0 5 ? * * *)"), "");
    EXPECT_NE(parse_error("cron(0 5 * * * *)").find("one of day-of-month and day-of-week must be '?'"), std::string::npos);
    EXPECT_NE(parse_error("cron(0 5 ? * ? *)").find("cannot both be '?'"), std::string::npos);
    EXPECT_NE(parse_error("cron(60 5 ? * * *)").find("minutes: 60 is out of range 0-59"), std::string::npos);
    EXPECT_NE(parse_error("cron(0 24 ? * * *)").find("hours: 24 is out of range 0-23"), std::string::npos);
    EXPECT_NE(parse_error("cron(0 5 ? * 8 *)").find("day-of-week: 8 is out of range 1-7"), std::string::npos);
    EXPECT_NE(parse_error("cron(0 5 ? FOO * *)").find("month: 'FOO' is not a valid value"), std::string::npos);
    EXPECT_NE(parse_error("cron(0 5 ? * 2#6 *)").find("1-5"), std::string::npos);
    EXPECT_NE(parse_error("cron(0/0 5 ? * * *)").find("not a valid step"), std::string::npos);
    EXPECT_NE(parse_error("cron(0 5 ? * *)").find("expected 6 fields"), std::string::npos);
    EXPECT_NE(parse_error("cron(0 ? ? * * *)").find("only allowed in day-of-month"), std::string::npos);
    EXPECT_NE(parse_error("cron(0 5 ? * * 2030-2020)").find("runs backwards"), std::string::npos);
    EXPECT_NE(parse_error("rate(0 minutes)").find("not a positive number"), std::string::npos);
    EXPECT_NE(parse_error("rate(5 weeks)").find("not minutes, hours or days"), std::string::npos);
    EXPECT_NE(parse_error("every day at 3").find("expected cron(...) or rate(...)"), std::string::npos);
    EXPECT_NE(parse_error("cron(0 5 ? * * *").find("expected cron(...)"), std::string::npos);
    EXPECT_NE(parse_error("cron(0 5 ? * * *)x").find("invalid schedule"), std::string::npos);
}

TEST(CronParse, NamesAreCaseInsensitiveAndMatchNumbers) {
    auto a = Schedule::parse("cron(0 5 ? jan-mar sun,Sat *)");
    auto b = Schedule::parse("cron(0 5 ? 1-3 1,7 *)");
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->cron().months, b->cron().months);
    EXPECT_EQ(a->cron().days_of_week, b->cron().days_of_week);
    EXPECT_EQ(a->cron().days_of_week.count(), 2u);
}

TEST(CronDescribe, ReadsLikeTheOperatorWouldSayIt) {
    auto d = [](const char* e, const char* z = "") {
        auto s = Schedule::parse(e);
        EXPECT_TRUE(s.ok()) << e;
        return s ? describe(*s, z) : std::string();
    };
    EXPECT_EQ(d("cron(0 3 * * ? *)"), "daily at 03:00 UTC");
    EXPECT_EQ(d("cron(0 5 ? * * *)"), "daily at 05:00 UTC");
    EXPECT_EQ(d("cron(0 4 ? * SUN *)"), "Sundays at 04:00 UTC");
    EXPECT_EQ(d("cron(0 5 1 * ? *)"), "1st of every month at 05:00 UTC");
    EXPECT_EQ(d("cron(0 12 L * ? *)"), "last day of every month at 12:00 UTC");
    EXPECT_EQ(d("cron(0 9 ? * 2#1 *)"), "first Monday of every month at 09:00 UTC");
    EXPECT_EQ(d("cron(0/15 * * * ? *)"), "every 15 minutes");
    EXPECT_EQ(d("cron(0 1 ? * MON-FRI *)", "Europe/Berlin"), "weekdays at 01:00 Europe/Berlin");
    EXPECT_EQ(d("cron(0 5 1 JAN ? *)"), "1st of January at 05:00 UTC");
    EXPECT_EQ(d("cron(30 * * * ? *)"), "every hour at :30");
    EXPECT_EQ(d("cron(0 3,15 * * ? *)"), "daily at 03:00 and 15:00 UTC");
    EXPECT_EQ(d("cron(0 */6 * * ? *)"), "daily at 00:00, 06:00, 12:00 and 18:00 UTC");
    EXPECT_EQ(d("cron(0 */3 * * ? *)"), "every 3 hours at :00 UTC");
    EXPECT_EQ(d("cron(0 */3 ? * SAT *)"), "Saturdays every 3 hours at :00 UTC");
    EXPECT_EQ(d("rate(15 minutes)"), "every 15 minutes");
    EXPECT_EQ(d("rate(1 hour)"), "every hour");
    EXPECT_EQ(d("rate(7 days)"), "every 7 days");
}

TEST(TimeZoneReader, PosixRulesGiveOffsets) {
    auto z = parse_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3");
    ASSERT_TRUE(z.ok());
    auto winter = (*z)->offset_at(static_cast<int64_t>(to_epoch_seconds(at("2026-01-15T12:00:00Z"))));
    auto summer = (*z)->offset_at(static_cast<int64_t>(to_epoch_seconds(at("2026-07-15T12:00:00Z"))));
    EXPECT_EQ(winter.utc_offset, 3600);
    EXPECT_EQ(winter.abbreviation, "CET");
    EXPECT_EQ(summer.utc_offset, 7200);
    EXPECT_TRUE(summer.dst);
    auto fixed = parse_posix_tz("<+0530>-5:30");
    ASSERT_TRUE(fixed.ok());
    EXPECT_EQ((*fixed)->offset_at(0).utc_offset, 19800);
    EXPECT_FALSE(parse_posix_tz("X").ok());
    EXPECT_FALSE(parse_tzif("bad", "not a tzif file").ok());
}
