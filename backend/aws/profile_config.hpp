// The shared AWS config and credentials files, parsed as the AWS CLI does:
// `[profile x]` and `[default]` in the config file, `[x]` in the credentials
// file, `[sso-session x]` and `[services x]` sections, indented sub-sections
// (`s3 =` followed by `  endpoint_url = ...`), comments and continuation lines.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/result.hpp"

namespace vd::aws {

// The keys of one section; keys are lower-cased, values trimmed.
struct ConfigSection {
    std::map<std::string, std::string> values;
    // Indented blocks: `s3 =\n  endpoint_url = x` gives subsections["s3"]["endpoint_url"].
    std::map<std::string, std::map<std::string, std::string>> subsections;

    // The value of a key, when present.
    std::optional<std::string> get(std::string_view key) const;
    // True when the key is present (even with an empty value).
    bool has(std::string_view key) const;
};

// Both files merged: a profile's credentials-file keys override its config-file keys.
struct ProfileConfig {
    std::map<std::string, ConfigSection> profiles;
    std::map<std::string, ConfigSection> sso_sessions;
    std::map<std::string, ConfigSection> services;
    // Each file's own profiles, before merging (the CLI reads static keys from each separately).
    std::map<std::string, ConfigSection> config_file_profiles;
    std::map<std::string, ConfigSection> credentials_file_profiles;
    std::filesystem::path config_file;       // where it was looked for, even when absent
    std::filesystem::path credentials_file;

    // The profile with this name, or nullptr.
    const ConfigSection* profile(std::string_view name) const;
    // The sso-session with this name, or nullptr.
    const ConfigSection* sso_session(std::string_view name) const;
    // The services section with this name, or nullptr.
    const ConfigSection* services_section(std::string_view name) const;
    // "~/.aws/config and ~/.aws/credentials", for error messages.
    std::string files_description() const;
};

// One raw INI file: section name (as written between the brackets) -> section.
using IniSections = std::vector<std::pair<std::string, ConfigSection>>;

// Parses INI text; `origin` names the file in errors ("<file> line N: ...").
Result<IniSections> parse_ini(std::string_view text, std::string_view origin);

// Merges a parsed config file and credentials file into profiles, sso-sessions and services.
ProfileConfig build_profile_config(const IniSections& config_file, const IniSections& credentials_file);

// Reads both files (a missing file is simply empty); parse errors are Config errors.
Result<ProfileConfig> load_profile_config(const std::filesystem::path& config_file,
                                          const std::filesystem::path& credentials_file);

// AWS_CONFIG_FILE, else ~/.aws/config (with ~ expanded).
std::filesystem::path default_config_file();
// AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials (with ~ expanded).
std::filesystem::path default_credentials_file();
// Reads both files from the default locations.
Result<ProfileConfig> load_default_profile_config();

// An environment variable, or nullopt when unset or empty.
std::optional<std::string> env_value(const char* name);
// "true"/"false" as the CLI reads booleans (case-insensitive); nullopt otherwise.
std::optional<bool> parse_bool(std::string_view text);
// Replaces a leading "~" or "~/" with the home folder.
std::filesystem::path expand_home(std::string_view path);

}  // namespace vd::aws
