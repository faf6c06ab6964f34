// Templates in runbook values: "{source}-restore-{yyyymmdd}". A name in
// braces is replaced by its value; "{{" and "}}" stand for literal braces.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::runbook {

using Variables = std::map<std::string, std::string>;

// The variable names a template uses, in order; an error for unbalanced
// braces or a name that is not [a-z][a-z0-9_]*.
Result<std::vector<std::string>> template_variables(std::string_view tmpl);

// The template with every variable replaced; an error names the first
// variable that has no value.
Result<std::string> expand_template(std::string_view tmpl, const Variables& vars);

// Adds the UTC time variables for t: yyyy, mm, dd, hh, mi, yyyymmdd,
// yyyymmddhhmm, date (2026-11-22) and time (0300).
void add_time_variables(Variables& vars, TimePoint t);

}  // namespace vd::runbook
