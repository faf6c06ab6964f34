// Which JobFilter fields each Backup listing can send, and the page size a
// filter asks for; a filter the operation cannot honour is an error, never
// silently ignored.
#pragma once

#include <string_view>

#include "backend/services/backup_client.hpp"

namespace vd::services {

enum FilterField : unsigned {
    kFilterState = 1u << 0,
    kFilterResourceArn = 1u << 1,
    kFilterResourceType = 1u << 2,
    kFilterVault = 1u << 3,
    kFilterAccount = 1u << 4,
    kFilterCreated = 1u << 5,
    kFilterCompleted = 1u << 6,
};

// An InvalidInput error naming the first set field outside `supported`.
Status check_filter(const JobFilter& filter, unsigned supported, std::string_view operation);

// The filter's page size clamped to 1..1000, or 1000 when unset.
int page_size_of(const JobFilter& filter);

}  // namespace vd::services
