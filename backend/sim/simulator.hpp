// The simulator without its HTTP server: one world behind one mutex, the
// engine that moves it in time, and handle() which takes one request the way
// AWS would (faults, signature, routing by the credential scope's service
// and region, the service's handler, the service's error format).
//
// Threading: handle() and tick() may be called from any thread; both take
// the world lock. inspect() runs a function under the same lock (tests).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/sim/engine.hpp"
#include "backend/sim/faults.hpp"
#include "backend/sim/ids.hpp"
#include "backend/sim/pg_server.hpp"
#include "backend/sim/scenario.hpp"
#include "backend/sim/wire.hpp"
#include "backend/sim/world.hpp"

namespace vd::sim {

struct SimulatorConfig {
    std::string scenario = "demo";
    uint64_t seed = 42;
    int64_t scale = 0;
    std::shared_ptr<const Clock> wall_clock;  // the real clock (signing time, Date header); default: system
    std::shared_ptr<const Clock> sim_clock;   // simulated time; default: wall_clock
    FaultSpec faults;
    std::string access_key = "test";
    std::string secret_key = "test";
    bool verify_signatures = true;
    // Called with every answer (for --record), outside the world lock.
    std::function<void(const WireResponse&)> on_response;
    // The server whose databases back the DB instances (postgres_backing.hpp); null: none.
    std::shared_ptr<PgServer> postgres;
};

class Simulator {
public:
    // Builds the scenario; an error for an unknown scenario or bad options.
    static Result<std::unique_ptr<Simulator>> create(SimulatorConfig config);

    // Answers one request.
    WireResponse handle(const WireRequest& request);
    // Moves the world to the simulated clock's time.
    void tick();
    // Runs f on the world under the lock.
    template <class F>
    auto inspect(F&& f) {
        std::lock_guard<std::mutex> lock(mu_);
        return f(world_);
    }
    // The simulated time now.
    TimePoint now() const { return config_.sim_clock->now(); }
    const std::vector<PlantedProblem>& planted() const { return planted_; }

private:
    explicit Simulator(SimulatorConfig config);
    WireResponse dispatch(const WireRequest& request, std::string& service, std::string& operation);
    std::string next_request_id();

    SimulatorConfig config_;
    std::mutex mu_;
    World world_;
    IdSource ids_;
    Engine engine_;
    std::vector<PlantedProblem> planted_;
    std::mutex fault_mu_;
    IdSource fault_rng_;
    IdSource request_ids_;
};

}  // namespace vd::sim
