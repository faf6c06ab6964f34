// Schedule helpers shared by the plan-rule and schedule checks.
#pragma once

#include <optional>
#include <string>

#include "backend/core/result.hpp"
#include "backend/health/cron.hpp"
#include "backend/model/backup.hpp"

namespace vd::health {

// A rule's schedule with its zone, parsed once.
struct RuleSchedule {
    Schedule schedule;
    TimeZonePtr zone;
    std::string zone_name;  // "UTC" when the rule names none
};

// Parses a schedule expression in a zone ("" is UTC).
Result<RuleSchedule> parse_rule_schedule(const std::string& expression, const std::string& timezone);
// True when the schedule runs at least once in every `interval` during the
// month after `from` (checked from the last run before `from`).
bool runs_at_least_every(const RuleSchedule& s, std::chrono::system_clock::duration interval, TimePoint from);

}  // namespace vd::health
