// What a command needs to read AWS: the configuration, the embedded
// simulator when --demo, and a poller over the configured accounts and
// regions. Commands open one Environment and read snapshots from it.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/poll/poller.hpp"
#include "tui/cli/commands.hpp"

namespace vd::config {
struct Config;
}

namespace vd::cli {

enum class EnvironmentUse {
    Console,   // the full-screen console: cache, schedule, wake callback
    Headless,  // one-shot commands: poll_once, no cache
};

class Environment {
public:
    virtual ~Environment() = default;
    virtual poll::Poller& poller() = 0;
    virtual const config::Config& config() const = 0;
    // "demo: simulator on 127.0.0.1:PORT" or "profile prod, us-east-1,us-west-2".
    virtual std::string description() const = 0;
    // The endpoint every service goes to when overridden (the simulator in --demo).
    virtual std::string endpoint_url() const = 0;
    // The clock AWS is read with: the system clock, or in --demo the
    // simulator's (VAULTDECK_DEMO_SPEED times faster than real time).
    virtual std::shared_ptr<const Clock> clock() const = 0;
    // True on the embedded simulator.
    virtual bool demo() const = 0;
};

// Opens the environment for the global options; `wake` is called after each
// snapshot is published (Console use), outside any lock.
Result<std::unique_ptr<Environment>> open_environment(const GlobalOptions& options, EnvironmentUse use,
                                                      std::function<void()> wake = {});

}  // namespace vd::cli
