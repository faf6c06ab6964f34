// The stable JSON form of a health report, printed by
// `vaultdeck status --output json`. The schema is documented in
// docs/status-json.md; fields are only ever added, never renamed.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "backend/health/report.hpp"

namespace vd::health {

inline constexpr const char* kStatusSchema = "vaultdeck.status/1";

// The report as a JSON value.
nlohmann::json report_to_json(const Report& report);
// The report as JSON text, indented by two spaces.
std::string report_to_json_text(const Report& report);

}  // namespace vd::health
