// Checks a runbook as a whole: missing parameters, bad templates, a mutating
// step without a confirm step before it, steps in an order that cannot work.
// A runbook with any error is never run.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "backend/core/result.hpp"
#include "backend/runbook/diagnostic.hpp"
#include "backend/runbook/runbook.hpp"

namespace vd::runbook {

// The problems of an already read runbook (no TOML syntax checks).
std::vector<Diagnostic> check_runbook(const Runbook& rb);

// Reads and checks runbook text: every diagnostic, sorted by line.
std::vector<Diagnostic> lint_runbook_text(std::string_view text, const std::string& origin);

// Reads a runbook that lints without errors; the first error otherwise,
// as "origin:line:col: message".
Result<Runbook> load_runbook(std::string_view text, const std::string& origin);

// The named preflight checks the engine knows.
const std::vector<std::string>& preflight_check_names();

}  // namespace vd::runbook
