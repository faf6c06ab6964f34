// The disk cache of the last snapshot (XDG cache dir, 0600, written
// atomically), so the console paints the last known state at once.
#pragma once

#include <filesystem>

#include "backend/core/result.hpp"
#include "backend/poll/snapshot.hpp"

namespace vd::poll {

// Writes the snapshot; never contains credentials (snapshots hold none).
Status save_snapshot_cache(const std::filesystem::path& file, const Snapshot& snapshot);
// Reads a cache file; an unreadable or malformed file is an error, never a crash.
Result<Snapshot> load_snapshot_cache(const std::filesystem::path& file);
// The default cache file for a set of profiles (XDG cache dir).
std::filesystem::path default_cache_file(const std::string& key);

}  // namespace vd::poll
