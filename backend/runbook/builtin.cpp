// Looking up a built-in runbook; the table itself is made at build time from
// runbooks/*.toml (cmake/embed_runbooks.cmake).
#include "backend/runbook/builtin.hpp"

namespace vd::runbook {

std::string_view builtin_runbook(std::string_view name) {
    for (const auto& b : builtin_runbooks())
        if (b.name == name) return b.toml;
    return {};
}

}  // namespace vd::runbook
