// The simulator's AWS cron evaluator: the schedules the seed documents use,
// the special forms, time zones, and refusals.
#include <gtest/gtest.h>

#include "backend/core/time_format.hpp"
#include "backend/sim/cron.hpp"

namespace vd::sim {
namespace {

TimePoint at(const char* iso) { return *parse_time(iso); }

std::string next(const char* cron, const char* after, const char* tz = "") {
    auto c = parse_cron(cron, tz);
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
    if (!c) return "";
    auto t = c->next_after(at(after));
    return t ? format_iso8601(*t) : "none";
}

TEST(Cron, DailyAtThreeUtc) {
    EXPECT_EQ(next("cron(0 3 * * ? *)", "2026-11-22T10:17:00Z"), "2026-11-23T03:00:00Z");
    EXPECT_EQ(next("cron(0 3 * * ? *)", "2026-11-22T02:59:59Z"), "2026-11-22T03:00:00Z");
    // Strictly after: a run exactly at t is not the next one.
    EXPECT_EQ(next("cron(0 3 * * ? *)", "2026-11-22T03:00:00Z"), "2026-11-23T03:00:00Z");
}

TEST(Cron, WeeklyOnSunday) {
    // 2026-11-22 is a Sunday.
    EXPECT_EQ(next("cron(0 4 ? * SUN *)", "2026-11-22T04:00:00Z"), "2026-11-29T04:00:00Z");
    EXPECT_EQ(next("cron(0 4 ? * 1 *)", "2026-11-20T00:00:00Z"), "2026-11-22T04:00:00Z");
}

TEST(Cron, MonthlyOnTheFirst) {
    EXPECT_EQ(next("cron(0 5 1 * ? *)", "2026-11-22T10:17:00Z"), "2026-12-01T05:00:00Z");
    EXPECT_EQ(next("cron(0 5 1 * ? *)", "2026-12-31T23:00:00Z"), "2027-01-01T05:00:00Z");
}

TEST(Cron, LastDayNthWeekdayListsRangesAndSteps) {
    EXPECT_EQ(next("cron(0 0 L * ? *)", "2027-02-01T00:00:00Z"), "2027-02-28T00:00:00Z");
    EXPECT_EQ(next("cron(0 6 ? * MON#1 *)", "2026-11-22T00:00:00Z"), "2026-12-07T06:00:00Z");
    EXPECT_EQ(next("cron(0 6 ? * 6L *)", "2026-11-01T00:00:00Z"), "2026-11-27T06:00:00Z");
    EXPECT_EQ(next("cron(15,45 9-10 * * ? *)", "2026-11-22T09:20:00Z"), "2026-11-22T09:45:00Z");
    EXPECT_EQ(next("cron(0/20 * * * ? *)", "2026-11-22T09:41:00Z"), "2026-11-22T10:00:00Z");
    EXPECT_EQ(next("cron(0 12 ? JAN-MAR MON-FRI 2027)", "2026-06-01T00:00:00Z"), "2027-01-01T12:00:00Z");
}

TEST(Cron, TimeZoneShiftsTheRun) {
    // 03:00 in New York is 08:00 UTC in winter and 07:00 UTC in summer.
    EXPECT_EQ(next("cron(0 3 * * ? *)", "2026-11-22T10:17:00Z", "America/New_York"), "2026-11-23T08:00:00Z");
    EXPECT_EQ(next("cron(0 3 * * ? *)", "2026-07-01T10:17:00Z", "America/New_York"), "2026-07-02T07:00:00Z");
    EXPECT_EQ(next("cron(0 3 * * ? *)", "2026-11-22T10:17:00Z", "Etc/UTC"), "2026-11-23T03:00:00Z");
}

TEST(Cron, PreviousRun) {
    auto c = parse_cron("cron(0 3 * * ? *)");
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(format_iso8601(*c->previous_at_or_before(at("2026-11-22T10:17:00Z"))), "2026-11-22T03:00:00Z");
    EXPECT_EQ(format_iso8601(*c->previous_at_or_before(at("2026-11-22T03:00:00Z"))), "2026-11-22T03:00:00Z");
}

TEST(Cron, RefusesWhatAwsRefuses) {
    EXPECT_FALSE(parse_cron("cron(0 3 * * *)").ok());          // five fields
    EXPECT_FALSE(parse_cron("cron(0 3 * * * *)").ok());        // both day fields '*'
    EXPECT_FALSE(parse_cron("cron(0 3 1 * MON *)").ok());      // neither day field '?'
    EXPECT_FALSE(parse_cron("cron(61 3 * * ? *)").ok());       // minute out of range
    EXPECT_FALSE(parse_cron("cron(0 3 * FOO ? *)").ok());      // unknown month name
    EXPECT_FALSE(parse_cron("cron(0 3 * * ? *)", "Mars/Olympus").ok());
    EXPECT_FALSE(parse_cron("cron(0 3 * * ? *)", "../../etc/passwd").ok());
}

}  // namespace
}  // namespace vd::sim
