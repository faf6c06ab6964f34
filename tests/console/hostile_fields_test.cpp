// Hostile text in every field of every model type (each string a terminal
// would obey: a screen clear, an OSC 52 clipboard write, BEL, a C1 CSI, a
// right-to-left override and a forged line) reaches no output as a control:
// the `list` tables, CSV and JSON of every kind, `status` text and JSON, and
// every console screen. The names still show, with their controls written out.
#include <gtest/gtest.h>

#include <sstream>

#include "backend/config/config.hpp"
#include "backend/core/untrusted_text.hpp"
#include "backend/health/report.hpp"
#include "backend/health/report_json.hpp"
#include "support/console_fixture.hpp"
#include "support/sample_snapshot.hpp"
#include "tests/support/field_filler.hpp"
#include "tui/cli/commands.hpp"
#include "tui/cli/list_json.hpp"
#include "tui/cli/listings.hpp"
#include "tui/cli/output_format.hpp"

namespace vd {
namespace {

const std::string kHostile = "\x1b[2J\x1b]52;c;cHduZWQ=\x07\xc2\x9b" "31m\xe2\x80\xae" "evil\r\nforged";

poll::Snapshot hostile_snapshot() {
    poll::Snapshot s;
    s.taken = testing::sample_now();
    s.regions.resize(1);
    // Enums stay in range (their first value); every text is hostile.
    testing::FieldFiller filler([](int n) { return kHostile + std::to_string(n); }, [](int) { return 0; });
    filler.fill(s.regions[0]);
    filler.fill(s.drills);
    return s;
}

// Every line of `out` passes the gate unchanged, no line was forged, and
// some hostile text was shown (its ESC written out: \x1b, or \u001b in JSON).
void expect_clean(const std::string& what, const std::string& out) {
    std::istringstream in(out);
    std::string line;
    int lines = 0;
    while (std::getline(in, line)) {
        ++lines;
        if (!line.empty() && line.back() == '\r') line.pop_back();  // CSV's record end
        EXPECT_TRUE(is_visible(line)) << what << ", line " << lines << ": " << line.substr(0, 200);
        EXPECT_NE(line.rfind("forged", 0), 0u) << what << " starts a line with text from a field";
    }
    EXPECT_TRUE(out.find("\\x1b[2J") != std::string::npos || out.find("\\u001b[2J") != std::string::npos)
        << what << " shows no hostile name at all";
}

template <class T>
std::vector<T> items(const SharedList<T>& list) {
    return std::vector<T>(list.begin(), list.end());
}

TEST(HostileFields, EveryListingInEveryFormat) {
    const poll::Snapshot s = hostile_snapshot();
    const auto& r = s.regions[0];
    const std::vector<std::pair<std::string, cli::Listing>> listings{
        {"vaults", cli::vaults_listing(items(r.vaults))},
        {"recovery-points", cli::recovery_points_listing(items(r.recovery_points))},
        {"backup-jobs", cli::backup_jobs_listing(items(r.backup_jobs))},
        {"restore-jobs", cli::restore_jobs_listing(items(r.restore_jobs))},
        {"copy-jobs", cli::copy_jobs_listing(items(r.copy_jobs))},
        {"plans", cli::plans_listing(items(r.plans))},
        {"protected-resources", cli::protected_resources_listing(items(r.protected_resources))},
        {"db-instances", cli::db_instances_listing(items(r.db_instances))},
        {"db-snapshots", cli::db_snapshots_listing(items(r.db_snapshots))},
    };
    for (const auto& [kind, listing] : listings) {
        ASSERT_FALSE(listing.rows.empty()) << kind;
        expect_clean(kind + " table", cli::render(listing, cli::OutputFormat::Table));
        expect_clean(kind + " csv", cli::render(listing, cli::OutputFormat::Csv));
        expect_clean(kind + " json", cli::render(listing, cli::OutputFormat::Json));
    }
    // --output json prints the AWS-shaped members instead of the columns.
    const std::string region = r.region;
    cli::Listing aws;
    for (const auto& v : r.vaults) aws.aws["BackupVaultList"].push_back(cli::vault_json(v, region));
    for (const auto& p : r.recovery_points) aws.aws["RecoveryPoints"].push_back(cli::recovery_point_json(p, region, s.taken, false));
    for (const auto& j : r.backup_jobs) aws.aws["BackupJobs"].push_back(cli::backup_job_json(j, region));
    for (const auto& j : r.restore_jobs) aws.aws["RestoreJobs"].push_back(cli::restore_job_json(j, region));
    for (const auto& j : r.copy_jobs) aws.aws["CopyJobs"].push_back(cli::copy_job_json(j, region));
    for (const auto& p : r.plans) aws.aws["BackupPlansList"].push_back(cli::plan_json(p, region));
    for (const auto& p : r.protected_resources) aws.aws["Results"].push_back(cli::protected_resource_json(p, region));
    for (const auto& d : r.db_instances) aws.aws["DBInstances"].push_back(cli::db_instance_json(d, region));
    for (const auto& d : r.db_snapshots) aws.aws["DBSnapshots"].push_back(cli::db_snapshot_json(d, region));
    const std::string json = cli::render(aws, cli::OutputFormat::Json);
    expect_clean("AWS-shaped json", json);
    EXPECT_TRUE(nlohmann::json::accept(json)) << "still JSON";
}

TEST(HostileFields, StatusTextAndJson) {
    const poll::Snapshot s = hostile_snapshot();
    const health::Report report = health::evaluate(s, config::Config{}, s.taken);
    ASSERT_FALSE(report.findings.empty());
    expect_clean("status text", cli::status_text(report, s, kHostile));
    const std::string json = visible_json(health::report_to_json_text(report));
    expect_clean("status json", json);
    EXPECT_TRUE(nlohmann::json::accept(json));
}

TEST(HostileFields, EveryScreen) {
    auto options = testing::sample_options();
    options.evaluate = [](const poll::Snapshot& snap, TimePoint now) { return health::evaluate(snap, config::Config{}, now).findings; };
    auto console = testing::sample_console(std::move(options), true);
    console->set_snapshot(std::make_shared<poll::Snapshot>(hostile_snapshot()));
    int screens_showing_names = 0;
    for (char screen = '1'; screen <= '8'; ++screen) {
        testing::type(*console, std::string(1, screen));
        for (auto [w, h] : {std::pair{120, 40}, std::pair{80, 24}, std::pair{200, 50}}) {
            const std::string frame = testing::frame_text(*console, w, h);
            if (w == 200 && frame.find("cHduZWQ=") != std::string::npos) ++screens_showing_names;
            std::istringstream in(frame);
            std::string line;
            while (std::getline(in, line))
                EXPECT_TRUE(is_visible(line)) << "screen " << screen << " at " << w << "x" << h << ": " << line.substr(0, 200);
        }
    }
    EXPECT_GE(screens_showing_names, 6) << "the names are drawn, without their controls";
}

}  // namespace
}  // namespace vd
