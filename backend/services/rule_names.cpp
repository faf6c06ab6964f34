#include "backend/services/rule_names.hpp"

#include <string>
#include <unordered_map>

namespace vd::services {

size_t resolve_rule_names(std::vector<model::RecoveryPoint>& points, const std::vector<model::BackupPlan>& plans) {
    struct Owner {
        const model::BackupPlan* plan;
        const model::BackupRule* rule;
    };
    std::unordered_map<std::string, Owner> by_rule_id;
    for (const auto& plan : plans)
        for (const auto& rule : plan.rules)
            if (!rule.rule_id.empty()) by_rule_id.emplace(rule.rule_id, Owner{&plan, &rule});
    size_t named = 0;
    for (auto& point : points) {
        if (!point.created_by_rule_name.empty() || point.backup_rule_id.empty()) continue;
        auto it = by_rule_id.find(point.backup_rule_id);
        if (it == by_rule_id.end()) continue;
        const Owner& owner = it->second;
        if (!point.backup_plan_id.empty() && point.backup_plan_id != owner.plan->plan_id) continue;
        point.created_by_rule_name = owner.rule->rule_name;
        if (point.backup_plan_name.empty()) point.backup_plan_name = owner.plan->plan_name;
        ++named;
    }
    return named;
}

bool needs_rule_names(const std::vector<model::RecoveryPoint>& points) {
    for (const auto& p : points)
        if (p.created_by_rule_name.empty() && !p.backup_rule_id.empty()) return true;
    return false;
}

}  // namespace vd::services
