// Reading and validating the configuration file. Validation collects every
// problem with its line ("config.toml:12: rpo[1].target: '15x' is not a
// duration") so `vaultdeck config check` can list them all at once.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "backend/config/config.hpp"
#include "backend/core/result.hpp"

namespace vd::config {

// One problem in the file.
struct ConfigIssue {
    int line = 0;        // 1-based; 0 when the whole file is affected
    std::string path;    // rpo[1].target; empty for syntax errors
    std::string message;

    // "config.toml:12: rpo[1].target: '15x' is not a duration".
    std::string to_string(std::string_view source) const;
};

// The outcome of reading a configuration file.
struct ConfigFile {
    std::string path;       // the file read (or looked for)
    bool exists = false;    // false: defaults were used
    Config config;          // valid parts applied over the defaults
    std::vector<ConfigIssue> issues;

    bool ok() const { return issues.empty(); }
};

// $XDG_CONFIG_HOME/vaultdeck/config.toml (~/.config/vaultdeck/config.toml).
std::filesystem::path default_config_path();
// Parses TOML text; `source` names it in issues.
ConfigFile parse_config(std::string_view text, std::string source);
// Reads `explicit_path`, or the default path when empty. A missing default
// file gives the defaults; a missing explicit file is an issue.
ConfigFile read_config(const std::string& explicit_path);
// read_config as a Result: the first issue (and how many more) as an error.
Result<Config> load_config(const std::string& explicit_path);

}  // namespace vd::config
