// data-missing: parts of the snapshot that never loaded, so health cannot
// be judged there (unknown). A region is unknown when one of the core kinds
// (vaults, recovery points, backup jobs, plans, protected resources) has no
// status entry or has never loaded, or any other kind with a status entry
// has never loaded. A snapshot without any region is unknown as a whole.
// Kinds that loaded once and are now stale are not unknown: the data shown
// is complete, only older.
#include <array>

#include <fmt/format.h>

#include "backend/health/checks.hpp"

namespace vd::health {
namespace {

using poll::Kind;

constexpr std::array<Kind, 5> kCoreKinds = {Kind::Vaults, Kind::RecoveryPoints, Kind::BackupJobs, Kind::Plans,
                                            Kind::ProtectedResources};


}  // namespace

void check_coverage(const CheckContext& ctx, Findings& out) {
    if (ctx.snapshot.regions.empty()) {
        Finding f;
        f.severity = Severity::Unknown;
        f.check = "data-missing";
        f.reason = "no account or region has been read";
        out.push_back(std::move(f));
        return;
    }
    for (const auto& region : ctx.snapshot.regions) {
        std::vector<std::string> missing;
        std::vector<std::string> evidence;
        for (Kind k : kCoreKinds)
            if (region.status.find(k) == region.status.end()) {
                missing.push_back(poll::kind_name(k));
                evidence.push_back(fmt::format("{}: never fetched", poll::kind_name(k)));
            }
        for (const auto& [k, st] : region.status) {
            if (st.loaded) continue;
            missing.push_back(poll::kind_name(k));
            evidence.push_back(fmt::format("{}: {}", poll::kind_name(k), st.last_error.empty() ? "not loaded yet" : st.last_error));
        }
        if (missing.empty()) continue;
        std::string joined;
        for (const auto& m : missing) joined += (joined.empty() ? "" : ", ") + m;
        Finding f = make_finding(region, "data-missing", Severity::Unknown, "",
                                 region.account_name.empty() ? account_of(region) : region.account_name,
                                 fmt::format("cannot tell: {} never loaded", joined));
        f.evidence = std::move(evidence);
        out.push_back(std::move(f));
    }
}

}  // namespace vd::health
