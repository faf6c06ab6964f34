// What a restored database costs while it runs, from the price table in the
// configuration ([prices]): the instance class per hour (twice for
// Multi-AZ) plus its storage per GB-month spread over the hours of a month.
// An estimate from list prices, stated as such, never a bill.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "backend/config/config.hpp"

namespace vd::runbook {

struct CostEstimate {
    std::optional<double> hourly;  // USD; empty when the class has no price
    std::string text;              // one line for the confirm step
};

// The hours of an average month, as AWS bills GB-months.
inline constexpr double kHoursPerMonth = 730.0;

// The estimate for a new instance of a class and storage (Aurora bills its
// storage by use, so only the instance is counted).
CostEstimate estimate_restore_cost(const config::Prices& prices, const std::string& instance_class, int64_t storage_gb,
                                   const std::string& storage_type, bool multi_az, bool aurora);

}  // namespace vd::runbook
