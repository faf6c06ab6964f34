// Runs independent pieces of work on a few threads at once: how listings
// that AWS pages per vault are fetched without waiting for each vault in
// turn.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace vd {

// Calls work(i) for every i in [0, count), on up to `limit` threads (the
// caller's among them), and returns once every call has returned. Each
// index is taken by exactly one thread; work must be safe to run
// concurrently for different indexes.
template <class Work>
void for_each_parallel(std::size_t count, int limit, Work&& work) {
    std::atomic<std::size_t> next{0};
    auto drain = [&] {
        for (std::size_t i = next++; i < count; i = next++) work(i);
    };
    const std::size_t threads = std::min<std::size_t>(count, static_cast<std::size_t>(std::max(limit, 1)));
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(drain);
    drain();
    for (auto& h : helpers) h.join();
}

}  // namespace vd
