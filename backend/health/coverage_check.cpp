// data-missing: parts of the snapshot that never loaded, so health cannot
// be judged there (unknown). A region is unknown when one of the core kinds
// (vaults, recovery points, backup jobs, plans, protected resources) has no
// status entry or has never loaded, or any other kind with a status entry
// has never loaded. A snapshot without any region is unknown as a whole.
// Kinds that loaded once and are now stale are not unknown: the data shown
// is complete, only older.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "backend/health/checks.hpp"
#include "backend/health/fetch_errors.hpp"

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
        std::vector<KindIssue> missing;
        for (Kind k : kCoreKinds)
            if (region.status.find(k) == region.status.end()) missing.push_back({poll::kind_name(k), "never fetched"});
        for (const auto& [k, st] : region.status)
            if (!st.loaded) missing.push_back({poll::kind_name(k), st.last_error.empty() ? "not loaded yet" : st.last_error});
        if (missing.empty()) continue;
        std::string what;
        bool nothing = std::none_of(region.status.begin(), region.status.end(), [](const auto& e) { return e.second.loaded; });
        if (nothing) {
            what = fmt::format("nothing loaded ({} kinds)", missing.size());
        } else {
            for (const auto& m : missing) what += (what.empty() ? "" : ", ") + m.kind;
            what += " never loaded";
        }
        Finding f = make_finding(region, "data-missing", Severity::Unknown, "",
                                 region.account_name.empty() ? account_of(region) : region.account_name,
                                 "cannot tell: " + what);
        f.evidence = group_by_reason(missing, nothing ? missing.size() : 0);
        out.push_back(std::move(f));
    }
}

}  // namespace vd::health
