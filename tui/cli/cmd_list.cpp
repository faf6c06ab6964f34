// `vaultdeck list KIND`: one listing read straight from AWS (or any
// AWS-compatible endpoint, or with --demo the embedded simulator) through
// the typed service clients, over the accounts and regions every command
// covers (tui/cli/targets.hpp), printed as a table, CSV, or JSON in AWS's own
// shapes (docs/list-json.md). Any failure is one line on stderr and exit 1;
// a filter that does not apply to the kind is a usage error (exit 64).
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "backend/aws/session.hpp"
#include "backend/config/load.hpp"
#include "backend/sim/embedded.hpp"
#include "tui/cli/commands.hpp"
#include "tui/cli/list_fetch.hpp"
#include "tui/cli/list_json.hpp"
#include "tui/cli/output_format.hpp"
#include "tui/cli/targets.hpp"

namespace vd::cli {
namespace {

// Points this process at the embedded simulator: its test credentials win
// over anything in the environment, and instance metadata is never asked.
void use_simulator_credentials() {
    ::setenv("AWS_ACCESS_KEY_ID", "test", 1);
    ::setenv("AWS_SECRET_ACCESS_KEY", "test", 1);
    ::unsetenv("AWS_SESSION_TOKEN");
    ::unsetenv("AWS_PROFILE");
    ::setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
}

// Reads the kind in every region of every target, in order.
Result<Listing> fetch_all(const std::vector<poll::PollTarget>& targets, const GlobalOptions& g, const ListOptions& o,
                          AwsJson& regions_read) {
    std::optional<Listing> all;
    for (const auto& t : targets) {
        aws::SessionOptions options;
        options.profile = t.profile;
        options.region = t.regions.empty() ? std::string() : t.regions.front();
        options.endpoint_url = t.endpoint_url;
        options.read_only = g.read_only;
        auto session = aws::make_session(options);
        if (!session) return session.error();
        std::vector<std::string> regions = t.regions;
        if (regions.empty()) regions.push_back((*session)->region());
        for (const auto& region : regions) {
            ListClients clients;
            clients.backup = std::make_shared<services::BackupClient>((*session)->client_for("backup", region));
            clients.rds = std::make_shared<services::RdsClient>((*session)->client_for("rds", region));
            auto part = fetch_listing(clients, o, region, system_clock()->now());
            if (!part) return part.error();
            regions_read.push_back({{"account", t.name}, {"region", region}});
            if (!all) all = std::move(*part);
            else append_listing(*all, std::move(*part));
        }
    }
    if (!all) return make_error(ErrorKind::Config, "no account or region to list");
    return std::move(*all);
}

}  // namespace

int run_list(const GlobalOptions& g, const ListOptions& o) {
    auto format = parse_output_format(o.output);
    if (!format) {
        print_error("--output must be table, json or csv, not '" + o.output + "'");
        return kExitUsage;
    }
    if (auto problem = misplaced_filter(o); !problem.empty()) {
        print_error(problem);
        return kExitUsage;
    }
    auto cfg = config::load_config(g.config_path);
    if (!cfg) {
        print_error(cfg.error().to_string());
        return kExitWarning;
    }
    std::unique_ptr<sim::EmbeddedSimulator> simulator;
    std::string endpoint_url = g.endpoint_url;
    if (g.demo) {
        simulator = std::make_unique<sim::EmbeddedSimulator>(sim::SimOptions{});
        auto port = simulator->start();
        if (!port) {
            print_error(port.error().to_string());
            return kExitWarning;
        }
        use_simulator_credentials();
        endpoint_url = simulator->endpoint_url();
    }
    bool organization = false;
    auto targets = command_targets(g, *cfg, endpoint_url, &organization);
    // Fetched on a worker thread: the transport keeps one connection per
    // thread, and this one must close before the demo simulator stops.
    std::optional<Result<Listing>> fetched;
    AwsJson regions_read = AwsJson::array();
    std::thread worker([&] {
        if (auto expanded = expand_all_regions(targets); !expanded) {
            fetched.emplace(expanded.error());
            return;
        }
        fetched.emplace(fetch_all(targets, g, o, regions_read));
    });
    worker.join();
    auto& listing = *fetched;
    if (!listing) {
        print_error(listing.error().to_string());
        return kExitWarning;
    }
    listing->aws["vaultdeck"] = {{"schema", fmt::format("vaultdeck.list/{}", kListJsonSchema)}, {"kind", o.kind}, {"read", regions_read}};
    std::string out = render(*listing, *format);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitWarning;
}

}  // namespace vd::cli
