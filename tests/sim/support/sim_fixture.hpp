// Shared helpers for the simulator tests: an in-process simulator on a fixed
// clock, and requests to it without HTTP (scope-only Authorization header,
// signatures not checked) or signed for real.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "backend/core/clock.hpp"
#include "backend/sim/simulator.hpp"
#include "backend/sim/wire.hpp"

namespace vd::sim::testing {

// 2026-11-22T10:17:00Z: a fixed start, far from the 03:00 backup windows.
TimePoint fixed_start();

struct TestSim {
    std::shared_ptr<FixedClock> clock;
    std::unique_ptr<Simulator> sim;

    // A request for this service and region (scope-only Authorization header).
    WireResponse call(const std::string& service, const std::string& method, const std::string& path,
                      const std::string& query = {}, const std::string& body = {}, const std::string& region = "us-east-1");
    // GET on AWS Backup, body parsed as JSON (discarded JSON when not JSON).
    nlohmann::json backup_get(const std::string& path, const std::string& query = {}, int* status = nullptr,
                              const std::string& region = "us-east-1");
    // A query-protocol action (RDS or STS) with form parameters; the answer as XML text.
    WireResponse query(const std::string& service, const std::string& action,
                       const std::vector<std::pair<std::string, std::string>>& params, const std::string& region = "us-east-1");
    // Moves the fixed clock and lets the engine catch up.
    void advance(std::chrono::seconds by);
};

// A simulator with this scenario on a fixed clock (signatures not checked).
TestSim make_sim(const std::string& scenario, int64_t scale = 0, uint64_t seed = 42, std::shared_ptr<PgServer> postgres = {});

// Parses an XML body; fails the current test when it is not XML.
std::unique_ptr<pugi::xml_document> parse_xml(const std::string& body);
// Percent-encodes one URI path segment or query value.
std::string encode(const std::string& s);
// Collects every page of a Backup list: the items under list_key, following nextToken.
std::vector<nlohmann::json> backup_all_pages(TestSim& t, const std::string& path, const std::string& list_key,
                                             int max_results, const std::string& extra_query = {});

}  // namespace vd::sim::testing
