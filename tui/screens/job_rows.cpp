// Rows of jobs.
#include "tui/screens/job_rows.hpp"

#include <algorithm>

#include "backend/core/time_format.hpp"
#include "tui/screens/dashboard_model.hpp"
#include "tui/screens/format.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Align;
using widgets::Role;

namespace {

// True when a job passes the state part of the selection.
bool state_selected(const std::string& wanted, const std::string& state, const std::string& category) {
    if (wanted.empty()) return true;
    if (wanted == "failed") return job_failed(state, category);
    if (wanted == "running") return job_running(state);
    return widgets::ascii_lower(state) == wanted && !job_failed(state, category);
}

// "COMPLETED*" for completed with issues.
std::string shown_state(const JobRow& j) {
    const bool issues = widgets::ascii_lower(j.state) == "completed" && job_failed(j.state, j.category);
    return issues ? j.state + " with issues" : j.state;
}

}  // namespace

std::vector<widgets::Column> job_columns() {
    return {
        {"kind", "Kind", 7},
        {"resource", "Resource", 12, 2},
        {"state", "State", 9},
        {"percent", "%", 4, 0, Align::Right},
        {"created", "Started", 11},
        {"duration", "Took", 9, 0, Align::Right},
        {"message", "Status message", 16, 4},
        {"where", "Vault / target", 14, 1},
        {"id", "Job id", 12, 1},
        {"region", "Region", 12},
    };
}

std::vector<JobRow> collect_jobs(const ScreenContext& ctx, const JobSelection& sel) {
    std::vector<JobRow> out;
    const auto want = [&](const char* kind) { return sel.kind.empty() || sel.kind == kind; };
    for (const auto* rd : ctx.regions()) {
        if (want("backup")) {
            for (const auto& j : rd->backup_jobs) {
                if (!state_selected(sel.state, j.state, j.message_category)) continue;
                out.push_back({"backup", j.job_id, j.resource_name.empty() ? arn_tail(j.resource_arn) : j.resource_name,
                               j.resource_arn, j.state, j.message_category, j.percent_done, j.creation_date,
                               j.completion_date, j.status_message,
                               j.vault_name.empty() ? vault_from_arn(j.vault_arn) : j.vault_name, rd->region,
                               j.backup_size_bytes, j.recovery_point_arn});
            }
        }
        if (want("copy")) {
            for (const auto& j : rd->copy_jobs) {
                if (!state_selected(sel.state, j.state, j.message_category)) continue;
                out.push_back({"copy", j.copy_job_id,
                               j.resource_name.empty() ? arn_tail(j.resource_arn) : j.resource_name, j.resource_arn,
                               j.state, j.message_category, "", j.creation_date, j.completion_date, j.status_message,
                               "→ " + region_of_arn(j.destination_vault_arn) + " " +
                                   vault_from_arn(j.destination_vault_arn),
                               rd->region, j.backup_size_bytes, j.source_recovery_point_arn});
            }
        }
        if (want("restore")) {
            for (const auto& j : rd->restore_jobs) {
                if (!state_selected(sel.state, j.status, "")) continue;
                std::string message = j.status_message;
                if (!j.validation_status.empty()) {
                    message += (message.empty() ? "" : "; ") + std::string("validation ") + j.validation_status;
                }
                // The resource column names what was restored (the source);
                // the "where" column what it was restored into.
                const std::string& resource = j.source_resource_arn.empty() ? j.created_resource_arn : j.source_resource_arn;
                out.push_back({"restore", j.restore_job_id, arn_tail(resource), resource,
                               j.status, "", j.percent_done, j.creation_date, j.completion_date, message,
                               j.created_resource_arn.empty() ? "-" : "→ " + arn_tail(j.created_resource_arn),
                               rd->region, j.backup_size_bytes, j.recovery_point_arn});
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const JobRow& a, const JobRow& b) {
        return a.created.value_or(TimePoint{}) > b.created.value_or(TimePoint{});
    });
    return out;
}

void JobRows::format_row(std::size_t row, std::vector<widgets::TableCell>& cells) const {
    const JobRow& j = rows_[row];
    const TimePoint now = now_ ? *now_ : TimePoint{};
    const bool failed = job_failed(j.state, j.category);
    cells.assign(kJobColumnCount, {});
    cells[kJobKind] = {j.kind, Role::Dim};
    cells[kJobResource] = {j.resource_name.empty() ? "-" : j.resource_name, Role::Normal};
    cells[kJobState] = {shown_state(j), failed ? Role::Failed : state_role(j.state)};
    std::string pct = j.percent;
    if (const auto dot = pct.find('.'); dot != std::string::npos) pct.erase(dot);
    cells[kJobPercent] = {pct.empty() ? "" : pct + "%", Role::Dim};
    cells[kJobCreated] = {short_time(j.created), Role::Normal};
    cells[kJobDuration] = {elapsed(j.created, j.completed, now), job_running(j.state) ? Role::Info : Role::Dim};
    cells[kJobMessage] = {j.message, failed ? Role::Failed : Role::Dim};
    cells[kJobWhere] = {j.where, Role::Dim};
    cells[kJobId] = {j.id, Role::Dim};
    cells[kJobRegion] = {j.region, Role::Dim};
}

widgets::SortKey JobRows::sort_key(std::size_t row, std::size_t column) const {
    const JobRow& j = rows_[row];
    const TimePoint now = now_ ? *now_ : TimePoint{};
    switch (column) {
    case kJobCreated: return widgets::SortKey::of(j.created ? to_epoch_seconds(*j.created) : 0.0);
    case kJobPercent: return widgets::SortKey::of(j.percent.empty() ? -1.0 : std::atof(j.percent.c_str()));
    case kJobDuration: {
        if (!j.created) return widgets::SortKey::of(0.0);
        const TimePoint end = j.completed ? *j.completed : now;
        return widgets::SortKey::of(std::chrono::duration<double>(end - *j.created).count());
    }
    default: break;
    }
    return RowSource::sort_key(row, column);
}

}  // namespace vd::tui
