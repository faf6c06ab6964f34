// What every health check reads: the snapshot, the configuration, the
// evaluation time, and the resources to judge gathered once. Internal to
// the health module.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backend/config/config.hpp"
#include "backend/health/finding.hpp"
#include "backend/poll/snapshot.hpp"

namespace vd::health {

// Where a resource came from when an on-call restore made it: a restore job
// (not a restore test) that created it, or, when that job is older than the
// jobs fetched, a name derived from another database with "restore",
// "pitr", "drill" or "clone" in the suffix ("prod-db-restored-2026-11-05").
struct RestoreOrigin {
    std::string job_id;              // empty when known by name only
    std::string source;              // the source database, when known by name
    std::string recovery_point_arn;
    std::optional<TimePoint> at;     // restore completed, else the resource's creation
};

// One resource the checks judge: from protected resources, RDS instances
// (not members of a cluster) and RDS clusters, one entry per ARN, in the
// region its ARN names (a resource listed as protected in another region
// because its copies are there is judged at home when home is read).
struct ResourceView {
    const poll::RegionData* region = nullptr;
    std::string arn;
    std::string name;
    std::string type;  // RDS, Aurora, EFS, ...
    std::vector<std::pair<std::string, std::string>> tags;
    bool tags_known = false;  // only RDS instances carry tags in the snapshot
    std::optional<TimePoint> pitr_latest;  // newest PITR restorable time
    std::string pitr_source;                // where pitr_latest came from
    std::optional<RestoreOrigin> restored;  // set for on-call restore outputs
    bool selected = false;  // a selection of a plan in its region selects it outright
    bool foreign = false;   // listed away from home and home is not read: plans here do not apply

    // The identity used to match configuration targets.
    config::ResourceIdentity identity() const { return {arn, name, tags}; }
};

struct CheckContext {
    const poll::Snapshot& snapshot;
    const config::Config& config;
    TimePoint now;
    std::vector<ResourceView> resources;
};

// Builds the context, gathering the resources.
CheckContext make_context(const poll::Snapshot& snapshot, const config::Config& config, TimePoint now);
// True when a kind has been fetched completely at least once for the region.
bool kind_loaded(const poll::RegionData& region, poll::Kind kind);
// The region's account id (from the region data, else the caller identity).
std::string account_of(const poll::RegionData& region);
// A finding about a resource in a region, with the location filled in.
Finding make_finding(const poll::RegionData& region, const char* check, Severity severity, std::string resource,
                     std::string resource_name, std::string reason);
// The last part of an ARN ("orders" from "...:db:orders"), for display.
std::string short_name(const std::string& arn);
// 2026-11-22T03:00:00Z.
std::string iso(TimePoint t);
// "30 h" from a duration in seconds.
std::string age_text(std::chrono::system_clock::duration d);

}  // namespace vd::health
