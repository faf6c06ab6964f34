// Time zones from the system tz database, for evaluating schedule
// expressions in their ScheduleExpressionTimezone. libstdc++ 12 has no
// std::chrono::locate_zone, so this reads the TZif files under $TZDIR (or
// /usr/share/zoneinfo) itself, including the POSIX TZ footer that describes
// the rule after the last listed transition. Loaded zones are immutable and
// cached, so any thread may use them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/result.hpp"

namespace vd::health {

// The offset from UTC in effect at one instant.
struct ZoneOffset {
    int32_t utc_offset = 0;    // seconds east of UTC (CEST: 7200)
    bool dst = false;
    std::string abbreviation;  // CEST, EST, UTC
};

// A named time zone: which offset applies at each instant.
class TimeZone {
public:
    virtual ~TimeZone() = default;
    // The IANA name ("Europe/Berlin") or the POSIX rule it was built from.
    virtual const std::string& name() const = 0;
    // The offset in effect at `utc` (seconds since the Unix epoch).
    virtual ZoneOffset offset_at(int64_t utc) const = 0;
    // The instants (seconds since the epoch, ascending) at which the wall
    // clock shows `local` (local seconds since the local epoch): none when
    // the clock skips it, two when the clock repeats it.
    std::vector<int64_t> resolve(int64_t local) const;
};

using TimeZonePtr = std::shared_ptr<const TimeZone>;

// Coordinated Universal Time.
TimeZonePtr utc_zone();
// A zone from a POSIX TZ rule such as "CET-1CEST,M3.5.0,M10.5.0/3".
Result<TimeZonePtr> parse_posix_tz(std::string_view rule);
// A zone from the bytes of a TZif file (RFC 8536, versions 1 to 4).
Result<TimeZonePtr> parse_tzif(std::string name, std::string_view bytes);
// The zone with this IANA name from the system tz database ("UTC" and an
// empty name are UTC); cached after the first load.
Result<TimeZonePtr> locate_zone(std::string_view name);

}  // namespace vd::health
