// Role names, for themes written in the configuration file.
#include "widgets/style.hpp"

#include <array>

namespace vd::widgets {

std::string_view role_name(Role role) {
    static constexpr std::array<std::string_view, kRoleCount> kNames = {
        "normal",        "dim",           "header",       "title",        "selected",
        "selected_inactive", "ok",        "warning",      "critical",     "info",
        "accent",        "border",        "key",          "input",        "input_focused",
        "error",         "badge_readonly", "env_production", "env_staging", "env_dev",
        "cold",          "warm",          "deleted",      "failed",       "pitr",
        "now_line",      "marker",        "scrollbar",    "tab_active",   "tab_inactive",
    };
    const auto i = static_cast<std::size_t>(role);
    return i < kNames.size() ? kNames[i] : std::string_view("unknown");
}

}  // namespace vd::widgets
