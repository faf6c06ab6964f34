// Toasts: short messages that disappear by themselves ("Copied ARN",
// "Refresh failed: ThrottlingException"), stacked in the bottom right corner.
//
// Usage:
//   Toasts toasts;
//   toasts.push("Copied the ARN", Severity::Ok, clock.now());
//   // every frame:
//   if (toasts.expire(clock.now())) redraw;      // true when one went away
//   toasts.render(canvas, theme);                // over everything else
// The app wakes its loop by next_expiry() so a toast vanishes on time.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "backend/core/clock.hpp"
#include "widgets/canvas.hpp"
#include "widgets/theme.hpp"

namespace vd::widgets {

// How serious a toast is; decides its colour and symbol.
enum class Severity { Info, Ok, Warning, Error };

// One timed message.
struct Toast {
    std::string message;
    Severity severity = Severity::Info;
    TimePoint expires;
};

// The toasts on screen, newest last.
class Toasts {
public:
    // At most this many are shown; older ones are dropped.
    explicit Toasts(std::size_t max_shown = 3) : max_shown_(max_shown) {}

    // Adds a toast that lasts `duration` from `now`.
    void push(std::string message, Severity severity, TimePoint now,
              std::chrono::seconds duration = std::chrono::seconds(4));
    // Removes expired toasts; true when any was removed.
    bool expire(TimePoint now);
    // When the next toast expires, if any is shown.
    std::optional<TimePoint> next_expiry() const;
    // The toasts shown, oldest first.
    const std::vector<Toast>& shown() const { return toasts_; }
    bool empty() const { return toasts_.empty(); }

    // Draws the toasts as boxes stacked up from the bottom right corner.
    void render(Canvas& canvas, const Theme& theme) const;

private:
    std::size_t max_shown_;
    std::vector<Toast> toasts_;
};

// The role a severity is drawn in.
Role severity_role(Severity severity);

}  // namespace vd::widgets
