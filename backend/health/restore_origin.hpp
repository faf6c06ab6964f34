// Recognising resources that an on-call restore created. Internal to health.
#pragma once

#include <optional>
#include <vector>

#include "backend/health/context.hpp"

namespace vd::health {

// The restore origin of a resource among the region's resources, if it is one.
std::optional<RestoreOrigin> restore_origin(const ResourceView& r, const std::vector<ResourceView>& region_resources);

}  // namespace vd::health
