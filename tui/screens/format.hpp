// How screens write times, states and sizes, so every screen says the same
// thing the same way. Times are UTC, as AWS schedules are.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "backend/core/clock.hpp"
#include "backend/health/finding.hpp"
#include "widgets/style.hpp"

namespace vd::tui {

// "11-22 03:00" (month-day hour:minute, UTC); "-" when unknown.
std::string short_time(const std::optional<TimePoint>& t);
// "2026-11-22 03:00 UTC"; "-" when unknown.
std::string full_time(const std::optional<TimePoint>& t);
// "2026-11-22"; "-" when unknown.
std::string day_of(const std::optional<TimePoint>& t);
// "in 3 h 12 min", "5 min ago"; "-" when unknown.
std::string relative(const std::optional<TimePoint>& t, TimePoint now);
// "12 min" between two times, or since `start` until now while running.
std::string elapsed(const std::optional<TimePoint>& start, const std::optional<TimePoint>& end, TimePoint now);

// The role a job or recovery point state is drawn in (COMPLETED ok,
// FAILED failed, RUNNING info, EXPIRED/ABORTED warning...).
widgets::Role state_role(std::string_view state);
// The role of a finding severity.
widgets::Role severity_role(health::Severity s);
// "CRIT", "WARN", "OK", "?" (fixed width 4).
std::string severity_tag(health::Severity s);

// The last part of an ARN ("db:orders" -> "orders"); the input when not an ARN.
std::string arn_tail(std::string_view arn);
// The name of a vault from its ARN.
std::string vault_from_arn(std::string_view arn);
// The region of an ARN ("arn:aws:backup:eu-west-1:..." -> "eu-west-1").
std::string region_of_arn(std::string_view arn);

}  // namespace vd::tui
