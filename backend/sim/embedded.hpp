// The simulator on a loopback HTTP port, in this process: `vaultdeck sim
// serve`, `vaultdeck --demo` and the tests start one with start() and talk
// to endpoint_url() with the real client code.
//
//   vd::sim::SimOptions o;            // demo scenario, key test / secret test
//   vd::sim::EmbeddedSimulator sim(o);
//   auto port = sim.start();          // Result<int>: the bound port
//   ... http://127.0.0.1:<port> ...
//   sim.stop();                       // also done by the destructor
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/sim/scenario.hpp"

namespace vd::sim {

class Simulator;

struct SimOptions {
    std::string scenario = "demo";  // demo, empty, small, large, hostile
    uint64_t seed = 42;
    int64_t scale = 0;              // recovery points of the large scenario
    double speed = 1.0;             // simulated seconds per real second
    std::string faults;             // fault spec, see faults.hpp
    std::string access_key = "test";
    std::string secret_key = "test";
    int port = 0;                   // 0: any free port
    std::string record_path;        // when set: one JSON line per answer (recorder.hpp)
    bool verify_signatures = true;
    std::shared_ptr<const Clock> wall_clock;  // default: the system clock
    std::optional<TimePoint> start_time;      // simulated start; default: the wall clock's now
    int threads = 32;               // HTTP worker threads (an idle kept-alive connection holds one)
    // A libpq conninfo: each DB instance is a database on that PostgreSQL
    // server, snapshots and restores copy them (postgres_backing.hpp).
    std::string postgres;
};

class EmbeddedSimulator {
public:
    explicit EmbeddedSimulator(SimOptions options);
    ~EmbeddedSimulator();
    EmbeddedSimulator(const EmbeddedSimulator&) = delete;
    EmbeddedSimulator& operator=(const EmbeddedSimulator&) = delete;

    // Builds the scenario, binds 127.0.0.1 and serves on background threads; the bound port.
    Result<int> start();
    // Stops serving and joins the threads (idempotent).
    void stop();
    int port() const;
    // http://127.0.0.1:PORT
    std::string endpoint_url() const;
    // The in-process simulator (null before start()).
    Simulator* simulator();
    // What the scenario planted (empty before start()).
    std::vector<PlantedProblem> planted() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vd::sim
