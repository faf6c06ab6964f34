// Reads runbook TOML into a Runbook, reporting every structural problem
// (syntax, unknown keys and step kinds, wrong types) with its line. The
// checks that need the whole runbook live in lint.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/runbook/diagnostic.hpp"
#include "backend/runbook/runbook.hpp"

namespace vd::runbook {

struct ReadOutcome {
    std::optional<Runbook> runbook;  // empty when the TOML itself did not parse
    std::vector<Diagnostic> diagnostics;
};

// Reads a runbook from TOML text; origin names the file in messages.
ReadOutcome read_runbook(std::string_view text, const std::string& origin);

// Parses "2h", "90m", "1h30m", "45s", "1d" (or plain seconds) into seconds.
Result<Seconds> parse_duration(std::string_view text);
// "2h", "1h30m", "45s": the short form of a duration.
std::string format_duration(Seconds d);

}  // namespace vd::runbook
