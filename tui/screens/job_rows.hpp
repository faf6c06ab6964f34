// The rows of the Jobs screen: backup, copy and restore jobs in one list,
// each with its state, progress, duration and status message.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tui/screens/screen.hpp"
#include "widgets/table.hpp"

namespace vd::tui {

// One job of any kind, flattened for the table.
struct JobRow {
    std::string kind;           // backup, copy, restore
    std::string id;
    std::string resource_name;
    std::string resource_arn;
    std::string state;
    std::string category;       // MessageCategory
    std::string percent;        // "45.0" as AWS sends it
    std::optional<TimePoint> created;
    std::optional<TimePoint> completed;
    std::string message;
    std::string where;          // the vault, or the destination / the restored resource
    std::string region;
    std::optional<std::int64_t> size;
    std::string recovery_point_arn;
};

// Which jobs the screen lists (the `t` and `f` keys).
struct JobSelection {
    std::string kind;   // "" = all, backup, copy, restore
    std::string state;  // "" = all, failed (incl. aborted, expired, partial, with issues), running, completed
};

enum JobColumn : std::size_t {
    kJobKind, kJobResource, kJobState, kJobPercent, kJobCreated, kJobDuration, kJobMessage, kJobWhere,
    kJobId, kJobRegion, kJobColumnCount,
};

// The table columns of the Jobs screen.
std::vector<widgets::Column> job_columns();

// Every job in scope that the selection lets through, newest first.
std::vector<JobRow> collect_jobs(const ScreenContext& ctx, const JobSelection& selection);

// A row source over collected jobs; durations of running jobs grow with `now`.
class JobRows final : public widgets::RowSource {
public:
    JobRows(std::vector<JobRow> rows, std::shared_ptr<const TimePoint> now)
        : rows_(std::move(rows)), now_(std::move(now)) {}

    std::size_t row_count() const override { return rows_.size(); }
    void format_row(std::size_t row, std::vector<widgets::TableCell>& cells) const override;
    widgets::SortKey sort_key(std::size_t row, std::size_t column) const override;
    std::string row_id(std::size_t row) const override { return rows_[row].kind + ":" + rows_[row].id; }
    const JobRow& job(std::size_t row) const { return rows_[row]; }

private:
    std::vector<JobRow> rows_;
    std::shared_ptr<const TimePoint> now_;
};

}  // namespace vd::tui
