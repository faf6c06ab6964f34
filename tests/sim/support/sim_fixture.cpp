#include "sim/support/sim_fixture.hpp"

#include <gtest/gtest.h>

#include "backend/aws/sigv4.hpp"
#include "backend/core/time_format.hpp"

namespace vd::sim::testing {

TimePoint fixed_start() { return *parse_time("2026-11-22T10:17:00Z"); }

TestSim make_sim(const std::string& scenario, int64_t scale, uint64_t seed, std::shared_ptr<PgServer> postgres) {
    TestSim t;
    t.clock = std::make_shared<FixedClock>(fixed_start());
    SimulatorConfig config;
    config.scenario = scenario;
    config.scale = scale;
    config.seed = seed;
    config.wall_clock = t.clock;
    config.sim_clock = t.clock;
    config.verify_signatures = false;
    config.postgres = std::move(postgres);
    auto sim = Simulator::create(config);
    EXPECT_TRUE(sim.ok()) << (sim.ok() ? "" : sim.error().message);
    if (sim) t.sim = std::move(*sim);
    return t;
}

WireResponse TestSim::call(const std::string& service, const std::string& method, const std::string& path,
                           const std::string& query, const std::string& body, const std::string& region) {
    WireRequest r;
    r.method = method;
    r.path = path;
    r.query = query;
    r.body = body;
    r.headers = {{"Host", "127.0.0.1"},
                 {"Authorization", "AWS4-HMAC-SHA256 Credential=test/20261122/" + region + "/" + service +
                                       "/aws4_request, SignedHeaders=host, Signature=0"}};
    if (service == "rds" || service == "sts") r.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return sim->handle(r);
}

nlohmann::json TestSim::backup_get(const std::string& path, const std::string& query, int* status, const std::string& region) {
    WireResponse r = call("backup", "GET", path, query, {}, region);
    if (status != nullptr) *status = r.status;
    return nlohmann::json::parse(r.body, nullptr, false);
}

WireResponse TestSim::query(const std::string& service, const std::string& action,
                            const std::vector<std::pair<std::string, std::string>>& params, const std::string& region) {
    std::string body = "Action=" + action + "&Version=" + (service == "sts" ? "2011-06-15" : "2014-10-31");
    for (const auto& [k, v] : params) body += "&" + encode(k) + "=" + encode(v);
    return call(service, "POST", "/", {}, body, region);
}

void TestSim::advance(std::chrono::seconds by) {
    clock->advance(by);
    sim->tick();
}

std::unique_ptr<pugi::xml_document> parse_xml(const std::string& body) {
    auto doc = std::make_unique<pugi::xml_document>();
    auto result = doc->load_string(body.c_str());
    EXPECT_TRUE(result) << "not XML: " << body.substr(0, 200);
    return doc;
}

std::string encode(const std::string& s) { return aws::sigv4::uri_encode(s, true); }

std::vector<nlohmann::json> backup_all_pages(TestSim& t, const std::string& path, const std::string& list_key,
                                             int max_results, const std::string& extra_query) {
    std::vector<nlohmann::json> items;
    std::string token;
    for (int pages = 0; pages < 10000; ++pages) {
        std::string q = "maxResults=" + std::to_string(max_results);
        if (!token.empty()) q += "&nextToken=" + encode(token);
        if (!extra_query.empty()) q += "&" + extra_query;
        int status = 0;
        auto page = t.backup_get(path, q, &status);
        EXPECT_EQ(status, 200) << page.dump();
        if (status != 200) break;
        EXPECT_LE(static_cast<int>(page[list_key].size()), max_results);
        for (auto& item : page[list_key]) items.push_back(item);
        if (!page.contains("NextToken")) break;
        token = page["NextToken"].get<std::string>();
    }
    return items;
}

}  // namespace vd::sim::testing
