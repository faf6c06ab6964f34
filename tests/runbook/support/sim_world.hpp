// The embedded simulator for the runbook tests: one in-process AWS on a
// loopback port, a fixed clock shared by the simulator, the AWS clients and
// the engine (so a test moves time by hand), and backends over the real
// service clients.
#pragma once

#include <memory>
#include <string>

#include "backend/aws/client.hpp"
#include "backend/core/clock.hpp"
#include "backend/runbook/restore_backend.hpp"
#include "backend/sim/embedded.hpp"

namespace vd::test {

struct SimWorld {
    std::shared_ptr<FixedClock> clock;
    std::unique_ptr<sim::EmbeddedSimulator> sim;
    std::string endpoint;

    // An AwsClient for the simulator in a region (read-only refuses mutating calls).
    std::shared_ptr<aws::AwsClient> client(const std::string& region, bool read_only = false) const;
    // The runbook backend over the service clients.
    std::shared_ptr<runbook::RestoreBackend> backend(const std::string& region = "us-east-1", bool read_only = false) const;
    runbook::BackendFactory factory(bool read_only = false) const;
    // Moves the shared clock forward and lets the simulator catch up.
    void advance(Seconds by);
    // Every restore job of the region (through the real client).
    std::vector<model::RestoreJob> restore_jobs(const std::string& region = "us-east-1") const;
    // Every DB instance of the region.
    std::vector<model::DbInstance> db_instances(const std::string& region = "us-east-1") const;
};

// 2026-11-22T10:17:00Z, far from the scenarios' backup windows.
TimePoint sim_start_time();

// Starts the simulator with a scenario ("small" by default); the test fails when it cannot.
std::unique_ptr<SimWorld> start_sim_world(const std::string& scenario = "small");

}  // namespace vd::test
