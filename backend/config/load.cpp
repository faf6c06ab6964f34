#include "backend/config/load.hpp"

#include <fmt/format.h>

#include "backend/core/files.hpp"

namespace vd::config {

std::string ConfigIssue::to_string(std::string_view source) const {
    std::string where = line > 0 ? fmt::format("{}:{}", source, line) : std::string(source);
    if (path.empty()) return fmt::format("{}: {}", where, message);
    return fmt::format("{}: {}: {}", where, path, message);
}

std::filesystem::path default_config_path() { return xdg_config_home() / "config.toml"; }

ConfigFile read_config(const std::string& explicit_path) {
    std::string path = explicit_path.empty() ? default_config_path().string() : explicit_path;
    std::error_code ec;
    bool exists = std::filesystem::exists(path, ec);
    if (!exists) {
        ConfigFile out;
        out.path = path;
        if (!explicit_path.empty()) out.issues.push_back({0, "", "no such file"});
        return out;
    }
    if (std::filesystem::is_directory(path, ec)) {
        ConfigFile out;
        out.path = path;
        out.exists = true;
        out.issues.push_back({0, "", "is a directory, not a file"});
        return out;
    }
    auto text = read_file(path);
    if (!text) {
        ConfigFile out;
        out.path = path;
        out.exists = true;
        out.issues.push_back({0, "", text.error().message});
        return out;
    }
    ConfigFile out = parse_config(*text, path);
    out.exists = true;
    return out;
}

Result<Config> load_config(const std::string& explicit_path) {
    ConfigFile file = read_config(explicit_path);
    if (file.ok()) return std::move(file.config);
    std::string message = file.issues.front().to_string(file.path);
    if (file.issues.size() > 1)
        message += fmt::format(" (and {} more; run 'vaultdeck config check')", file.issues.size() - 1);
    return make_error(ErrorKind::Config, message, "InvalidConfig");
}

}  // namespace vd::config
