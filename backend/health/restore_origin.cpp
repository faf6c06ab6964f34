#include "backend/health/restore_origin.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace vd::health {
namespace {

// Words that mark a database name as a restore of another.
constexpr std::array<std::string_view, 4> kRestoreWords = {"restore", "pitr", "drill", "clone"};

// True when `suffix` holds one of the restore words (any case).
bool has_restore_word(std::string_view suffix) {
    std::string lower(suffix);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::any_of(kRestoreWords.begin(), kRestoreWords.end(),
                       [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

// The creation time of an RDS resource, from the snapshot.
std::optional<TimePoint> created_at(const ResourceView& r) {
    for (const auto& db : r.region->db_instances)
        if (db.arn == r.arn) return db.create_time;
    for (const auto& cl : r.region->db_clusters)
        if (cl.arn == r.arn) return cl.create_time;
    return std::nullopt;
}

}  // namespace

std::optional<RestoreOrigin> restore_origin(const ResourceView& r, const std::vector<ResourceView>& region_resources) {
    for (const auto& job : r.region->restore_jobs) {
        if (!job.restore_testing_plan_arn.empty() || job.created_resource_arn != r.arn) continue;
        return RestoreOrigin{job.restore_job_id, "", job.recovery_point_arn,
                             job.completion_date ? job.completion_date : job.creation_date};
    }
    if (r.type != "RDS" && r.type != "Aurora") return std::nullopt;
    const ResourceView* source = nullptr;
    for (const auto& other : region_resources) {
        if (&other == &r || other.region != r.region || (other.type != "RDS" && other.type != "Aurora")) continue;
        if (r.name.size() <= other.name.size() + 1 || r.name.compare(0, other.name.size(), other.name) != 0 ||
            r.name[other.name.size()] != '-')
            continue;
        if (!has_restore_word(std::string_view(r.name).substr(other.name.size() + 1))) continue;
        if (!source || other.name.size() > source->name.size()) source = &other;
    }
    if (!source) return std::nullopt;
    return RestoreOrigin{"", source->name, "", created_at(r)};
}

}  // namespace vd::health
