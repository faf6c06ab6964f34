// Conversions between time points and the text forms AWS uses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "backend/core/clock.hpp"

namespace vd {

// 2026-11-22T03:00:00Z (ISO 8601, UTC, seconds).
std::string format_iso8601(TimePoint t);
// 2026-11-22T03:00:00.123Z (ISO 8601 with milliseconds, as RDS returns).
std::string format_iso8601_ms(TimePoint t);
// 20261122T030000Z (the SigV4 x-amz-date form).
std::string format_amz_date(TimePoint t);
// Sun, 22 Nov 2026 03:00:00 GMT (RFC 1123, the HTTP Date header).
std::string format_http_date(TimePoint t);
// Parses ISO 8601 (with or without fractions and offset), the amz-date form
// and RFC 1123; nullopt when the text is none of those.
std::optional<TimePoint> parse_time(std::string_view text);
// Epoch seconds with fractions, as rest-json timestamps arrive; a value a
// TimePoint cannot hold is clamped (see clamp_epoch_seconds).
TimePoint from_epoch_seconds(double seconds);
// Epoch seconds clamped to what a TimePoint holds (nanoseconds in 64 bits:
// the years 1678 to 2261); NaN becomes 0. Dates from a server or a file pass
// through here, so a year like 4062 is never undefined behaviour.
double clamp_epoch_seconds(double seconds);
double to_epoch_seconds(TimePoint t);

}  // namespace vd
