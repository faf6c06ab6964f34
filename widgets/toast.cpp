// Timed messages.
#include "widgets/toast.hpp"

#include <algorithm>

#include "widgets/box.hpp"

namespace vd::widgets {

Role severity_role(Severity severity) {
    switch (severity) {
    case Severity::Ok: return Role::Ok;
    case Severity::Warning: return Role::Warning;
    case Severity::Error: return Role::Critical;
    case Severity::Info: break;
    }
    return Role::Info;
}

void Toasts::push(std::string message, Severity severity, TimePoint now,
                  std::chrono::seconds duration) {
    toasts_.push_back({std::move(message), severity, now + duration});
    if (toasts_.size() > max_shown_) {
        toasts_.erase(toasts_.begin(), toasts_.end() - static_cast<long>(max_shown_));
    }
}

bool Toasts::expire(TimePoint now) {
    const auto before = toasts_.size();
    std::erase_if(toasts_, [now](const Toast& t) { return t.expires <= now; });
    return toasts_.size() != before;
}

std::optional<TimePoint> Toasts::next_expiry() const {
    if (toasts_.empty()) {
        return std::nullopt;
    }
    return std::min_element(toasts_.begin(), toasts_.end(), [](const Toast& a, const Toast& b) {
               return a.expires < b.expires;
           })->expires;
}

void Toasts::render(Canvas& canvas, const Theme& theme) const {
    const Glyphs& g = theme.glyphs();
    int bottom = canvas.height();
    for (auto it = toasts_.rbegin(); it != toasts_.rend() && bottom >= 3; ++it) {
        const std::string_view symbol = it->severity == Severity::Ok      ? g.check
                                        : it->severity == Severity::Error ? g.cross
                                        : it->severity == Severity::Warning ? std::string_view("!")
                                                                            : std::string_view("i");
        const int max_text = std::max(1, std::min(canvas.width() - 6 - display_width(symbol), 60));
        const std::string text = ellipsize(it->message, max_text, g.ellipsis);
        const int w = display_width(symbol) + 1 + display_width(text) + 4;
        const Rect box{canvas.width() - w, bottom - 3, w, 3};
        canvas.fill(box, " ", theme.style(Role::Normal));
        const Rect in = draw_box(canvas, box, theme, {}, severity_role(it->severity));
        const int x = canvas.put(in.x + 1, in.y, symbol, theme.style(severity_role(it->severity)));
        canvas.put(x + 1, in.y, text, theme.style(Role::Normal));
        bottom -= 3;
    }
}

}  // namespace vd::widgets
