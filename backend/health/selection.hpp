// Whether a backup selection picks a resource, the way AWS Backup decides:
// a resource is selected when one Resources ARN pattern (`*` wildcards)
// or one tag condition matches it, and no NotResources pattern does.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backend/model/backup.hpp"

namespace vd::health {

enum class SelectionMatch { No, Yes, Unknown };  // Unknown: only a tag could select it and its tags are unknown

using Tags = std::vector<std::pair<std::string, std::string>>;

// Decides whether `selection` picks the resource; `tags` is nullptr when
// the resource's tags are not known.
SelectionMatch selection_selects(const model::BackupSelection& selection, std::string_view arn, const Tags* tags);

}  // namespace vd::health
