// The poller: fetches every kind for every configured account and region on
// its own interval, at most N requests' worth of fetches at once, backs off
// per account and region on errors, and publishes immutable snapshots.
//
// Threading rules:
// - Worker threads fetch without holding the poller's lock, then merge the
//   result into the working copy under the lock.
// - Snapshots are published by the scheduler thread; the `wake` callback is
//   called after the lock is released and never calls back into the poller
//   (the console passes a function that writes to its eventfd).
// - The UI thread only ever reads snapshot(), a shared_ptr<const Snapshot>.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "backend/aws/http.hpp"
#include "backend/core/clock.hpp"
#include "backend/poll/fetch.hpp"
#include "backend/poll/snapshot.hpp"

namespace vd::poll {

// One account (profile) and the regions to watch in it.
struct PollTarget {
    std::string name;          // display name
    std::string profile;
    std::string environment;   // production, staging, dev
    std::vector<std::string> regions;
    std::string endpoint_url;  // override for every service (simulator, emulator)
};

struct PollIntervals {
    std::chrono::seconds vaults{900};
    std::chrono::seconds recovery_points{300};
    std::chrono::seconds jobs{60};
    std::chrono::seconds jobs_running{30};  // while any job is running
    std::chrono::seconds job_summaries{300};
    std::chrono::seconds plans{900};
    std::chrono::seconds protected_resources{900};
    std::chrono::seconds db_instances{120};  // instances and clusters
    std::chrono::seconds db_snapshots{300};  // snapshots and automated backups
    std::chrono::seconds restore_testing_plans{900};
    std::chrono::seconds bucket_lifecycles{3600};
    std::chrono::seconds identity{3600};
};

struct PollerOptions {
    std::vector<PollTarget> targets;
    PollIntervals intervals;
    int max_in_flight = 8;
    FetchOptions fetch;
    std::vector<Kind> kinds;  // empty: all_kinds()
    bool read_only = false;
    std::shared_ptr<const Clock> clock;               // empty: system clock
    std::shared_ptr<aws::HttpTransport> transport;    // empty: libcurl
    std::filesystem::path cache_file;                 // empty: no disk cache
    std::function<std::vector<DrillRecord>()> load_drills;  // drill reports, re-read on refresh
    std::function<void()> wake;                       // after each publish, outside any lock
};

class Poller {
public:
    virtual ~Poller() = default;
    // Starts the scheduler and workers; paints from the cache first if any.
    virtual void start() = 0;
    // Stops and joins every thread; in-flight requests finish first.
    virtual void stop() = 0;
    // The newest published snapshot (never null).
    virtual SnapshotPtr snapshot() const = 0;
    // Fetches every kind now, ahead of scheduled work.
    virtual void refresh_all() = 0;
    // Fetches every kind exactly once (no schedule, no cache) and returns the
    // snapshot: for headless commands. Errors are in each KindStatus.
    virtual SnapshotPtr poll_once() = 0;
};

// Creates a poller; fails when a target's profile or region cannot be resolved.
Result<std::unique_ptr<Poller>> make_poller(PollerOptions options);

}  // namespace vd::poll
