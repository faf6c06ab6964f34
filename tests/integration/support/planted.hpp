// What a scenario's planted problems mean for the daily glance: the
// (check, resource) pairs the health report must show for them, and the set
// a report actually shows, so tests can compare the two both ways.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "backend/health/report.hpp"
#include "backend/sim/scenario.hpp"

namespace vd::test {

// (check, resource ARN) of a finding that is not ok.
using Problem = std::pair<std::string, std::string>;

// The not-ok findings of a report.
std::set<Problem> problems_of(const health::Report& report);

// The findings the planted problems call for, from the planting account's own
// view. Unknown planted kinds are added to `unknown_kinds` when given.
std::set<Problem> expected_from(const std::vector<sim::PlantedProblem>& planted,
                                std::vector<std::string>* unknown_kinds = nullptr);

// One problem a line, indented, for failure messages.
std::string describe(const std::set<Problem>& problems);

}  // namespace vd::test
