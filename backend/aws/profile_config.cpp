#include "backend/aws/profile_config.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "backend/aws/shell_words.hpp"
#include "backend/core/files.hpp"

namespace vd::aws {
namespace fs = std::filesystem;

namespace {

// Text without leading and trailing whitespace.
std::string_view trim(std::string_view s) {
    size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    size_t e = s.size();
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

// The text in lower case (ASCII).
std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Parses an indented block ("\nkey = value\n...") into key/value pairs.
Result<std::map<std::string, std::string>> parse_nested(std::string_view block, std::string_view origin,
                                                        std::string_view key) {
    std::map<std::string, std::string> out;
    size_t pos = 0;
    while (pos <= block.size()) {
        size_t nl = block.find('\n', pos);
        std::string_view line = trim(block.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
        pos = nl == std::string_view::npos ? block.size() + 1 : nl + 1;
        if (line.empty()) continue;
        size_t eq = line.find('=');
        if (eq == std::string_view::npos) {
            return make_error(ErrorKind::Config,
                              fmt::format("{}: the block under '{}' has a line without '=': {}", origin, key, line),
                              "ConfigParseError");
        }
        out[std::string(trim(line.substr(0, eq)))] = std::string(trim(line.substr(eq + 1)));
    }
    return out;
}

// The state of the line-by-line parser.
struct IniParser {
    std::string_view origin;
    IniSections sections;
    std::set<std::string> seen_sections;
    std::string current_key;      // key whose value is still open for continuation lines
    size_t current_indent = 0;
    std::map<std::string, std::string> raw;  // the open section's raw values
    std::set<std::string> seen_keys;

    Error error(size_t line_no, std::string_view what) const {
        return make_error(ErrorKind::Config, fmt::format("{} line {}: {}", origin, line_no, what), "ConfigParseError");
    }

    // Moves the open section's raw values into its ConfigSection.
    Status close_section() {
        if (sections.empty()) return ok_status();
        ConfigSection& section = sections.back().second;
        for (auto& [key, value] : raw) {
            std::string v = std::string(trim(value));
            if (!value.empty() && value.front() == '\n') {
                auto nested = parse_nested(value, origin, key);
                if (!nested) return nested.error();
                section.subsections[key] = std::move(nested.value());
            }
            section.values[key] = std::move(v);
        }
        raw.clear();
        seen_keys.clear();
        current_key.clear();
        return ok_status();
    }

    // Handles one physical line.
    Status line(std::string_view text, size_t line_no) {
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        std::string_view stripped = trim(text);
        if (stripped.empty()) return ok_status();
        if (stripped.front() == '#' || stripped.front() == ';') return ok_status();
        size_t indent = static_cast<size_t>(text.find_first_not_of(" \t"));
        if (!current_key.empty() && indent > current_indent) {
            raw[current_key] += "\n";
            raw[current_key] += stripped;
            return ok_status();
        }
        if (stripped.front() == '[') {
            size_t close = stripped.rfind(']');
            if (close == std::string_view::npos || close < 2) return error(line_no, "a section header needs a name between [ and ]");
            auto closed = close_section();
            if (!closed) return closed;
            std::string name(trim(stripped.substr(1, close - 1)));
            if (!seen_sections.insert(name).second) return error(line_no, fmt::format("section [{}] appears twice", name));
            sections.emplace_back(name, ConfigSection{});
            return ok_status();
        }
        if (sections.empty()) return error(line_no, "a setting appears before the first [section]");
        size_t delim = stripped.find_first_of("=:");
        if (delim == std::string_view::npos) return error(line_no, "expected 'key = value' or a [section]");
        std::string key = lower(trim(stripped.substr(0, delim)));
        if (key.empty()) return error(line_no, "a setting has no name before '='");
        if (!seen_keys.insert(key).second) {
            return error(line_no, fmt::format("'{}' appears twice in [{}]", key, sections.back().first));
        }
        raw[key] = std::string(trim(stripped.substr(delim + 1)));
        current_key = key;
        current_indent = indent;
        return ok_status();
    }
};

// The name after a "profile"/"sso-session"/"services" prefix, split as the CLI does; nullopt otherwise.
std::optional<std::string> prefixed_name(const std::string& header, std::string_view prefix) {
    if (header.rfind(prefix, 0) != 0) return std::nullopt;
    auto words = shell_split(header);
    if (!words || words->size() != 2 || (*words)[0] != prefix) return std::nullopt;
    return (*words)[1];
}

// Copies every key of `from` into `into`, replacing existing ones.
void merge_into(ConfigSection& into, const ConfigSection& from) {
    for (const auto& [k, v] : from.values) into.values[k] = v;
    for (const auto& [k, v] : from.subsections) into.subsections[k] = v;
}

}  // namespace

std::optional<std::string> ConfigSection::get(std::string_view key) const {
    auto it = values.find(std::string(key));
    if (it == values.end()) return std::nullopt;
    return it->second;
}

bool ConfigSection::has(std::string_view key) const { return values.count(std::string(key)) != 0; }

const ConfigSection* ProfileConfig::profile(std::string_view name) const {
    auto it = profiles.find(std::string(name));
    return it == profiles.end() ? nullptr : &it->second;
}

const ConfigSection* ProfileConfig::sso_session(std::string_view name) const {
    auto it = sso_sessions.find(std::string(name));
    return it == sso_sessions.end() ? nullptr : &it->second;
}

const ConfigSection* ProfileConfig::services_section(std::string_view name) const {
    auto it = services.find(std::string(name));
    return it == services.end() ? nullptr : &it->second;
}

std::string ProfileConfig::files_description() const {
    return fmt::format("{} and {}", config_file.string(), credentials_file.string());
}

Result<IniSections> parse_ini(std::string_view text, std::string_view origin) {
    IniParser parser{origin, {}, {}, {}, 0, {}, {}};
    size_t pos = 0;
    size_t line_no = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        auto st = parser.line(line, ++line_no);
        if (!st) return st.error();
    }
    auto st = parser.close_section();
    if (!st) return st.error();
    return std::move(parser.sections);
}

ProfileConfig build_profile_config(const IniSections& config_file, const IniSections& credentials_file) {
    ProfileConfig out;
    for (const auto& [header, section] : config_file) {
        if (header == "default") {
            out.profiles["default"] = section;
        } else if (auto name = prefixed_name(header, "profile")) {
            out.profiles[*name] = section;
        } else if (auto sso = prefixed_name(header, "sso-session")) {
            out.sso_sessions[*sso] = section;
        } else if (auto svc = prefixed_name(header, "services")) {
            out.services[*svc] = section;
        }
    }
    out.config_file_profiles = out.profiles;
    for (const auto& [header, section] : credentials_file) {
        merge_into(out.profiles[header], section);
        out.credentials_file_profiles[header] = section;
    }
    return out;
}

// Reads and parses one file; a missing file is empty.
static Result<IniSections> read_ini(const fs::path& path) {
    std::error_code ec;
    if (path.empty() || !fs::exists(path, ec)) return IniSections{};
    if (fs::is_directory(path, ec)) {
        return make_error(ErrorKind::Config, fmt::format("{} is a folder, not a config file", path.string()), "ConfigParseError");
    }
    auto text = read_file(path);
    if (!text) return make_error(ErrorKind::Config, text.error().message, "ConfigParseError");
    return parse_ini(*text, path.string());
}

Result<ProfileConfig> load_profile_config(const fs::path& config_file, const fs::path& credentials_file) {
    auto config = read_ini(config_file);
    if (!config) return config.error();
    auto credentials = read_ini(credentials_file);
    if (!credentials) return credentials.error();
    ProfileConfig out = build_profile_config(*config, *credentials);
    out.config_file = config_file;
    out.credentials_file = credentials_file;
    return out;
}

fs::path default_config_file() {
    if (auto v = env_value("AWS_CONFIG_FILE")) return expand_home(*v);
    return home_dir() / ".aws" / "config";
}

fs::path default_credentials_file() {
    if (auto v = env_value("AWS_SHARED_CREDENTIALS_FILE")) return expand_home(*v);
    return home_dir() / ".aws" / "credentials";
}

Result<ProfileConfig> load_default_profile_config() {
    return load_profile_config(default_config_file(), default_credentials_file());
}

std::optional<std::string> env_value(const char* name) {
    const char* v = std::getenv(name);
    if (v == nullptr || *v == '\0') return std::nullopt;
    return std::string(v);
}

std::optional<bool> parse_bool(std::string_view text) {
    std::string t = lower(trim(text));
    if (t == "true") return true;
    if (t == "false") return false;
    return std::nullopt;
}

fs::path expand_home(std::string_view path) {
    if (path == "~") return home_dir();
    if (path.rfind("~/", 0) == 0) return home_dir() / std::string(path.substr(2));
    return fs::path(std::string(path));
}

}  // namespace vd::aws
