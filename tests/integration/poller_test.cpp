// The poller against the embedded simulator: complete data, no partial list
// shown as complete under a throttling storm, and a second start painted
// from the disk cache.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include <fstream>

#include "backend/poll/cache_codec.hpp"
#include "backend/poll/poller.hpp"
#include "backend/poll/snapshot_cache.hpp"
#include "backend/sim/embedded.hpp"
#include "tests/integration/support/sim_environment.hpp"

using namespace vd;
using namespace std::chrono_literals;

namespace {

using vd::test::SimEnvironment;

size_t count_points(const poll::Snapshot& s) {
    size_t n = 0;
    for (const auto& r : s.regions) n += r.recovery_points.size();
    return n;
}

sim::SimOptions small_scenario() {
    sim::SimOptions so;
    so.scenario = "small";
    return so;
}

// Waits (up to 10 s) until a started poller has published recovery points.
size_t wait_for_points(const poll::Poller& poller) {
    for (int i = 0; i < 200 && count_points(*poller.snapshot()) == 0; ++i) std::this_thread::sleep_for(50ms);
    return count_points(*poller.snapshot());
}

}  // namespace

TEST_F(SimEnvironment, PollOnceLoadsEveryKindOfEveryRegion) {
    sim::SimOptions so;
    so.scenario = "small";
    sim::EmbeddedSimulator simulator(so);
    ASSERT_TRUE(simulator.start().ok());
    auto poller = poller_for(simulator.endpoint_url());
    ASSERT_TRUE(poller);
    auto snap = poller->poll_once();
    ASSERT_EQ(snap->regions.size(), 2u);
    for (const auto& r : snap->regions) {
        EXPECT_EQ(r.account_id, "123456789012") << r.region;
        for (const auto& [kind, ks] : r.status) {
            EXPECT_TRUE(ks.loaded) << r.region << " " << poll::kind_name(kind) << ": " << ks.last_error;
            EXPECT_TRUE(ks.last_error.empty()) << ks.last_error;
        }
        EXPECT_FALSE(r.vaults.empty()) << r.region;
    }
    EXPECT_GT(count_points(*snap), 0u);
    for (const auto& r : snap->regions)
        for (const auto& p : r.recovery_points) EXPECT_EQ(p.origin.region, r.region);
}

TEST_F(SimEnvironment, ThrottlingStormNeverShowsAPartialListAsComplete) {
    sim::SimOptions calm;
    calm.scenario = "small";
    sim::EmbeddedSimulator reference(calm);
    ASSERT_TRUE(reference.start().ok());
    auto truth = poller_for(reference.endpoint_url())->poll_once();

    sim::SimOptions storm = calm;
    storm.faults = "throttle=0.6,error5xx=0.1";
    sim::EmbeddedSimulator stormy(storm);
    ASSERT_TRUE(stormy.start().ok());
    ::setenv("AWS_MAX_ATTEMPTS", "2", 1);
    auto snap = poller_for(stormy.endpoint_url())->poll_once();
    ::unsetenv("AWS_MAX_ATTEMPTS");

    int failed_kinds = 0;
    for (size_t i = 0; i < snap->regions.size(); ++i) {
        const auto& r = snap->regions[i];
        const auto& t = truth->regions[i];
        auto rp = r.status.at(poll::Kind::RecoveryPoints);
        if (rp.loaded) {
            EXPECT_EQ(r.recovery_points.size(), t.recovery_points.size()) << r.region << " shown as complete";
        } else {
            ++failed_kinds;
            EXPECT_TRUE(r.recovery_points.empty()) << "a failed fetch must leave no partial list";
            EXPECT_FALSE(rp.last_error.empty());
        }
        auto vaults = r.status.at(poll::Kind::Vaults);
        if (vaults.loaded) EXPECT_EQ(r.vaults.size(), t.vaults.size());
        for (const auto& [kind, ks] : r.status) failed_kinds += ks.loaded ? 0 : 1;
    }
    EXPECT_GT(failed_kinds, 0) << "a 60% throttling storm with 2 attempts should fail some fetches";
}

TEST_F(SimEnvironment, AFailedRefreshKeepsTheLastCompleteDataAndMarksItStale) {
    sim::SimOptions so;
    so.scenario = "small";
    sim::EmbeddedSimulator simulator(so);
    ASSERT_TRUE(simulator.start().ok());
    auto poller = poller_for(simulator.endpoint_url());
    auto first = poller->poll_once();
    const size_t points = count_points(*first);
    ASSERT_GT(points, 0u);

    simulator.stop();  // the endpoint now refuses every request
    ::setenv("AWS_MAX_ATTEMPTS", "1", 1);
    auto second = poller->poll_once();
    ::unsetenv("AWS_MAX_ATTEMPTS");

    EXPECT_EQ(count_points(*second), points) << "the last complete list stays on screen";
    for (const auto& r : second->regions) {
        const auto& rp = r.status.at(poll::Kind::RecoveryPoints);
        EXPECT_TRUE(rp.loaded) << r.region;
        EXPECT_TRUE(rp.stale) << r.region;
        EXPECT_NE(rp.last_error.find("could not connect"), std::string::npos) << rp.last_error;
        EXPECT_TRUE(r.status.at(poll::Kind::Vaults).stale) << r.region;
        EXPECT_FALSE(r.vaults.empty()) << r.region;
    }
}

TEST_F(SimEnvironment, SecondStartPaintsFromTheCache) {
    auto cache = home_ / "cache" / "snapshot-test.cache";
    size_t points = 0;
    {
        sim::EmbeddedSimulator simulator(small_scenario());
        ASSERT_TRUE(simulator.start().ok());
        auto poller = poller_for(simulator.endpoint_url(), cache);
        poller->start();
        wait_for_points(*poller);
        std::this_thread::sleep_for(500ms);
        points = count_points(*poller->snapshot());
        poller->stop();
    }
    ASSERT_GT(points, 0u);
    ASSERT_TRUE(std::filesystem::exists(cache));
    EXPECT_EQ(std::filesystem::status(cache).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

    // The simulator is gone: the endpoint refuses, yet the first snapshot has the data, labelled cached.
    auto poller = poller_for("http://127.0.0.1:9", cache);
    poller->start();
    auto snap = poller->snapshot();
    EXPECT_EQ(count_points(*snap), points);
    bool any_cached = false;
    for (const auto& r : snap->regions)
        for (const auto& [kind, ks] : r.status) any_cached = any_cached || ks.from_cache;
    EXPECT_TRUE(any_cached);
    poller->stop();
}

TEST_F(SimEnvironment, ADamagedCacheIsIgnoredWithANoticeAndTheDataIsFetched) {
    auto cache = home_ / "cache" / "snapshot-test.cache";
    std::filesystem::create_directories(cache.parent_path());
    std::ofstream(cache) << "VDCACHE" << '\0' << static_cast<char>(poll::kCacheFormat) << "\xff\xff";
    sim::EmbeddedSimulator simulator(small_scenario());
    ASSERT_TRUE(simulator.start().ok());
    auto poller = poller_for(simulator.endpoint_url(), cache);
    poller->start();
    EXPECT_NE(poller->snapshot()->notice.find("ignored: the cache ends early or is damaged"), std::string::npos)
        << poller->snapshot()->notice;
    EXPECT_GT(wait_for_points(*poller), 0u);
    poller->stop();
}
