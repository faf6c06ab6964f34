// The health report: every finding for a snapshot, sorted worst first,
// with counts and the overall verdict that `vaultdeck status` turns into
// its exit code. Pure: no I/O, no clock reads.
#pragma once

#include <string>
#include <vector>

#include "backend/config/config.hpp"
#include "backend/health/finding.hpp"
#include "backend/poll/snapshot.hpp"

namespace vd::health {

struct Counts {
    int ok = 0;
    int warning = 0;
    int critical = 0;
    int unknown = 0;
};

struct Report {
    TimePoint generated;
    Severity overall = Severity::Ok;
    Counts counts;
    std::vector<Finding> findings;  // critical, unknown, warning, ok; then by check and resource
};

// Runs every check on the snapshot at time `now`.
Report evaluate(const poll::Snapshot& snapshot, const config::Config& config, TimePoint now);
// Sorts findings and computes counts and the overall verdict.
Report make_report(std::vector<Finding> findings, TimePoint now);
// How bad a severity is for ordering: critical 3, unknown 2, warning 1, ok 0.
int severity_rank(Severity s);
// The verdict over findings: critical if any, else unknown if any, else
// warning if any, else ok (a known critical outranks an unknown region).
Severity overall_severity(const std::vector<Finding>& findings);
// The exit code of `vaultdeck status`: 0 ok, 1 warning, 2 critical, 3 unknown.
int exit_code(Severity overall);

}  // namespace vd::health
