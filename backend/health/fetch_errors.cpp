#include "backend/health/fetch_errors.hpp"

namespace vd::health {

std::vector<std::string> group_by_reason(const std::vector<KindIssue>& issues, size_t total) {
    std::vector<std::string> reasons;
    std::vector<std::string> kinds;
    std::vector<size_t> counts;
    for (const auto& issue : issues) {
        size_t i = 0;
        while (i < reasons.size() && reasons[i] != issue.reason) ++i;
        if (i == reasons.size()) {
            reasons.push_back(issue.reason);
            kinds.emplace_back();
            counts.push_back(0);
        }
        ++counts[i];
        kinds[i] += (kinds[i].empty() ? "" : ", ") + issue.kind;
    }
    std::vector<std::string> lines;
    for (size_t i = 0; i < reasons.size(); ++i) lines.push_back((total > 1 && counts[i] == total ? "all " + std::to_string(total) + " kinds" : kinds[i]) + ": " +
                        reasons[i]);
    return lines;
}

std::vector<KindIssue> stale_kinds(const poll::RegionData& region) {
    std::vector<KindIssue> out;
    for (const auto& [kind, status] : region.status)
        if (status.loaded && !status.last_error.empty()) out.push_back({poll::kind_name(kind), status.last_error});
    return out;
}

std::string nothing_loaded(const poll::Snapshot& snapshot) {
    std::string first;
    for (const auto& region : snapshot.regions) {
        for (const auto& [kind, status] : region.status) {
            if (status.loaded) return "";
            if (first.empty() && !status.last_error.empty()) first = region.region + ": " + status.last_error;
        }
    }
    return first;
}

}  // namespace vd::health
