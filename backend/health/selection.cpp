#include "backend/health/selection.hpp"

#include "backend/config/glob.hpp"

namespace vd::health {

SelectionMatch selection_selects(const model::BackupSelection& selection, std::string_view arn, const Tags* tags) {
    for (const auto& pattern : selection.not_resources)
        if (config::glob_match(pattern, arn)) return SelectionMatch::No;
    for (const auto& pattern : selection.resources)
        if (config::glob_match(pattern, arn)) return SelectionMatch::Yes;
    if (selection.tag_conditions.empty()) return SelectionMatch::No;
    if (!tags) return SelectionMatch::Unknown;
    for (const auto& [key, value] : selection.tag_conditions)
        for (const auto& [k, v] : *tags)
            if (k == key && v == value) return SelectionMatch::Yes;
    return SelectionMatch::No;
}

}  // namespace vd::health
