#include "tui/app/findings_worker.hpp"

namespace vd::tui {

FindingsWorker::FindingsWorker(Evaluate evaluate, std::function<void()> ready)
    : evaluate_(std::move(evaluate)), ready_(std::move(ready)), thread_([this] { run(); }) {}

FindingsWorker::~FindingsWorker() {
    {
        std::lock_guard lk(mu_);
        stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void FindingsWorker::request(poll::SnapshotPtr snapshot, TimePoint now) {
    {
        std::lock_guard lk(mu_);
        pending_ = std::move(snapshot);
        pending_at_ = now;
    }
    cv_.notify_all();
}

std::optional<FindingsWorker::Done> FindingsWorker::take() {
    std::lock_guard lk(mu_);
    std::optional<Done> done = std::move(done_);
    done_.reset();
    return done;
}

void FindingsWorker::run() {
    std::unique_lock lk(mu_);
    while (true) {
        cv_.wait(lk, [&] { return stopping_ || pending_; });
        if (stopping_) return;
        Done done;
        done.snapshot = std::move(pending_);
        done.at = pending_at_;
        pending_.reset();
        lk.unlock();
        done.findings = evaluate_(*done.snapshot, done.at);
        lk.lock();
        done_ = std::move(done);
        lk.unlock();
        ready_();
        lk.lock();
    }
}

}  // namespace vd::tui
