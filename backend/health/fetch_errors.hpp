// Fetch errors told once: kinds that failed for the same reason share a line
// ("vaults, plans: NetworkError: ..."), so an endpoint that is down reads as
// one line per region, not one per kind.
#pragma once

#include <string>
#include <vector>

#include "backend/poll/snapshot.hpp"

namespace vd::health {

struct KindIssue {
    std::string kind;    // poll kind name
    std::string reason;  // the error, or "never fetched"
};

// One line per distinct reason, in the order reasons first appear:
// "KIND, KIND: REASON", or "all N kinds: REASON" when the group has all
// `total` kinds.
std::vector<std::string> group_by_reason(const std::vector<KindIssue>& issues, size_t total = 0);

// The kinds of a region that loaded once but whose last refresh failed (the
// data shown is older), with their errors.
std::vector<KindIssue> stale_kinds(const poll::RegionData& region);

// When nothing at all loaded (no kind in any region), the first error, as
// "REGION: ERROR"; empty when something loaded or nothing was tried.
std::string nothing_loaded(const poll::Snapshot& snapshot);

}  // namespace vd::health
