// for_each_parallel: every index exactly once, never more threads than asked.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "backend/core/parallel.hpp"

namespace vd {
namespace {

TEST(ForEachParallel, EveryIndexRunsOnceWithAtMostTheLimitAtATime) {
    for (int limit : {1, 3, 8}) {
        std::vector<std::atomic<int>> runs(50);
        std::atomic<int> running{0}, most{0};
        for_each_parallel(runs.size(), limit, [&](size_t i) {
            int now = ++running;
            for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            runs[i]++;
            --running;
        });
        for (size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i].load(), 1) << "index " << i << ", limit " << limit;
        EXPECT_LE(most.load(), limit);
        if (limit > 1) EXPECT_GT(most.load(), 1) << "limit " << limit << " never ran two at once";
    }
    int calls = 0;
    for_each_parallel(0, 8, [&](size_t) { ++calls; });
    EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace vd
