#include "backend/poll/poller.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "backend/aws/session.hpp"
#include "backend/core/memory.hpp"
#include "backend/poll/kind_fields.hpp"
#include "backend/poll/snapshot_cache.hpp"

namespace vd::poll {
namespace {

using std::chrono::seconds;

bool is_job_kind(Kind k) { return k == Kind::BackupJobs || k == Kind::CopyJobs || k == Kind::RestoreJobs; }

// One account in one region: its clients, its working data, its backoff.
struct Region {
    RegionClients clients;
    RegionData data;
    int consecutive_errors = 0;
    TimePoint backoff_until{};
};

// One (region, kind) pair on the schedule.
struct Slot {
    size_t region = 0;
    Kind kind = Kind::Identity;
    TimePoint due{};
    bool in_flight = false;
    bool manual = false;
    bool attempted = false;
};

class PollerImpl final : public Poller {
public:
    explicit PollerImpl(PollerOptions options) : options_(std::move(options)) {
        if (!options_.clock) options_.clock = system_clock();
        if (options_.kinds.empty()) options_.kinds = all_kinds();
        if (options_.max_in_flight < 1) options_.max_in_flight = 1;
        current_ = std::make_shared<const Snapshot>(Snapshot{options_.clock->now(), 0, options_.read_only, {}, {}});
    }

    ~PollerImpl() override { stop(); }

    // Resolves a session per target and clients per region.
    Status init() {
        for (const auto& target : options_.targets) {
            aws::SessionOptions so;
            so.profile = target.profile;
            so.region = target.regions.empty() ? std::string() : target.regions.front();
            so.endpoint_url = target.endpoint_url;
            so.read_only = options_.read_only;
            so.transport = options_.transport;
            so.clock = options_.clock;
            auto session = aws::make_session(so);
            if (!session) return session.error();
            std::vector<std::string> regions = target.regions;
            if (regions.empty()) regions.push_back((*session)->region());
            for (const auto& name : regions) {
                Region r;
                r.clients = make_region_clients(**session, name);
                r.data.account_name = target.name;
                r.data.profile = (*session)->profile();
                r.data.region = name;
                r.data.environment = target.environment;
                regions_.push_back(std::move(r));
            }
        }
        TimePoint now = options_.clock->now();
        for (size_t i = 0; i < regions_.size(); ++i) {
            for (Kind k : options_.kinds) slots_.push_back(Slot{i, k, now, false, false, false});
        }
        return ok_status();
    }

    void start() override {
        std::unique_lock lk(mu_);
        if (running_) return;
        reload_drills(lk);
        if (!options_.cache_file.empty()) paint_from_cache_locked();
        running_ = true;
        stopping_ = false;
        scheduler_ = std::thread([this] { schedule_loop(); });
        for (int i = 0; i < options_.max_in_flight; ++i) workers_.emplace_back([this] { work_loop(); });
    }

    void stop() override {
        {
            std::lock_guard lk(mu_);
            if (!running_) return;
            stopping_ = true;
        }
        cv_.notify_all();
        work_cv_.notify_all();
        if (scheduler_.joinable()) scheduler_.join();
        for (auto& w : workers_) w.join();
        workers_.clear();
        std::lock_guard lk(mu_);
        running_ = false;
        if (!options_.cache_file.empty()) (void)save_snapshot_cache(options_.cache_file, *snapshot());
    }

    SnapshotPtr snapshot() const override { return current_.load(); }

    void refresh_all() override {
        {
            std::lock_guard lk(mu_);
            TimePoint now = options_.clock->now();
            for (auto& s : slots_) {
                s.due = now;
                s.manual = true;
            }
            for (auto& r : regions_) r.backoff_until = {};
            drills_dirty_ = true;
        }
        cv_.notify_all();
    }

    SnapshotPtr poll_once() override {
        once_ = true;
        {
            std::lock_guard lk(mu_);
            running_ = true;
            stopping_ = false;
            TimePoint now = options_.clock->now();
            for (size_t i = 0; i < slots_.size(); ++i) {
                slots_[i].due = now;
                slots_[i].in_flight = true;
                queue_.push_back(i);
            }
            for (int i = 0; i < options_.max_in_flight; ++i) workers_.emplace_back([this] { work_loop(); });
        }
        work_cv_.notify_all();
        {
            std::unique_lock lk(mu_);
            cv_.wait(lk, [&] {
                return std::all_of(slots_.begin(), slots_.end(), [](const Slot& s) { return s.attempted && !s.in_flight; });
            });
            stopping_ = true;
        }
        work_cv_.notify_all();
        for (auto& w : workers_) w.join();
        workers_.clear();
        std::unique_lock lk(mu_);
        running_ = false;
        drills_dirty_ = true;
        reload_drills(lk);
        publish_locked();
        return snapshot();
    }

private:
    // The interval of a kind, given whether jobs are running in its region.
    seconds interval(Kind k, const Region& r) const {
        const auto& iv = options_.intervals;
        const bool busy = has_running_jobs(r.data);
        switch (k) {
            case Kind::BackupJobs:
            case Kind::CopyJobs:
            case Kind::RestoreJobs: return busy ? iv.jobs_running : iv.jobs;
            case Kind::JobSummaries: return iv.job_summaries;
            case Kind::Vaults: return iv.vaults;
            case Kind::RecoveryPoints: return iv.recovery_points;
            case Kind::Plans: return iv.plans;
            case Kind::ProtectedResources: return iv.protected_resources;
            case Kind::DbInstances:
            case Kind::DbClusters: return iv.db_instances;
            case Kind::DbSnapshots:
            case Kind::AutomatedBackups: return iv.db_snapshots;
            case Kind::RestoreTestingPlans: return iv.restore_testing_plans;
            case Kind::BucketLifecycles: return iv.bucket_lifecycles;
            case Kind::Identity: return iv.identity;
        }
        return iv.jobs;
    }

    // Exponential backoff with full jitter: up to min(2^n, 300) seconds.
    std::chrono::milliseconds backoff(int errors) {
        double cap = std::min(300.0, std::pow(2.0, std::min(errors, 9)));
        std::uniform_real_distribution<double> dist(0.5, 1.0);
        return std::chrono::milliseconds(static_cast<int64_t>(cap * dist(rng_) * 1000));
    }

    void schedule_loop() {
        std::unique_lock lk(mu_);
        while (!stopping_) {
            TimePoint now = options_.clock->now();
            dispatch_due_locked(now, true);
            dispatch_due_locked(now, false);
            if (dirty_ || drills_dirty_) {
                reload_drills(lk);
                publish_locked();
                auto snap = snapshot();
                auto wake = options_.wake;
                bool save = !options_.cache_file.empty() && now - last_cache_write_ > seconds(60) && complete_once_locked();
                if (save) last_cache_write_ = now;
                lk.unlock();
                if (save) {
                    (void)save_snapshot_cache(options_.cache_file, *snap);
                    return_free_memory();
                }
                if (wake) wake();
                lk.lock();
                continue;
            }
            TimePoint next = now + seconds(1);
            for (const auto& s : slots_) {
                if (!s.in_flight) next = std::min(next, std::max(s.due, regions_[s.region].backoff_until));
            }
            auto wait = std::max(std::chrono::milliseconds(10),
                                 std::chrono::duration_cast<std::chrono::milliseconds>(next - now));
            cv_.wait_for(lk, wait);
        }
    }

    // Queues the due slots (manual refreshes first).
    void dispatch_due_locked(TimePoint now, bool manual_only) {
        bool queued = false;
        for (size_t i = 0; i < slots_.size(); ++i) {
            Slot& s = slots_[i];
            if (s.in_flight || s.manual != manual_only || s.due > now) continue;
            if (!s.manual && regions_[s.region].backoff_until > now) continue;
            s.in_flight = true;
            if (s.manual) {
                queue_.push_front(i);
            } else {
                queue_.push_back(i);
            }
            queued = true;
        }
        if (queued) work_cv_.notify_all();
    }

    void work_loop() {
        std::unique_lock lk(mu_);
        while (true) {
            work_cv_.wait(lk, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            size_t index = queue_.front();
            queue_.pop_front();
            run_slot_locked(lk, index);
        }
    }

    // Fetches one slot without the lock held, then merges under the lock.
    void run_slot_locked(std::unique_lock<std::mutex>& lk, size_t index) {
        Slot& slot = slots_[index];
        Region& region = regions_[slot.region];
        const Kind kind = slot.kind;
        RegionData scratch;
        seed_kind(kind, region.data, scratch);
        FetchOptions fo = options_.fetch;
        const KindStatus& previous = region.data.status[kind];
        if (is_job_kind(kind) && previous.last_success && !previous.from_cache) {
            fo.jobs_since = *previous.last_success - seconds(300);
        }
        const bool need_identity = region.data.account_id.empty() && kind != Kind::Identity;
        RegionClients clients = region.clients;
        lk.unlock();

        TimePoint started = options_.clock->now();
        Status status = ok_status();
        if (need_identity) status = fetch_kind(Kind::Identity, clients, scratch, fo, started);
        if (status) status = fetch_kind(kind, clients, scratch, fo, started);
        if (kind == Kind::RecoveryPoints) return_free_memory();  // the pages' parse trees

        lk.lock();
        KindStatus& ks = region.data.status[kind];
        ks.last_attempt = started;
        slot.in_flight = false;
        slot.manual = false;
        slot.attempted = true;
        TimePoint now = options_.clock->now();
        if (status) {
            if (need_identity) {
                take_kind(Kind::Identity, scratch, region.data);
                KindStatus& id = region.data.status[Kind::Identity];
                id.last_success = id.last_attempt = started;
                id.loaded = true;
                id.from_cache = false;
                id.stale = false;
                id.last_error.clear();
            }
            take_kind(kind, scratch, region.data);
            ks.last_success = started;
            ks.last_error.clear();
            ks.stale = false;
            ks.loaded = true;
            ks.from_cache = false;
            region.consecutive_errors = 0;
            slot.due = now + interval(kind, region);
        } else {
            ks.last_error = status.error().to_string();
            ks.stale = ks.loaded;
            region.consecutive_errors++;
            auto delay = backoff(region.consecutive_errors);
            region.backoff_until = now + delay;
            slot.due = now + std::max<std::chrono::system_clock::duration>(delay, seconds(5));
        }
        if (once_) slot.due = TimePoint::max();
        dirty_ = true;
        cv_.notify_all();
    }

    // Whether every slot has completed at least once (worth caching).
    bool complete_once_locked() const {
        return std::all_of(slots_.begin(), slots_.end(), [](const Slot& s) { return s.attempted; });
    }

    // Re-reads the drill reports when asked to, with the lock released:
    // reading files must not hold up the workers merging their fetches.
    void reload_drills(std::unique_lock<std::mutex>& lk) {
        if (!drills_dirty_) return;
        drills_dirty_ = false;
        if (!options_.load_drills) return;
        lk.unlock();
        SharedList<DrillRecord> drills = options_.load_drills();
        lk.lock();
        drills_ = std::move(drills);
        dirty_ = true;
    }

    // Publishes the working data. Each kind's list is shared, not copied,
    // so this costs the same for ten recovery points as for a million.
    void publish_locked() {
        auto snap = std::make_shared<Snapshot>();
        snap->taken = options_.clock->now();
        snap->generation = ++generation_;
        snap->read_only = options_.read_only;
        snap->regions.reserve(regions_.size());
        for (const auto& r : regions_) snap->regions.push_back(r.data);
        snap->drills = drills_;
        snap->notice = notice_;
        dirty_ = false;
        current_.store(SnapshotPtr(std::move(snap)));
    }

    // Seeds the working data from the disk cache, labelled as cached.
    void paint_from_cache_locked() {
        if (!std::filesystem::exists(options_.cache_file)) return;
        auto cached = load_snapshot_cache(options_.cache_file);
        if (!cached) {
            notice_ = cached.error().message;
            publish_locked();
            return;
        }
        for (auto& r : regions_) {
            for (auto& c : cached->regions) {
                if (c.profile != r.data.profile || c.region != r.data.region) continue;
                std::string name = r.data.account_name, env = r.data.environment;
                r.data = std::move(c);
                r.data.account_name = name;
                r.data.environment = env;
                for (auto& [kind, ks] : r.data.status) {
                    ks.from_cache = ks.loaded;
                    ks.stale = ks.loaded;
                }
                break;
            }
        }
        publish_locked();
        return_free_memory();  // the file and the decoder's string table
    }

    PollerOptions options_;
    mutable std::mutex mu_;
    std::condition_variable cv_;       // scheduler and poll_once wait here
    std::condition_variable work_cv_;  // workers wait here
    std::vector<Region> regions_;
    std::vector<Slot> slots_;
    std::deque<size_t> queue_;
    SharedList<DrillRecord> drills_;
    std::string notice_;
    std::atomic<SnapshotPtr> current_;
    std::thread scheduler_;
    std::vector<std::thread> workers_;
    std::mt19937 rng_{std::random_device{}()};
    uint64_t generation_ = 0;
    TimePoint last_cache_write_{};
    bool dirty_ = false;
    bool drills_dirty_ = true;
    bool stopping_ = false;
    bool running_ = false;
    bool once_ = false;
};

}  // namespace

Result<std::unique_ptr<Poller>> make_poller(PollerOptions options) {
    auto poller = std::make_unique<PollerImpl>(std::move(options));
    if (auto st = poller->init(); !st) return st.error();
    return std::unique_ptr<Poller>(std::move(poller));
}

}  // namespace vd::poll
