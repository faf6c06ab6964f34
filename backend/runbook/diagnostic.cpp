#include "backend/runbook/diagnostic.hpp"

#include <fmt/format.h>

namespace vd::runbook {

// "FILE:LINE:COL: error: message".
std::string format_diagnostic(const Diagnostic& d, std::string_view file) {
    const char* sev = d.severity == Diagnostic::Severity::Error ? "error" : "warning";
    if (d.line <= 0) return fmt::format("{}: {}: {}", file, sev, d.message);
    if (d.column <= 0) return fmt::format("{}:{}: {}: {}", file, d.line, sev, d.message);
    return fmt::format("{}:{}:{}: {}: {}", file, d.line, d.column, sev, d.message);
}

// Whether any diagnostic is an error.
bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Diagnostic::Severity::Error) return true;
    return false;
}

}  // namespace vd::runbook
