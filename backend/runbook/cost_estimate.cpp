#include "backend/runbook/cost_estimate.hpp"

#include <fmt/format.h>

namespace vd::runbook {

// The price of the class and storage, in one line.
CostEstimate estimate_restore_cost(const config::Prices& prices, const std::string& instance_class, int64_t storage_gb,
                                   const std::string& storage_type, bool multi_az, bool aurora) {
    CostEstimate e;
    std::string what = instance_class.empty() ? "the source's class" : instance_class;
    if (aurora) what += ", Aurora storage billed by use";
    else if (storage_gb > 0) what += fmt::format(", {} GB {}", storage_gb, storage_type.empty() ? "storage" : storage_type);
    what += multi_az ? ", Multi-AZ" : ", Single-AZ";
    auto it = prices.instance_hourly.find(instance_class);
    if (it == prices.instance_hourly.end()) {
        e.text = fmt::format("{}: no price for {} in the price table ([prices.instance_hourly] in the configuration)", what,
                             instance_class.empty() ? "an unknown class" : instance_class);
        return e;
    }
    double instance = it->second * (multi_az ? 2.0 : 1.0);
    double storage = aurora ? 0.0 : static_cast<double>(storage_gb) * prices.db_storage * (multi_az ? 2.0 : 1.0) / kHoursPerMonth;
    e.hourly = instance + storage;
    e.text = fmt::format("{}: about ${:.2f} an hour, ${:.0f} a day (on-demand list price; instance ${:.3f}/h{})", what, *e.hourly,
                         *e.hourly * 24, instance, aurora ? "" : fmt::format(" + storage ${:.3f}/h", storage));
    return e;
}

}  // namespace vd::runbook
