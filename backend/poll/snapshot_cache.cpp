#include "backend/poll/snapshot_cache.hpp"

#include <cctype>

#include <fmt/format.h>

#include "backend/core/files.hpp"
#include "backend/poll/snapshot_json.hpp"

namespace vd::poll {

Status save_snapshot_cache(const std::filesystem::path& file, const Snapshot& snapshot) {
    if (auto st = ensure_private_dir(file.parent_path()); !st) return st;
    return write_file_atomic(file, snapshot_to_json(snapshot).dump(), 0600);
}

Result<Snapshot> load_snapshot_cache(const std::filesystem::path& file) {
    auto text = read_file(file);
    if (!text) return text.error();
    try {
        return snapshot_from_json(nlohmann::json::parse(*text));
    } catch (const nlohmann::json::exception& e) {
        return make_error(ErrorKind::Parse, fmt::format("cache {} is unreadable: {}", file.string(), e.what()));
    }
}

std::filesystem::path default_cache_file(const std::string& key) {
    std::string safe;
    for (char c : key) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    return xdg_cache_home() / fmt::format("snapshot-{}.json", safe.empty() ? "default" : safe);
}

}  // namespace vd::poll
