// The runbooks built into the binary, written from the procedures in the
// teams' backup documents: restore from AWS Backup, point-in-time restore,
// restore from a (cross-region) snapshot, the monthly drill, and the
// checklist for switching the application over. Each is a file of
// runbooks/, embedded at build time (cmake/embed_runbooks.cmake): the same
// format as an operator's own runbooks, and `runbook show NAME --toml`
// prints one as a start for theirs.
#pragma once

#include <string_view>
#include <vector>

namespace vd::runbook {

struct BuiltinRunbook {
    std::string_view name;  // the file's name without .toml
    std::string_view toml;
};

// Every built-in runbook, in the order `runbook list` shows them.
const std::vector<BuiltinRunbook>& builtin_runbooks();

// The TOML of the built-in called name; empty when there is none.
std::string_view builtin_runbook(std::string_view name);

}  // namespace vd::runbook
