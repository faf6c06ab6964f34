// What AWS would refuse in a restore form field, said in one line before
// anything is sent. One row per field name in field_checks.cpp; a field
// without a row takes any value.
#pragma once

#include <string>

namespace vd::runbook {

// Why a value cannot go into the field; empty when it can (an empty value
// passes except where AWS needs one: a required field is checked apart).
std::string field_problem(const std::string& field, const std::string& value);

}  // namespace vd::runbook
