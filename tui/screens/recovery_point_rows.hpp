// The rows of the Recovery points screen: every recovery point in scope,
// with the facts an operator picks a restore by (status, storage class,
// created, cold at, delete at, vault lock).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tui/screens/screen.hpp"
#include "widgets/table.hpp"

namespace vd::tui {

// The columns, in the order they are given room.
enum RecoveryPointColumn : std::size_t {
    kRpResource, kRpStatus, kRpStorage, kRpCreated, kRpColdAt, kRpDeleteAt, kRpSize, kRpType,
    kRpPlanRule, kRpEncrypted, kRpLock, kRpVault, kRpRegion, kRpColumnCount,
};

// The table columns of the screen; grouped by vault, the vault comes first.
std::vector<widgets::Column> recovery_point_columns(bool by_vault = false);

// The order the columns are shown in (indices into RecoveryPointColumn).
std::vector<std::size_t> recovery_point_column_order(bool by_vault);

// A row source over the points of a snapshot (kept alive by the source).
class RecoveryPointRows final : public widgets::RowSource {
public:
    RecoveryPointRows(const ScreenContext& ctx, bool by_vault);

    std::size_t row_count() const override { return points_.size(); }
    void format_row(std::size_t row, std::vector<widgets::TableCell>& cells) const override;
    widgets::SortKey sort_key(std::size_t row, std::size_t column) const override;
    std::string row_id(std::size_t row) const override { return points_[row]->arn; }

    // The point shown in a row.
    const model::RecoveryPoint& point(std::size_t row) const { return *points_[row]; }
    // The vault a point is in, if the snapshot has it.
    const model::Vault* vault_of(const model::RecoveryPoint& rp) const;

private:
    poll::SnapshotPtr hold_;
    std::vector<const model::RecoveryPoint*> points_;
    std::vector<std::size_t> order_;  // shown column -> RecoveryPointColumn
    std::map<std::string, const model::Vault*> vaults_;  // by ARN
};

}  // namespace vd::tui
