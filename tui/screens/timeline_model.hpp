// What the lifecycle timeline draws: per resource, its backups as marks,
// the runs its plans should have made but did not (gaps), failed jobs, the
// next scheduled run and the RDS PITR window as a continuous bar; per
// recovery point of one resource, the point from creation through warm and
// cold storage to its deletion.
#pragma once

#include <string>
#include <vector>

#include "tui/screens/screen.hpp"
#include "widgets/timeline.hpp"

namespace vd::tui {

// A resource on the timeline.
struct TimelineResource {
    std::string arn;
    std::string name;
    std::string region;
};

// The resources with recovery points, plans or PITR windows in scope,
// sorted by name.
std::vector<TimelineResource> timeline_resources(const ScreenContext& ctx);

// Scheduled runs of the plans selecting `resource` in (from, to] that left no
// recovery point (none created within the run's start + completion window).
std::vector<TimePoint> missed_runs(const ScreenContext& ctx, const TimelineResource& resource, TimePoint from,
                                   TimePoint to);

// One lane per resource (plus a PITR lane under RDS instances that have a
// window); `lane_resource` gets, per lane, the index of its resource.
std::vector<widgets::TimelineLane> resource_lanes(const ScreenContext& ctx,
                                                  const std::vector<TimelineResource>& resources,
                                                  std::vector<std::size_t>* lane_resource);

// One lane per recovery point of the resource, newest first; `lane_points`
// gets the point's ARN per lane.
std::vector<widgets::TimelineLane> point_lanes(const ScreenContext& ctx, const TimelineResource& resource,
                                               std::vector<std::string>* lane_points);

}  // namespace vd::tui
