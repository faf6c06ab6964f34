// Moving one kind's fields between RegionData values, so a fetch can run on
// a small scratch copy and be merged back under the poller's lock.
#pragma once

#include <memory>

#include "backend/poll/snapshot.hpp"

namespace vd::poll {

// Copies what an incremental fetch of `kind` needs from `from` into `into`
// (the job lists for the job kinds, the identity for everything).
void seed_kind(Kind kind, const RegionData& from, RegionData& into);
// Moves the fields of `kind` from `from` into `into`.
void take_kind(Kind kind, RegionData& from, RegionData& into);
// The list `kind` holds in `data`, as something that compares equal only to
// the very same list (and keeps it alive, so its address is never reused):
// how a screen tells that its data did not change between two snapshots.
// Identity is in no list: it is one value.
std::shared_ptr<const void> kind_list(const RegionData& data, Kind kind);
// Whether any backup, copy or restore job is still running.
bool has_running_jobs(const RegionData& data);

}  // namespace vd::poll
