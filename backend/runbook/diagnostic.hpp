// A problem found in a runbook file, with where it is: what lint prints and
// what refuses to load a runbook.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vd::runbook {

struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    int line = 0;    // 1-based; 0 when the problem has no single place
    int column = 0;
    std::string message;
};

// "FILE:LINE:COL: error: message" (the form editors jump to).
std::string format_diagnostic(const Diagnostic& d, std::string_view file);

// Whether any of the diagnostics is an error.
bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace vd::runbook
