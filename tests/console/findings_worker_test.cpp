// Findings computed off the UI thread: a slow evaluation never blocks the
// caller, requests overtaken while it runs are dropped, and the newest set
// arrives once, with the snapshot it belongs to.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "tui/app/findings_worker.hpp"

namespace vd::tui {
namespace {

using namespace std::chrono_literals;

// An evaluation that waits until the test opens the gate, and records which
// snapshot generations it was asked for.
struct Gate {
    std::mutex mu;
    std::condition_variable cv;
    bool open = false;
    std::vector<uint64_t> evaluated;
    std::atomic<int> ready_calls{0};

    std::vector<health::Finding> evaluate(const poll::Snapshot& s) {
        std::unique_lock lk(mu);
        evaluated.push_back(s.generation);
        cv.notify_all();
        cv.wait(lk, [&] { return open; });
        health::Finding f;
        f.reason = "generation " + std::to_string(s.generation);
        return {f};
    }
    void wait_for_evaluations(size_t n) {
        std::unique_lock lk(mu);
        cv.wait_for(lk, 10s, [&] { return evaluated.size() >= n; });
    }
    void release() {
        std::lock_guard lk(mu);
        open = true;
        cv.notify_all();
    }
};

poll::SnapshotPtr snapshot(uint64_t generation) {
    auto s = std::make_shared<poll::Snapshot>();
    s->generation = generation;
    return s;
}

TEST(FindingsWorker, ASlowEvaluationDoesNotBlockAndOvertakenRequestsAreDropped) {
    Gate gate;
    FindingsWorker worker([&](const poll::Snapshot& s, TimePoint) { return gate.evaluate(s); },
                          [&] { gate.ready_calls++; });
    worker.request(snapshot(1), TimePoint{});
    gate.wait_for_evaluations(1);

    // While generation 1 is evaluated, two more arrive: only the newest is kept.
    const auto asked = std::chrono::steady_clock::now();
    worker.request(snapshot(2), TimePoint{});
    worker.request(snapshot(3), TimePoint{});
    EXPECT_LT(std::chrono::steady_clock::now() - asked, 1s) << "request() waited for the evaluation";
    EXPECT_FALSE(worker.take().has_value()) << "nothing is finished yet";

    gate.release();
    gate.wait_for_evaluations(2);
    std::optional<FindingsWorker::Done> done;
    for (int i = 0; i < 500 && !(done && done->snapshot->generation == 3); ++i) {
        if (auto d = worker.take()) done = std::move(d);
        std::this_thread::sleep_for(10ms);
    }
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->snapshot->generation, 3u);
    ASSERT_EQ(done->findings.size(), 1u);
    EXPECT_EQ(done->findings[0].reason, "generation 3");
    {
        std::lock_guard lk(gate.mu);
        EXPECT_EQ(gate.evaluated, (std::vector<uint64_t>{1, 3}));
    }
    EXPECT_GE(gate.ready_calls.load(), 2);
    EXPECT_FALSE(worker.take().has_value()) << "a set is taken once";
}

}  // namespace
}  // namespace vd::tui
