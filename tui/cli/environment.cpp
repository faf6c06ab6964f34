#include "tui/cli/environment.hpp"

#include <cstdlib>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "backend/config/load.hpp"
#include "backend/poll/snapshot_cache.hpp"
#include "backend/sim/embedded.hpp"
#include "backend/sim/sim_clock.hpp"
#include "tui/cli/drill_records.hpp"
#include "tui/cli/targets.hpp"

namespace vd::cli {
namespace {

// The bucket the demo scenario gives a lifecycle rule.
constexpr const char* kDemoBucket = "acme-media-prod";

// Points this process at the embedded simulator: its test credentials win
// over anything in the environment, and instance metadata is never asked.
void use_simulator_credentials() {
    ::setenv("AWS_ACCESS_KEY_ID", "test", 1);
    ::setenv("AWS_SECRET_ACCESS_KEY", "test", 1);
    ::unsetenv("AWS_SESSION_TOKEN");
    ::unsetenv("AWS_PROFILE");
    ::setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
}

// VAULTDECK_DEMO_SPEED: simulated seconds per real second in --demo (1 when
// unset or not a number from 1 to 3600).
double demo_speed() {
    const char* text = std::getenv("VAULTDECK_DEMO_SPEED");
    if (text == nullptr) return 1.0;
    char* end = nullptr;
    const double speed = std::strtod(text, &end);
    return end != text && *end == '\0' && speed >= 1.0 && speed <= 3600.0 ? speed : 1.0;
}

poll::PollIntervals intervals_from(const config::PollIntervals& c) {
    poll::PollIntervals p;
    p.vaults = c.vaults;
    p.recovery_points = c.recovery_points;
    p.jobs = c.jobs;
    p.jobs_running = c.jobs_running;
    p.job_summaries = c.job_summaries;
    p.plans = c.plans;
    p.protected_resources = c.protected_resources;
    p.db_instances = c.db_instances;
    p.db_snapshots = c.db_snapshots;
    p.restore_testing_plans = c.restore_testing_plans;
    p.bucket_lifecycles = c.bucket_lifecycles;
    p.identity = c.identity;
    return p;
}

class EnvironmentImpl final : public Environment {
public:
    poll::Poller& poller() override { return *poller_; }
    const config::Config& config() const override { return config_; }
    std::string description() const override { return description_; }
    std::string endpoint_url() const override { return endpoint_url_; }
    std::shared_ptr<const Clock> clock() const override { return clock_; }
    bool demo() const override { return sim_ != nullptr; }

    ~EnvironmentImpl() override {
        if (poller_) poller_->stop();
        poller_.reset();
        if (sim_) sim_->stop();
    }

    config::Config config_;
    std::unique_ptr<sim::EmbeddedSimulator> sim_;
    std::unique_ptr<poll::Poller> poller_;
    std::string description_;
    std::string endpoint_url_;
    std::shared_ptr<const Clock> clock_ = system_clock();
};

}  // namespace

Result<std::unique_ptr<Environment>> open_environment(const GlobalOptions& g, EnvironmentUse use,
                                                      std::function<void()> wake) {
    auto env = std::make_unique<EnvironmentImpl>();
    auto cfg = config::load_config(g.config_path);
    if (!cfg) return cfg.error();
    env->config_ = std::move(*cfg);

    poll::PollerOptions po;
    bool organization = false;
    if (g.demo) {
        sim::SimOptions so;
        so.speed = demo_speed();
        so.start_time = system_clock()->now();
        env->clock_ = std::make_shared<sim::SimClock>(system_clock(), so.speed, *so.start_time);
        po.clock = env->clock_;
        env->sim_ = std::make_unique<sim::EmbeddedSimulator>(so);
        auto port = env->sim_->start();
        if (!port) return port.error();
        use_simulator_credentials();
        env->endpoint_url_ = env->sim_->endpoint_url();
        po.targets = command_targets(g, env->config_, env->endpoint_url_, &organization);
        po.fetch.buckets = {kDemoBucket};
        env->description_ = fmt::format("demo: simulator on {}", env->endpoint_url_);
    } else {
        po.targets = command_targets(g, env->config_, g.endpoint_url, &organization);
        po.fetch.buckets = env->config_.s3_buckets;
        env->endpoint_url_ = g.endpoint_url;
    }
    if (auto expanded = expand_all_regions(po.targets); !expanded) return expanded.error();
    if (!g.demo) {
        const auto& t = po.targets.front();
        env->description_ = fmt::format("profile {}{}", t.profile.empty() ? "default" : t.profile,
                                        t.regions.empty() ? "" : fmt::format(", {}", fmt::join(t.regions, ",")));
    }
    po.intervals = intervals_from(env->config_.poll);
    po.max_in_flight = env->config_.max_in_flight;
    po.fetch.job_window = std::chrono::duration_cast<std::chrono::hours>(env->config_.job_window);
    po.fetch.organization_view = organization;
    po.read_only = g.read_only;
    po.load_drills = [] { return load_drill_records(); };
    if (use == EnvironmentUse::Console) {
        std::string key = g.demo ? "demo" : po.targets.front().profile;
        for (const auto& t : po.targets) key += "-" + fmt::format("{}", fmt::join(t.regions, "-"));
        po.cache_file = poll::default_cache_file(key);
        po.wake = std::move(wake);
    }
    auto poller = poll::make_poller(std::move(po));
    if (!poller) return poller.error();
    env->poller_ = std::move(*poller);
    return std::unique_ptr<Environment>(std::move(env));
}

}  // namespace vd::cli
