// The daily glance against the simulator's scenarios: on the demo, the health
// report names exactly the problems the scenario planted (nothing missed,
// nothing invented) and is critical; on the empty scenario it is ok.
#include <map>
#include <set>
#include <utility>

#include <gtest/gtest.h>

#include "backend/config/config.hpp"
#include "backend/health/report.hpp"
#include "backend/poll/poller.hpp"
#include "backend/sim/embedded.hpp"
#include "tests/integration/support/planted.hpp"
#include "tests/integration/support/sim_environment.hpp"

using namespace vd;
using vd::test::describe;
using vd::test::expected_from;
using vd::test::Problem;
using vd::test::problems_of;

namespace {

class StatusScenarios : public vd::test::SimEnvironment {
protected:
    // Starts the scenario, polls both regions once and evaluates the health model.
    health::Report report_for(const std::string& scenario, std::vector<sim::PlantedProblem>* planted,
                              bool organization_view = false) {
        sim::SimOptions so;
        so.scenario = scenario;
        sim::EmbeddedSimulator simulator(so);
        auto started = simulator.start();
        EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().to_string());
        if (planted) *planted = simulator.planted();
        auto poller = poller_for(simulator.endpoint_url(), {}, organization_view);
        if (!poller) return {};
        auto snap = poller->poll_once();
        snapshot_ = snap;
        for (const auto& r : snap->regions)
            for (const auto& [kind, ks] : r.status) EXPECT_TRUE(ks.loaded) << r.region << " " << poll::kind_name(kind);
        return health::evaluate(*snap, config::Config{}, snap->taken);
    }

    std::shared_ptr<const poll::Snapshot> snapshot_;
};

}  // namespace

TEST_F(StatusScenarios, DemoReportsExactlyThePlantedProblemsAndIsCritical) {
    std::vector<sim::PlantedProblem> planted;
    auto report = report_for("demo", &planted);
    ASSERT_FALSE(planted.empty());
    std::vector<std::string> unknown_kinds;
    auto expected = expected_from(planted, &unknown_kinds);
    EXPECT_TRUE(unknown_kinds.empty()) << "planted kind without an expectation: " << unknown_kinds.front();
    auto found = problems_of(report);

    std::set<Problem> missed, invented;
    for (const auto& p : expected)
        if (!found.count(p)) missed.insert(p);
    for (const auto& p : found)
        if (!expected.count(p)) invented.insert(p);
    EXPECT_TRUE(missed.empty()) << "planted but not reported:\n" << describe(missed);
    EXPECT_TRUE(invented.empty()) << "reported but not planted:\n" << describe(invented);

    EXPECT_EQ(report.overall, health::Severity::Critical);
    EXPECT_EQ(health::exit_code(report.overall), 2);
    EXPECT_EQ(report.counts.unknown, 0);
}

TEST_F(StatusScenarios, EmptyScenarioIsOk) {
    auto report = report_for("empty", nullptr);
    EXPECT_TRUE(problems_of(report).empty()) << describe(problems_of(report));
    EXPECT_EQ(report.overall, health::Severity::Ok);
    EXPECT_EQ(health::exit_code(report.overall), 0);
}

TEST_F(StatusScenarios, OrganizationViewAddsTheMemberAccountsFailedJob) {
    std::vector<sim::PlantedProblem> planted;
    auto report = report_for("demo", &planted, true);
    const sim::PlantedProblem* member = nullptr;
    for (const auto& p : planted)
        if (p.kind == "member-job-failed") member = &p;
    ASSERT_NE(member, nullptr);

    // The demo account's own problems, plus the member's failed job under its own account.
    auto expected = expected_from(planted);
    expected.insert({"job-failed", member->resource_arn});
    EXPECT_EQ(problems_of(report), expected) << "found:\n" << describe(problems_of(report));
    for (const auto& f : report.findings)
        if (f.check == "job-failed" && f.resource == member->resource_arn) EXPECT_EQ(f.account_id, "210987654321");

    // Job summaries (AccountId ANY) count both accounts.
    std::set<std::string> summary_accounts;
    for (const auto& r : snapshot_->regions)
        for (const auto& row : r.job_summaries) summary_accounts.insert(row.account_id);
    EXPECT_TRUE(summary_accounts.count("123456789012")) << summary_accounts.size();
    EXPECT_TRUE(summary_accounts.count("210987654321")) << summary_accounts.size();
}

TEST_F(StatusScenarios, OwnViewNeverShowsAnotherAccountsJobs) {
    report_for("demo", nullptr, false);
    for (const auto& r : snapshot_->regions) {
        for (const auto& j : r.backup_jobs) EXPECT_NE(j.account_id, "210987654321") << j.job_id;
        for (const auto& row : r.job_summaries) EXPECT_NE(row.account_id, "210987654321");
    }
}
