#include "tests/integration/support/planted.hpp"

#include <map>

namespace vd::test {
namespace {

// What the health model reports for each kind of planted problem, from the
// scenario account's own view. Kinds mapped to nothing are there for the
// screens, not for the daily glance (a job running now, failures older than
// the 7-day window), or show only in the organization view (a member
// account's failed job).
const std::map<std::string, std::set<std::string>>& checks_for_planted_kind() {
    static const std::map<std::string, std::set<std::string>> table = {
        {"missed-backups", {"rpo", "job-failed"}},
        {"failed-job", {"job-failed"}},
        {"unprotected-resource", {"unprotected"}},
        {"vault-unlocked", {"vault-unlocked"}},
        {"copy-missing", {"copy-missing"}},
        {"restore-validation-failed", {"drill-due"}},
        {"leftover-restored-instance", {"restored-leftover"}},
        {"plan-below-minimum", {"plan-rule"}},
        {"job-running", {}},
        {"failed-restore", {}},
        {"failed-jobs-90d", {}},
        {"member-job-failed", {}},
    };
    return table;
}

}  // namespace

std::set<Problem> problems_of(const health::Report& report) {
    std::set<Problem> out;
    for (const auto& f : report.findings)
        if (f.severity != health::Severity::Ok) out.insert({f.check, f.resource});
    return out;
}

std::set<Problem> expected_from(const std::vector<sim::PlantedProblem>& planted, std::vector<std::string>* unknown_kinds) {
    std::set<Problem> out;
    for (const auto& p : planted) {
        auto it = checks_for_planted_kind().find(p.kind);
        if (it == checks_for_planted_kind().end()) {
            if (unknown_kinds) unknown_kinds->push_back(p.kind);
            continue;
        }
        for (const auto& check : it->second) out.insert({check, p.resource_arn});
    }
    return out;
}

std::string describe(const std::set<Problem>& problems) {
    std::string s;
    for (const auto& [check, resource] : problems) s += "  " + check + " " + resource + "\n";
    return s;
}

}  // namespace vd::test
