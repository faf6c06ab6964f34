#include "backend/health/report_json.hpp"

#include "backend/core/time_format.hpp"

namespace vd::health {

nlohmann::json report_to_json(const Report& report) {
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& f : report.findings) {
        findings.push_back({
            {"severity", severity_name(f.severity)},
            {"check", f.check},
            {"account_id", f.account_id},
            {"region", f.region},
            {"resource", f.resource},
            {"resource_name", f.resource_name},
            {"reason", f.reason},
            {"evidence", f.evidence},
            {"when", f.when ? nlohmann::json(format_iso8601(*f.when)) : nlohmann::json(nullptr)},
        });
    }
    return {
        {"schema", kStatusSchema},
        {"generated_at", format_iso8601(report.generated)},
        {"overall", severity_name(report.overall)},
        {"exit_code", exit_code(report.overall)},
        {"counts",
         {{"ok", report.counts.ok},
          {"warning", report.counts.warning},
          {"critical", report.counts.critical},
          {"unknown", report.counts.unknown}}},
        {"findings", std::move(findings)},
    };
}

std::string report_to_json_text(const Report& report) { return report_to_json(report).dump(2) + "\n"; }

}  // namespace vd::health
