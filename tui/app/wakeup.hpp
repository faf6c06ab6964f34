// An eventfd the poller's wake callback writes to and the UI loop polls
// beside stdin: the one way across threads into the UI (STYLE.md 3).
#pragma once

#include <memory>

#include "backend/core/result.hpp"

namespace vd::tui {

class Wakeup {
public:
    // Creates the eventfd.
    static Result<std::shared_ptr<Wakeup>> create();
    ~Wakeup();
    Wakeup(const Wakeup&) = delete;
    Wakeup& operator=(const Wakeup&) = delete;

    // Wakes the loop; safe from any thread and from signal handlers.
    void notify() noexcept;
    // The descriptor the loop polls for readability.
    int fd() const { return fd_; }
    // Clears the pending wake-ups (UI thread).
    void drain() noexcept;

private:
    explicit Wakeup(int fd) : fd_(fd) {}
    int fd_;
};

}  // namespace vd::tui
