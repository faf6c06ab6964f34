// Lanes of the lifecycle timeline.
#include "tui/screens/timeline_model.hpp"

#include <algorithm>
#include <map>

#include "backend/health/cron.hpp"
#include "backend/health/selection.hpp"
#include "tui/screens/dashboard_model.hpp"
#include "tui/screens/format.hpp"

namespace vd::tui {

using widgets::Role;
using widgets::SegmentKind;

namespace {

// How far back the timeline looks for missed runs.
constexpr auto kHistory = std::chrono::hours(24 * 400);

// The recovery points of a resource in scope (all vaults and regions).
std::vector<const model::RecoveryPoint*> points_of(const ScreenContext& ctx, const std::string& arn) {
    std::vector<const model::RecoveryPoint*> out;
    for (const auto* rd : ctx.regions()) {
        for (const auto& rp : rd->recovery_points) {
            if (rp.resource_arn == arn) out.push_back(&rp);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
        return a->creation_date.value_or(TimePoint{}) > b->creation_date.value_or(TimePoint{});
    });
    return out;
}

// The tags of an RDS instance with this ARN, if the snapshot has it.
const health::Tags* tags_of(const ScreenContext& ctx, const std::string& arn) {
    for (const auto* rd : ctx.regions()) {
        for (const auto& db : rd->db_instances) {
            if (db.arn == arn) return &db.tags;
        }
    }
    return nullptr;
}

// The PITR window of an RDS instance or cluster with this ARN.
std::optional<model::PitrWindow> pitr_of(const ScreenContext& ctx, const std::string& arn) {
    for (const auto* rd : ctx.regions()) {
        for (const auto& ab : rd->automated_backups) {
            if (ab.instance_arn == arn && ab.restore_window && ab.status == "active") return ab.restore_window;
        }
        for (const auto& c : rd->db_clusters) {
            if (c.arn == arn && c.earliest_restorable_time && c.latest_restorable_time) {
                return model::PitrWindow{*c.earliest_restorable_time, *c.latest_restorable_time};
            }
        }
    }
    return std::nullopt;
}

}  // namespace

std::vector<TimelineResource> timeline_resources(const ScreenContext& ctx) {
    std::map<std::string, TimelineResource> by_arn;
    for (const auto* rd : ctx.regions()) {
        for (const auto& pr : rd->protected_resources) {
            by_arn.emplace(pr.resource_arn, TimelineResource{pr.resource_arn, pr.resource_name, rd->region});
        }
        for (const auto& rp : rd->recovery_points) {
            if (!rp.source_vault_arn.empty()) continue;  // copies are drawn with their source
            by_arn.emplace(rp.resource_arn, TimelineResource{rp.resource_arn, rp.resource_name, rd->region});
        }
        for (const auto& db : rd->db_instances) {
            // Cluster members are backed up (and restored to a point in time) through their cluster.
            if (!db.cluster_identifier.empty()) continue;
            by_arn.emplace(db.arn, TimelineResource{db.arn, db.identifier, rd->region});
        }
        for (const auto& c : rd->db_clusters) {
            by_arn.emplace(c.arn, TimelineResource{c.arn, c.identifier, rd->region});
        }
    }
    std::vector<TimelineResource> out;
    for (auto& [arn, r] : by_arn) {
        if (r.name.empty()) r.name = arn_tail(arn);
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

std::vector<TimePoint> missed_runs(const ScreenContext& ctx, const TimelineResource& resource, TimePoint from,
                                   TimePoint to) {
    const auto points = points_of(ctx, resource.arn);
    const health::Tags* tags = tags_of(ctx, resource.arn);
    std::vector<TimePoint> out;
    for (const auto* rd : ctx.regions()) {
        if (rd->region != resource.region) continue;
        for (const auto& plan : rd->plans) {
            const bool selected = std::any_of(plan.selections.begin(), plan.selections.end(), [&](const auto& s) {
                return health::selection_selects(s, resource.arn, tags) == health::SelectionMatch::Yes;
            });
            if (!selected) continue;
            for (const auto& rule : plan.rules) {
                auto schedule = health::Schedule::parse(rule.schedule_expression);
                auto zone = health::locate_zone(rule.schedule_expression_timezone);
                if (!schedule || !zone) continue;
                const auto window = std::chrono::minutes(rule.start_window_minutes.value_or(60) +
                                                         rule.completion_window_minutes.value_or(7 * 24 * 60));
                for (const TimePoint run : health::runs_between(*schedule, from, to, **zone, 1000)) {
                    if (run + std::chrono::minutes(rule.start_window_minutes.value_or(60)) > ctx.now) continue;
                    const bool made = std::any_of(points.begin(), points.end(), [&](const auto* rp) {
                        return rp->creation_date && *rp->creation_date >= run && *rp->creation_date <= run + window &&
                               (rp->created_by_rule_name.empty() || rp->created_by_rule_name == rule.rule_name) &&
                               rp->vault_name == rule.target_vault_name;
                    });
                    if (!made) out.push_back(run);
                }
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<widgets::TimelineLane> resource_lanes(const ScreenContext& ctx,
                                                  const std::vector<TimelineResource>& resources,
                                                  std::vector<std::size_t>* lane_resource) {
    std::vector<widgets::TimelineLane> lanes;
    const auto& g = ctx.theme->glyphs();
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const auto& r = resources[i];
        widgets::TimelineLane lane;
        lane.label = r.name;
        for (const auto* rp : points_of(ctx, r.arn)) {
            if (!rp->creation_date) continue;
            const bool cold = rp->storage_class == "COLD";
            const bool good = rp->status == "COMPLETED" || rp->status == "AVAILABLE";
            lane.markers.push_back({*rp->creation_date, good ? (cold ? Role::Cold : Role::Warm) : Role::Warning,
                                    std::string(good ? g.dot_full : g.dot_empty)});
        }
        for (const auto* rd : ctx.regions()) {
            for (const auto& j : rd->backup_jobs) {
                if (j.resource_arn == r.arn && j.creation_date && job_failed(j.state, j.message_category)) {
                    lane.markers.push_back({*j.creation_date, Role::Failed, std::string(g.cross)});
                }
            }
        }
        const auto missed = missed_runs(ctx, r, ctx.now - kHistory, ctx.now);
        for (const TimePoint t : missed) {
            lane.markers.push_back({t, Role::Failed, std::string(g.cross)});
        }
        bool missing_recent = false;
        for (const TimePoint t : missed) missing_recent |= ctx.now - t < std::chrono::hours(24 * 7);
        lane.label_role = missing_recent ? Role::Critical : Role::Normal;
        std::vector<model::BackupPlan> plans;
        for (const auto* rd : ctx.regions()) {
            for (const auto& plan : rd->plans) {
                for (const auto& s : plan.selections) {
                    if (health::selection_selects(s, r.arn, tags_of(ctx, r.arn)) == health::SelectionMatch::Yes) {
                        plans.push_back(plan);
                        break;
                    }
                }
            }
        }
        for (const auto& run : next_runs(plans, ctx.now, 3)) {
            lane.markers.push_back({run.when, Role::Info, std::string(g.arrow_down)});
        }
        lanes.push_back(std::move(lane));
        if (lane_resource) lane_resource->push_back(i);
        if (const auto pitr = pitr_of(ctx, r.arn)) {
            widgets::TimelineLane p;
            p.label = "  PITR";
            p.label_role = Role::Dim;
            p.segments.push_back({pitr->earliest, pitr->latest, SegmentKind::Pitr});
            lanes.push_back(std::move(p));
            if (lane_resource) lane_resource->push_back(i);
        }
    }
    return lanes;
}

std::vector<widgets::TimelineLane> point_lanes(const ScreenContext& ctx, const TimelineResource& resource,
                                               std::vector<std::string>* lane_points) {
    std::vector<widgets::TimelineLane> lanes;
    const auto& g = ctx.theme->glyphs();
    for (const auto* rp : points_of(ctx, resource.arn)) {
        if (!rp->creation_date) continue;
        widgets::TimelineLane lane;
        lane.label = short_time(rp->creation_date) + " " +
                     (rp->created_by_rule_name.empty() ? rp->vault_name : rp->created_by_rule_name);
        if (!rp->source_vault_arn.empty()) lane.label += " copy";
        const TimePoint created = *rp->creation_date;
        const auto& cold = rp->calculated.move_to_cold_storage_at;
        const auto& del = rp->calculated.delete_at;
        const TimePoint far = ctx.now + std::chrono::hours(24 * 3650);
        const TimePoint warm_end = cold ? *cold : (del ? *del : far);
        lane.segments.push_back({created, warm_end, SegmentKind::Warm});
        if (cold) lane.segments.push_back({*cold, del ? *del : far, SegmentKind::Cold});
        if (del && *del < ctx.now) lane.segments.push_back({*del, ctx.now, SegmentKind::Deleted});
        lane.markers.push_back({created, Role::Marker, std::string(g.dot_full)});
        if (rp->status != "COMPLETED" && rp->status != "AVAILABLE") lane.label_role = Role::Warning;
        lanes.push_back(std::move(lane));
        if (lane_points) lane_points->push_back(rp->arn);
    }
    return lanes;
}

}  // namespace vd::tui
