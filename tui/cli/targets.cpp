#include "tui/cli/targets.hpp"

#include <algorithm>
#include <thread>

#include "backend/aws/session.hpp"
#include "backend/services/ec2_client.hpp"

namespace vd::cli {
namespace {

// One account named by the command line, labelled from the configuration
// when a configured account uses the same profile.
poll::PollTarget command_line_target(const GlobalOptions& g, const config::Config& cfg, const std::string& endpoint_url,
                                     bool* organization) {
    poll::PollTarget t;
    t.profile = g.profile;
    t.regions = g.regions;
    t.endpoint_url = endpoint_url;
    t.environment = "production";
    for (const auto& a : cfg.accounts) {
        if (!g.profile.empty() && a.profile == g.profile) {
            t.name = a.name;
            t.environment = config::environment_name(a.environment);
            *organization = *organization || a.organization_view;
        }
    }
    if (t.name.empty()) t.name = g.profile.empty() ? "default" : g.profile;
    return t;
}

// Replaces "all" by the regions DescribeRegions names, target by target.
Status ask_regions(std::vector<poll::PollTarget>& targets) {
    for (auto& t : targets) {
        auto all = std::find(t.regions.begin(), t.regions.end(), "all");
        if (all == t.regions.end()) continue;
        aws::SessionOptions options;
        options.profile = t.profile;
        options.endpoint_url = t.endpoint_url;
        for (const auto& r : t.regions)
            if (r != "all" && options.region.empty()) options.region = r;
        auto session = aws::make_session(options);
        if (!session && options.region.empty() && session.error().code == "NoRegion") {
            options.region = kDemoPrimaryRegion;  // EC2 answers DescribeRegions in any region
            session = aws::make_session(options);
        }
        if (!session) return session.error();
        auto regions = services::Ec2Client((*session)->client_for("ec2")).describe_regions();
        if (!regions) return regions.error();
        t.regions = std::move(*regions);
    }
    return ok_status();
}

}  // namespace

std::vector<poll::PollTarget> command_targets(const GlobalOptions& g, const config::Config& cfg,
                                              const std::string& endpoint_url, bool* organization) {
    if (g.demo) {
        std::vector<std::string> regions = g.regions;
        if (regions.empty()) regions = {kDemoPrimaryRegion, kDemoDrRegion};
        return {{"demo", "", "production", regions, endpoint_url}};
    }
    const bool command_line = !g.profile.empty() || !g.regions.empty() || !g.endpoint_url.empty();
    if (command_line || cfg.accounts.empty()) return {command_line_target(g, cfg, endpoint_url, organization)};
    std::vector<poll::PollTarget> targets;
    for (const auto& a : cfg.accounts) {
        targets.push_back({a.name, a.profile, config::environment_name(a.environment), a.regions, {}});
        *organization = *organization || a.organization_view;
    }
    return targets;
}

// Asks on its own thread: the transport keeps one connection per thread,
// and one left open on the caller's would hold up the demo simulator's stop.
Status expand_all_regions(std::vector<poll::PollTarget>& targets) {
    Status result = ok_status();
    std::thread asker([&] { result = ask_regions(targets); });
    asker.join();
    return result;
}

}  // namespace vd::cli
