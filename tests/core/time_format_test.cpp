#include <cmath>

#include <gtest/gtest.h>

#include "backend/core/result.hpp"
#include "backend/core/time_format.hpp"

using namespace vd;

TEST(TimeFormat, RoundTripsIso8601) {
    auto t = parse_time("2026-11-22T03:00:05Z");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(format_iso8601(*t), "2026-11-22T03:00:05Z");
    EXPECT_EQ(format_amz_date(*t), "20261122T030005Z");
    EXPECT_EQ(format_http_date(*t), "Sun, 22 Nov 2026 03:00:05 GMT");
}

TEST(TimeFormat, ParsesFractionsOffsetsAndHttpDates) {
    auto a = parse_time("2026-11-22T03:00:05.250Z");
    auto b = parse_time("2026-11-22T04:00:05.250+01:00");
    auto c = parse_time("Sun, 22 Nov 2026 03:00:05 GMT");
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(*a, *b);
    EXPECT_EQ(format_iso8601_ms(*a), "2026-11-22T03:00:05.250Z");
    EXPECT_EQ(std::chrono::floor<std::chrono::seconds>(*a), *c);
}

TEST(TimeFormat, RejectsGarbage) {
    EXPECT_FALSE(parse_time("yesterday").has_value());
    EXPECT_FALSE(parse_time("2026-11-22T03:00:05Zjunk").has_value());
}

// Found by fuzz_credential_process, fuzz_sso_token and fuzz_rds_xml: a year
// outside what a TimePoint holds overflowed the nanosecond count.
TEST(TimeFormat, RefusesYearsATimePointCannotHold) {
    EXPECT_FALSE(parse_time("1015-01-01T00:00:00Z").has_value());
    EXPECT_FALSE(parse_time("2745-01-01T00:00:00Z").has_value());
    EXPECT_FALSE(parse_time("4062-01-01T00:00:00Z").has_value());
    EXPECT_TRUE(parse_time("2261-01-01T00:00:00Z").has_value());
    EXPECT_TRUE(parse_time("1700-01-01T00:00:00Z").has_value());
}

// Found by fuzz_backup_json: rest-json epoch seconds of 1.76e25.
TEST(TimeFormat, EpochSecondsOutOfRangeAreClamped) {
    EXPECT_DOUBLE_EQ(to_epoch_seconds(from_epoch_seconds(1.76369e25)), 9.2e9);
    EXPECT_DOUBLE_EQ(to_epoch_seconds(from_epoch_seconds(-1e300)), -9.2e9);
    EXPECT_DOUBLE_EQ(to_epoch_seconds(from_epoch_seconds(std::nan(""))), 0.0);
}

TEST(TimeFormat, EpochSecondsKeepFractions) {
    auto t = from_epoch_seconds(1795316405.5);
    EXPECT_DOUBLE_EQ(to_epoch_seconds(t), 1795316405.5);
}

TEST(ErrorText, IncludesStatusAndRequestId) {
    Error e = make_error(ErrorKind::Aws, "vault not found", "ResourceNotFoundException");
    e.http_status = 400;
    e.request_id = "abc";
    EXPECT_EQ(e.to_string(), "ResourceNotFoundException: vault not found (HTTP 400, request id abc)");
}
