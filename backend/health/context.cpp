#include "backend/health/context.hpp"

#include <algorithm>
#include <map>

#include "backend/config/duration.hpp"
#include "backend/core/time_format.hpp"
#include "backend/health/restore_origin.hpp"
#include "backend/health/selection.hpp"

namespace vd::health {
namespace {

// Keeps the newer of two optional times, remembering where it came from.
void keep_newer(ResourceView& r, const std::optional<TimePoint>& t, const char* source) {
    if (!t) return;
    if (!r.pitr_latest || *t > *r.pitr_latest) {
        r.pitr_latest = t;
        r.pitr_source = source;
    }
}

// ARNs of resources that restore-testing jobs created: temporary, not judged.
std::vector<std::string> restore_test_outputs(const poll::RegionData& region) {
    std::vector<std::string> out;
    for (const auto& job : region.restore_jobs)
        if (!job.restore_testing_plan_arn.empty() && !job.created_resource_arn.empty())
            out.push_back(job.created_resource_arn);
    return out;
}

// The region and account an ARN names (arn:aws:rds:REGION:ACCOUNT:...);
// empty parts for ARNs without them (S3).
std::pair<std::string, std::string> home_of(const std::string& arn) {
    std::string parts[5];
    size_t start = 0;
    for (auto& part : parts) {
        auto colon = arn.find(':', start);
        if (colon == std::string::npos) return {};
        part = arn.substr(start, colon - start);
        start = colon + 1;
    }
    return {parts[3], parts[4]};
}

// True when the snapshot holds the given account and region.
bool snapshot_has(const poll::Snapshot& s, const std::string& region, const std::string& account) {
    return std::any_of(s.regions.begin(), s.regions.end(), [&](const poll::RegionData& r) {
        return r.region == region && (account.empty() || account_of(r) == account);
    });
}

// True when a selection of a plan in the region selects the resource outright.
bool selected_by_plan(const ResourceView& r) {
    for (const auto& plan : r.region->plans)
        for (const auto& sel : plan.selections)
            if (selection_selects(sel, r.arn, r.tags_known ? &r.tags : nullptr) == SelectionMatch::Yes) return true;
    return false;
}

}  // namespace

bool kind_loaded(const poll::RegionData& region, poll::Kind kind) {
    auto it = region.status.find(kind);
    return it != region.status.end() && it->second.loaded;
}

std::string account_of(const poll::RegionData& region) {
    return region.account_id.empty() ? region.identity.account : region.account_id;
}

Finding make_finding(const poll::RegionData& region, const char* check, Severity severity, std::string resource,
                     std::string resource_name, std::string reason) {
    Finding f;
    f.severity = severity;
    f.check = check;
    f.account_id = account_of(region);
    f.region = region.region;
    f.resource = std::move(resource);
    f.resource_name = std::move(resource_name);
    f.reason = std::move(reason);
    return f;
}

std::string short_name(const std::string& arn) {
    auto pos = arn.find_last_of(":/");
    return pos == std::string::npos ? arn : arn.substr(pos + 1);
}

std::string iso(TimePoint t) { return format_iso8601(t); }

std::string age_text(std::chrono::system_clock::duration d) {
    return config::format_age(std::chrono::duration_cast<std::chrono::seconds>(d));
}

CheckContext make_context(const poll::Snapshot& snapshot, const config::Config& config, TimePoint now) {
    CheckContext ctx{snapshot, config, now, {}};
    for (const auto& region : snapshot.regions) {
        auto skip = restore_test_outputs(region);
        std::map<std::string, size_t> by_arn;
        auto add = [&](const std::string& arn, const std::string& name, const std::string& type) -> ResourceView* {
            if (arn.empty() || std::find(skip.begin(), skip.end(), arn) != skip.end()) return nullptr;
            auto [home_region, home_account] = home_of(arn);
            bool away = !home_region.empty() && (home_region != region.region ||
                                                 (!home_account.empty() && home_account != account_of(region)));
            if (away && snapshot_has(snapshot, home_region, home_account)) return nullptr;
            auto [it, fresh] = by_arn.emplace(arn, ctx.resources.size());
            if (fresh) {
                ResourceView v;
                v.region = &region;
                v.arn = arn;
                v.name = name.empty() ? short_name(arn) : name;
                v.type = type;
                v.foreign = away;
                ctx.resources.push_back(std::move(v));
            }
            ResourceView& v = ctx.resources[it->second];
            if (v.type.empty()) v.type = type;
            return &v;
        };
        for (const auto& p : region.protected_resources) add(p.resource_arn, p.resource_name, p.resource_type);
        for (const auto& db : region.db_instances) {
            if (!db.cluster_identifier.empty() || db.status == "deleting" || db.status == "creating") continue;
            ResourceView* v = add(db.arn, db.identifier, "RDS");
            if (!v) continue;
            v->name = db.identifier;
            v->tags = db.tags;
            v->tags_known = true;
            if (db.backup_retention_period > 0) keep_newer(*v, db.latest_restorable_time, "instance LatestRestorableTime");
            for (const auto& ab : region.automated_backups)
                if ((ab.instance_arn == db.arn || (ab.instance_arn.empty() && ab.instance_identifier == db.identifier)) &&
                    ab.restore_window && ab.status != "retained")
                    keep_newer(*v, ab.restore_window->latest, "automated backups restore window");
        }
        for (const auto& cl : region.db_clusters) {
            if (cl.status == "deleting" || cl.status == "creating") continue;
            ResourceView* v = add(cl.arn, cl.identifier, "Aurora");
            if (!v) continue;
            v->name = cl.identifier;
            if (cl.backup_retention_period > 0) keep_newer(*v, cl.latest_restorable_time, "cluster LatestRestorableTime");
        }
    }
    for (auto& r : ctx.resources) {
        r.restored = restore_origin(r, ctx.resources);
        r.selected = selected_by_plan(r);
    }
    return ctx;
}

}  // namespace vd::health
