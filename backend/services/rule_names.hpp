// Naming the backup rule that created each recovery point: AWS reports the
// rule name in CreatedBy on newer answers; older answers carry only the rule
// id, which the plans resolve.
#pragma once

#include <vector>

#include "backend/model/backup.hpp"

namespace vd::services {

// Fills created_by_rule_name (and backup_plan_name) of points that have a
// rule id but no name, from the rules of the given plans. Returns how many
// points were named.
size_t resolve_rule_names(std::vector<model::RecoveryPoint>& points, const std::vector<model::BackupPlan>& plans);

// True when some point has a rule id but no rule name (the plans are worth fetching).
bool needs_rule_names(const std::vector<model::RecoveryPoint>& points);

}  // namespace vd::services
