// What a SQL check expects of its single value: ">= 10", "== 42",
// "== source" (the same query's value on the source database), "== 'text'".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/result.hpp"
#include "backend/runbook/wizard_state.hpp"

namespace vd::runbook {

struct Expectation {
    enum class Op { Eq, Ne, Ge, Le, Gt, Lt };
    enum class Operand { Number, Source, Text };
    Op op = Op::Eq;
    Operand operand = Operand::Number;
    double number = 0;
    std::string text;
};

// Parses an expectation; text operands allow only == and !=.
Result<Expectation> parse_expectation(std::string_view text);

// Whether a value meets the expectation; source is the value read from the
// source database (needed only for "source" operands).
bool expectation_met(const Expectation& e, const std::string& actual, const std::optional<std::string>& source);

// Whether the expectation compares against the source database.
inline bool needs_source(const Expectation& e) { return e.operand == Expectation::Operand::Source; }

// A check step's outcome in one line: "3 of 3 checks passed", or "1 of 3
// checks passed; failed: a, b", followed by why the first check that could
// not run did not (a source that could not be reached is no proof of bad data).
std::string checks_summary(const std::vector<CheckResult>& results);

}  // namespace vd::runbook
