// What the dashboard says about one account and region, computed from the
// snapshot and the findings: protection, RPO, recent jobs, next runs,
// drills due, and the freshness of every kind.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "tui/screens/screen.hpp"

namespace vd::tui {

inline constexpr int kSparkDays = 14;

// One upcoming scheduled run of a plan rule.
struct NextRun {
    std::string plan;
    std::string rule;
    std::string schedule;  // "daily at 03:00 UTC"
    TimePoint when{};
};

// The dashboard's numbers for one account and region.
struct RegionSummary {
    const poll::RegionData* data = nullptr;
    int protected_resources = 0;
    int rpo_met = 0;
    int rpo_missed = 0;
    int jobs_completed = 0;  // backup and copy jobs created in the last 24 h
    int jobs_failed = 0;
    int jobs_running = 0;
    std::array<int, kSparkDays> jobs_per_day{};    // oldest first, today last
    std::array<int, kSparkDays> failed_per_day{};
    std::vector<NextRun> next_runs;                // soonest first
    std::vector<const health::Finding*> drills;    // drill-due findings
};

// Summarizes one account and region at ctx.now.
RegionSummary summarize_region(const ScreenContext& ctx, const poll::RegionData& data);

// The next runs of every rule of the plans, soonest first, at most `limit`.
std::vector<NextRun> next_runs(const std::vector<model::BackupPlan>& plans, TimePoint now, std::size_t limit);

// True for job states that count as failed (FAILED, ABORTED, EXPIRED, PARTIAL)
// or COMPLETED with issues.
bool job_failed(std::string_view state, std::string_view message_category);
// True for job states still in progress.
bool job_running(std::string_view state);

// The findings worth listing (not OK), most severe first.
std::vector<const health::Finding*> problems_first(std::vector<const health::Finding*> findings);

}  // namespace vd::tui
