// The individual health checks. Each is a pure function of the context and
// appends its findings; report.hpp runs them all. Thresholds are documented
// in docs/status-json.md and next to each check.
#pragma once

#include <vector>

#include "backend/health/context.hpp"

namespace vd::health {

using Findings = std::vector<Finding>;

// rpo: the newest completed recovery point (or PITR time) against the target.
void check_rpo(const CheckContext& ctx, Findings& out);
// job-failed, job-issues: failed/expired/aborted/partial jobs and jobs
// completed with issues, in the last 24 hours and 7 days.
void check_jobs(const CheckContext& ctx, Findings& out);
// unprotected: resources that no backup plan selects; restored-leftover:
// resources an on-call restore created that are still there a week later.
void check_unprotected(const CheckContext& ctx, Findings& out);
// plan-rule: AWS's lifecycle constraint and the configured minimums.
void check_plan_rules(const CheckContext& ctx, Findings& out);
// next-run, missed-run: every rule's next run and runs that did not happen.
void check_schedules(const CheckContext& ctx, Findings& out);
// copy-missing: points of rules with copy actions without their copy.
void check_copies(const CheckContext& ctx, Findings& out);
// vault-unlocked, unencrypted.
void check_vaults(const CheckContext& ctx, Findings& out);
// lifecycle-soon, cost.
void check_lifecycle(const CheckContext& ctx, Findings& out);
// drill-due: the last successful restore test and when the next is due.
void check_drills(const CheckContext& ctx, Findings& out);
// data-missing: regions whose data never loaded (unknown).
void check_coverage(const CheckContext& ctx, Findings& out);

}  // namespace vd::health
