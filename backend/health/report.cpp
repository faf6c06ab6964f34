#include "backend/health/report.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "backend/health/checks.hpp"

namespace vd::health {
namespace {

// The order checks appear in at equal severity.
constexpr std::array<std::string_view, 15> kCheckOrder = {
    "data-missing", "rpo",        "job-failed",     "missed-run",  "copy-missing",
    "unprotected",  "plan-rule",  "drill-due",      "restored-leftover", "job-issues",
    "vault-unlocked", "unencrypted", "next-run",    "lifecycle-soon", "cost"};

// The position of a check in kCheckOrder (unknown checks last).
size_t check_position(const std::string& check) {
    auto it = std::find(kCheckOrder.begin(), kCheckOrder.end(), check);
    return static_cast<size_t>(it - kCheckOrder.begin());
}

}  // namespace

int severity_rank(Severity s) {
    switch (s) {
    case Severity::Critical: return 3;
    case Severity::Unknown: return 2;
    case Severity::Warning: return 1;
    case Severity::Ok: return 0;
    }
    return 0;
}

Severity overall_severity(const std::vector<Finding>& findings) {
    Severity worst = Severity::Ok;
    for (const auto& f : findings)
        if (severity_rank(f.severity) > severity_rank(worst)) worst = f.severity;
    return worst;
}

int exit_code(Severity overall) {
    switch (overall) {
    case Severity::Ok: return 0;
    case Severity::Warning: return 1;
    case Severity::Critical: return 2;
    case Severity::Unknown: return 3;
    }
    return 3;
}

Report make_report(std::vector<Finding> findings, TimePoint now) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (severity_rank(a.severity) != severity_rank(b.severity)) return severity_rank(a.severity) > severity_rank(b.severity);
        if (check_position(a.check) != check_position(b.check)) return check_position(a.check) < check_position(b.check);
        if (a.account_id != b.account_id) return a.account_id < b.account_id;
        if (a.region != b.region) return a.region < b.region;
        if (a.resource_name != b.resource_name) return a.resource_name < b.resource_name;
        return a.resource < b.resource;
    });
    Report r;
    r.generated = now;
    for (const auto& f : findings) {
        switch (f.severity) {
        case Severity::Ok: ++r.counts.ok; break;
        case Severity::Warning: ++r.counts.warning; break;
        case Severity::Critical: ++r.counts.critical; break;
        case Severity::Unknown: ++r.counts.unknown; break;
        }
    }
    r.overall = overall_severity(findings);
    r.findings = std::move(findings);
    return r;
}

Report evaluate(const poll::Snapshot& snapshot, const config::Config& config, TimePoint now) {
    CheckContext ctx = make_context(snapshot, config, now);
    Findings findings;
    check_coverage(ctx, findings);
    check_rpo(ctx, findings);
    check_jobs(ctx, findings);
    check_unprotected(ctx, findings);
    check_plan_rules(ctx, findings);
    check_schedules(ctx, findings);
    check_copies(ctx, findings);
    check_vaults(ctx, findings);
    check_lifecycle(ctx, findings);
    check_drills(ctx, findings);
    return make_report(std::move(findings), now);
}

}  // namespace vd::health
