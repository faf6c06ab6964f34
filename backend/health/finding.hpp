// A health finding: what is wrong (or fine), how bad, about what, and why.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backend/core/clock.hpp"

namespace vd::health {

enum class Severity { Ok = 0, Warning = 1, Critical = 2, Unknown = 3 };

// "ok", "warning", "critical", "unknown".
const char* severity_name(Severity s);

struct Finding {
    Severity severity = Severity::Ok;
    std::string check;     // stable id: rpo, job-failed, unprotected, plan-rule, next-run, missed-run,
                           // copy-missing, vault-unlocked, unencrypted, lifecycle-soon, cost, drill-due,
                           // job-issues, restored-leftover, data-missing (docs/status-json.md describes each)
    std::string account_id;
    std::string region;
    std::string resource;  // ARN or name the finding is about
    std::string resource_name;  // short name for screens
    std::string reason;    // one line for the operator
    std::vector<std::string> evidence;  // the facts behind it, one per line
    std::optional<TimePoint> when;      // the relevant time (last backup, next run, delete at...)
};

}  // namespace vd::health
