// Computes health findings on a thread of its own, so that a large account
// (a second of checks at 100 k recovery points) never holds up a frame or
// a keystroke. The console asks for the findings of each new snapshot; the
// worker evaluates the newest request, drops ones overtaken while it was
// busy, and calls `ready` (which wakes the UI loop) when a set is done.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/health/finding.hpp"
#include "backend/poll/snapshot.hpp"

namespace vd::tui {

class FindingsWorker {
public:
    using Evaluate = std::function<std::vector<health::Finding>(const poll::Snapshot&, TimePoint)>;

    struct Done {
        std::vector<health::Finding> findings;
        poll::SnapshotPtr snapshot;  // what they were computed from
        TimePoint at{};              // and at what time
    };

    FindingsWorker(Evaluate evaluate, std::function<void()> ready);
    // Waits for an evaluation in progress to end.
    ~FindingsWorker();
    FindingsWorker(const FindingsWorker&) = delete;
    FindingsWorker& operator=(const FindingsWorker&) = delete;

    // Asks for the findings of `snapshot` at `now`, replacing a request not started yet.
    void request(poll::SnapshotPtr snapshot, TimePoint now);
    // The newest finished set, once (UI thread).
    std::optional<Done> take();

private:
    void run();

    Evaluate evaluate_;
    std::function<void()> ready_;
    std::mutex mu_;
    std::condition_variable cv_;
    poll::SnapshotPtr pending_;
    TimePoint pending_at_{};
    std::optional<Done> done_;
    bool stopping_ = false;
    std::thread thread_;  // last: started once everything above exists
};

}  // namespace vd::tui
