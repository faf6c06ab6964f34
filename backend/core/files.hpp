// Small file helpers shared by the cache, the audit log and wizard state.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "backend/core/result.hpp"

namespace vd {

// Reads a whole file.
Result<std::string> read_file(const std::filesystem::path& path);
// Writes a file atomically (temp file in the same folder, fsync, rename)
// with the given permission bits (0600 for anything private).
Status write_file_atomic(const std::filesystem::path& path, std::string_view content, unsigned mode = 0600);
// Creates a folder and its parents with mode 0700 when missing.
Status ensure_private_dir(const std::filesystem::path& dir);

// XDG base directories, with the documented fallbacks under $HOME.
std::filesystem::path xdg_config_home();
std::filesystem::path xdg_cache_home();
std::filesystem::path xdg_state_home();
// $HOME, or the passwd entry when HOME is unset.
std::filesystem::path home_dir();

}  // namespace vd
