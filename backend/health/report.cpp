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

namespace {

using poll::Kind;

// Every check with the kinds it judges from. Where one of them never loaded
// in a region, the check's findings there are dropped and the region's
// data-missing finding (unknown, "could not tell") names the check: missing
// data is never reported as a problem.
struct CheckRow {
    const char* name;
    void (*run)(const CheckContext&, Findings&);
    std::vector<Kind> needs;
};

const std::vector<CheckRow>& check_table() {
    static const std::vector<CheckRow> rows = {
        {"rpo", check_rpo, {Kind::RecoveryPoints, Kind::ProtectedResources}},
        {"job-failed", check_jobs, {Kind::BackupJobs, Kind::CopyJobs, Kind::RestoreJobs}},
        {"unprotected", check_unprotected, {Kind::Plans, Kind::RecoveryPoints, Kind::BackupJobs, Kind::ProtectedResources}},
        {"plan-rule", check_plan_rules, {Kind::Plans}},
        {"missed-run", check_schedules, {Kind::Plans, Kind::BackupJobs, Kind::RecoveryPoints}},
        {"copy-missing", check_copies, {Kind::Plans, Kind::RecoveryPoints, Kind::CopyJobs}},
        {"vault-unlocked", check_vaults, {Kind::Vaults}},
        {"lifecycle-soon", check_lifecycle, {Kind::Vaults, Kind::RecoveryPoints}},
        {"drill-due", check_drills, {Kind::RestoreJobs, Kind::RestoreTestingPlans}},
    };
    return rows;
}

// Whether every kind a check needs loaded in a region (a kind the region
// does not fetch at all, such as restore testing plans of a read-only
// policy without them, counts as loaded only if it has no status entry).
bool judged_in(const poll::RegionData& region, const std::vector<Kind>& needs) {
    for (Kind k : needs) {
        auto it = region.status.find(k);
        if (it == region.status.end() ? k != Kind::RestoreTestingPlans && k != Kind::CopyJobs && k != Kind::RestoreJobs
                                      : !it->second.loaded)
            return false;
    }
    return true;
}

// Whether a finding stands on data that loaded: its own account's region,
// or, for a member account seen through an organization view, every region
// of that name.
bool stands(const Finding& f, const poll::Snapshot& snapshot, const std::vector<Kind>& needs) {
    if (f.region.empty()) return true;
    bool member = true;
    for (const auto& r : snapshot.regions) {
        if (r.region != f.region || account_of(r) != f.account_id) continue;
        member = false;
        if (!judged_in(r, needs)) return false;
    }
    if (!member) return true;
    for (const auto& r : snapshot.regions)
        if (r.region == f.region && !judged_in(r, needs)) return false;
    return true;
}

}  // namespace

Report evaluate(const poll::Snapshot& snapshot, const config::Config& config, TimePoint now) {
    CheckContext ctx = make_context(snapshot, config, now);
    Findings findings;
    check_coverage(ctx, findings);
    for (const auto& row : check_table()) {
        Findings found;
        row.run(ctx, found);
        for (auto& f : found)
            if (stands(f, snapshot, row.needs)) findings.push_back(std::move(f));
    }
    // The region's data-missing finding names the checks it holds back
    // (unless nothing loaded there at all).
    for (const auto& r : snapshot.regions) {
        std::string held;
        for (const auto& row : check_table())
            if (!judged_in(r, row.needs)) held += (held.empty() ? "" : ", ") + std::string(row.name);
        if (held.empty()) continue;
        for (auto& f : findings)
            if (f.check == "data-missing" && f.region == r.region && f.account_id == account_of(r) &&
                f.reason.find("nothing loaded") == std::string::npos)
                f.evidence.push_back("not judged here: " + held);
    }
    return make_report(std::move(findings), now);
}

}  // namespace vd::health
