// The clock is injected everywhere time matters (signing, polling, health,
// the simulator), so tests can fix it and the simulator can speed it up.
#pragma once

#include <chrono>
#include <memory>

namespace vd {

using TimePoint = std::chrono::system_clock::time_point;
using Seconds = std::chrono::seconds;

// A source of wall-clock time.
class Clock {
public:
    virtual ~Clock() = default;
    // The current wall-clock time.
    virtual TimePoint now() const = 0;
};

// The system clock.
class SystemClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock that stands still until a test moves it.
class FixedClock final : public Clock {
public:
    explicit FixedClock(TimePoint t) : t_(t) {}
    TimePoint now() const override { return t_; }
    void set(TimePoint t) { t_ = t; }
    void advance(std::chrono::system_clock::duration d) { t_ += d; }

private:
    TimePoint t_;
};

// The process-wide system clock, shared.
std::shared_ptr<const Clock> system_clock();

}  // namespace vd
