// Rows of recovery points.
#include "tui/screens/recovery_point_rows.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "backend/core/time_format.hpp"
#include "tui/screens/format.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Align;
using widgets::Role;

std::vector<std::size_t> recovery_point_column_order(bool by_vault) {
    std::vector<std::size_t> order;
    if (by_vault) order.push_back(kRpVault);
    for (std::size_t c = 0; c < kRpColumnCount; ++c) {
        if (!(by_vault && c == kRpVault)) order.push_back(c);
    }
    return order;
}

std::vector<widgets::Column> recovery_point_columns(bool by_vault) {
    const std::vector<widgets::Column> all = {
        {"resource", "Resource", 14, 3},
        {"status", "Status", 9},
        {"storage", "Class", 5},
        {"created", "Created", 11},
        {"cold", "Cold at", 10},
        {"delete", "Delete at", 10},
        {"size", "Size", 9, 0, Align::Right},
        {"type", "Type", 6},
        {"plan", "Plan/rule", 14, 1},
        {"encrypted", "Enc", 3},
        {"lock", "Lock", 4},
        {"vault", "Vault", 14, 1},
        {"region", "Region", 12},
    };
    std::vector<widgets::Column> out;
    for (std::size_t c : recovery_point_column_order(by_vault)) out.push_back(all[c]);
    return out;
}

RecoveryPointRows::RecoveryPointRows(const ScreenContext& ctx, bool by_vault)
    : hold_(ctx.shared), order_(recovery_point_column_order(by_vault)) {
    for (const auto* rd : ctx.regions()) {
        for (const auto& v : rd->vaults) vaults_[v.arn] = &v;
        for (const auto& rp : rd->recovery_points) points_.push_back(&rp);
    }
    // Source order: grouped by vault or by resource (in ARN order), newest
    // first inside, ties in snapshot order. The few hundred groups are
    // ranked once, so that sorting 100 k points compares numbers, not ARNs.
    const auto group = [by_vault](const model::RecoveryPoint& p) { return by_vault ? p.vault_arn : p.resource_arn; };
    std::unordered_map<Atom, std::uint32_t> rank;
    for (const auto* p : points_) rank.emplace(group(*p), 0);
    std::vector<Atom> groups;
    groups.reserve(rank.size());
    for (const auto& [arn, unused] : rank) groups.push_back(arn);
    std::sort(groups.begin(), groups.end());
    for (std::uint32_t i = 0; i < groups.size(); ++i) rank[groups[i]] = i;
    struct Keyed {
        std::uint32_t group;
        TimePoint::rep newest_first;
        std::uint32_t index;
        bool operator<(const Keyed& o) const {
            return std::tie(group, newest_first, index) < std::tie(o.group, o.newest_first, o.index);
        }
    };
    std::vector<Keyed> keyed;
    keyed.reserve(points_.size());
    for (std::uint32_t i = 0; i < points_.size(); ++i) {
        const auto* p = points_[i];
        keyed.push_back({rank[group(*p)], -p->creation_date.value_or(TimePoint{}).time_since_epoch().count(), i});
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<const model::RecoveryPoint*> sorted;
    sorted.reserve(points_.size());
    for (const auto& k : keyed) sorted.push_back(points_[k.index]);
    points_ = std::move(sorted);
}

const model::Vault* RecoveryPointRows::vault_of(const model::RecoveryPoint& rp) const {
    const auto it = vaults_.find(rp.vault_arn);
    return it == vaults_.end() ? nullptr : it->second;
}

void RecoveryPointRows::format_row(std::size_t row, std::vector<widgets::TableCell>& cells) const {
    const auto& rp = *points_[row];
    const model::Vault* vault = vault_of(rp);
    const std::string name = rp.resource_name.empty() ? arn_tail(rp.resource_arn) : rp.resource_name.str();
    const std::string storage = rp.storage_class.empty() ? "-" : rp.storage_class;
    const Role storage_role = storage == "COLD" ? Role::Cold : storage == "WARM" ? Role::Warm : Role::Deleted;
    std::string plan = rp.backup_plan_name;
    if (!rp.created_by_rule_name.empty()) plan += (plan.empty() ? "" : "/") + rp.created_by_rule_name;
    if (!rp.source_vault_arn.empty()) plan = "copy of " + vault_from_arn(rp.source_vault_arn);
    std::vector<widgets::TableCell> by_id(kRpColumnCount);
    by_id[kRpResource] = {name, Role::Normal};
    by_id[kRpStatus] = {rp.status, state_role(rp.status)};
    by_id[kRpStorage] = {storage, storage_role};
    by_id[kRpCreated] = {short_time(rp.creation_date), Role::Normal};
    by_id[kRpColdAt] = {day_of(rp.calculated.move_to_cold_storage_at), Role::Cold};
    by_id[kRpDeleteAt] = {day_of(rp.calculated.delete_at), Role::Normal};
    by_id[kRpSize] = {rp.backup_size_bytes ? widgets::human_size(static_cast<std::uint64_t>(*rp.backup_size_bytes)) : "-",
                      Role::Normal};
    by_id[kRpType] = {rp.resource_type, Role::Dim};
    by_id[kRpPlanRule] = {plan.empty() ? "-" : plan, Role::Dim};
    by_id[kRpEncrypted] = {rp.encrypted ? "yes" : "NO", rp.encrypted ? Role::Dim : Role::Critical};
    const bool locked = vault != nullptr && vault->locked;
    by_id[kRpLock] = {locked ? "lock" : "none", locked ? Role::Ok : Role::Warning};
    by_id[kRpVault] = {rp.vault_name.empty() ? vault_from_arn(rp.vault_arn) : rp.vault_name.str(), Role::Normal};
    by_id[kRpRegion] = {rp.origin.region, Role::Dim};
    cells.clear();
    for (std::size_t c : order_) cells.push_back(std::move(by_id[c]));
}

widgets::SortKey RecoveryPointRows::sort_key(std::size_t row, std::size_t shown) const {
    const auto& rp = *points_[row];
    const std::size_t column = order_[shown];
    const auto time_key = [](const std::optional<TimePoint>& t) {
        return widgets::SortKey::of(t ? to_epoch_seconds(*t) : 0.0);
    };
    switch (column) {
    case kRpCreated: return time_key(rp.creation_date);
    case kRpColdAt: return time_key(rp.calculated.move_to_cold_storage_at);
    case kRpDeleteAt: return time_key(rp.calculated.delete_at);
    case kRpSize: return widgets::SortKey::of(static_cast<double>(rp.backup_size_bytes.value_or(0)));
    default: break;
    }
    return RowSource::sort_key(row, shown);
}

}  // namespace vd::tui
