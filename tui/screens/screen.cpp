// Scope, context helpers and the default mouse handling of screens.
#include "tui/screens/screen.hpp"

namespace vd::tui {

bool Scope::includes(const poll::RegionData& data) const {
    if (!region.empty() && data.region != region) {
        return false;
    }
    if (!profile.empty() && data.profile != profile && data.account_name != profile) {
        return false;
    }
    return true;
}

std::vector<std::string> Screen::commands() const {
    std::vector<std::string> out;
    for (const auto& b : bindings()) out.push_back(b.command);
    return out;
}

std::vector<const poll::RegionData*> ScreenContext::regions() const {
    std::vector<const poll::RegionData*> out;
    if (snapshot == nullptr) {
        return out;
    }
    for (const auto& rd : snapshot->regions) {
        if (scope.includes(rd)) out.push_back(&rd);
    }
    return out;
}

std::vector<const health::Finding*> ScreenContext::scoped_findings() const {
    std::vector<const health::Finding*> out;
    if (findings == nullptr) {
        return out;
    }
    for (const auto& f : *findings) {
        if (!scope.region.empty() && !f.region.empty() && f.region != scope.region) continue;
        if (!scope.profile.empty() && snapshot != nullptr) {
            bool inside = f.account_id.empty();
            for (const auto* rd : regions()) {
                if (rd->account_id == f.account_id || rd->identity.account == f.account_id) inside = true;
            }
            if (!inside) continue;
        }
        out.push_back(&f);
    }
    return out;
}

Flags Screen::mouse(const ScreenContext& ctx, const widgets::MouseEvent& event, Effects& fx) {
    using widgets::MouseButton;
    if (event.button == MouseButton::WheelUp) return command(ctx, "up", fx) | kHandled;
    if (event.button == MouseButton::WheelDown) return command(ctx, "down", fx) | kHandled;
    return kNone;
}

}  // namespace vd::tui
