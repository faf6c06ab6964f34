#include "backend/poll/snapshot_cache.hpp"

#include <cctype>
#include <system_error>

#include <fmt/format.h>

#include "backend/core/files.hpp"
#include "backend/poll/cache_codec.hpp"

namespace vd::poll {

Status save_snapshot_cache(const std::filesystem::path& file, const Snapshot& snapshot) {
    if (auto st = ensure_private_dir(file.parent_path()); !st) return st;
    if (auto st = write_file_atomic(file, encode_snapshot(snapshot), 0600); !st) return st;
    // The JSON cache of earlier versions beside it: unreadable now, and large.
    std::error_code ignored;
    if (file.extension() != ".json") std::filesystem::remove(std::filesystem::path(file).replace_extension(".json"), ignored);
    return ok_status();
}

Result<Snapshot> load_snapshot_cache(const std::filesystem::path& file) {
    auto bytes = read_file(file);
    if (!bytes) return bytes.error();
    auto snapshot = decode_snapshot(*bytes);
    // The reason first: a footer 80 columns wide cuts the path, not the why.
    if (!snapshot)
        return make_error(ErrorKind::Parse, fmt::format("cache ignored: {} ({})", snapshot.error().message, file.string()));
    return snapshot;
}

std::filesystem::path default_cache_file(const std::string& key) {
    std::string safe;
    for (char c : key) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    if (safe.empty()) safe = "default";
    return xdg_cache_home() / fmt::format("snapshot-{}.cache", safe);
}

}  // namespace vd::poll
