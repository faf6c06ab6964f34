// The configuration schema: which tables and keys exist, their types and
// their limits. docs/config.example.toml shows every key.
#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "backend/config/load.hpp"
#include "backend/config/toml_reader.hpp"

namespace vd::config {
namespace {

using detail::TomlReader;

// Reads [[accounts]].
void read_accounts(TomlReader& r, const toml::table& root, Config& c) {
    static const std::regex region_re("^[a-z]{2}(-[a-z]+)+-[0-9]+$");
    for (auto [i, t] : r.tables(root, "accounts", "")) {
        std::string path = fmt::format("accounts[{}]", i);
        r.check_keys(*t, path, {"name", "profile", "regions", "environment", "role_arn", "organization_view"});
        Account a;
        r.read_string(*t, "profile", path, a.profile);
        if (!r.read_string(*t, "name", path, a.name)) a.name = a.profile;
        if (a.name.empty()) r.report(TomlReader::line_of(*t), path, "an account needs a name or a profile");
        for (const auto& other : c.accounts)
            if (!a.name.empty() && other.name == a.name)
                r.report(TomlReader::line_of(*t), TomlReader::join(path, "name"),
                         fmt::format("the account name '{}' is used twice", a.name));
        std::vector<std::string> regions;
        if (r.read_strings(*t, "regions", path, regions)) {
            for (size_t k = 0; k < regions.size(); ++k)
                if (!std::regex_match(regions[k], region_re))
                    r.report(*t->get("regions")->as_array()->get(k), fmt::format("{}.regions[{}]", path, k),
                             fmt::format("'{}' is not a region name (e.g. eu-west-1)", regions[k]));
            a.regions = regions;
        }
        std::string env;
        if (r.read_string(*t, "environment", path, env)) {
            if (env == "production") a.environment = Environment::Production;
            else if (env == "staging") a.environment = Environment::Staging;
            else if (env == "dev") a.environment = Environment::Dev;
            else
                r.report(*t->get("environment"), TomlReader::join(path, "environment"),
                         fmt::format("'{}' is not one of production, staging, dev", env));
        }
        if (r.read_string(*t, "role_arn", path, a.role_arn) &&
            (a.role_arn.rfind("arn:", 0) != 0 || a.role_arn.find(":role/") == std::string::npos))
            r.report(*t->get("role_arn"), TomlReader::join(path, "role_arn"),
                     fmt::format("'{}' is not an IAM role ARN", a.role_arn));
        r.read_bool(*t, "organization_view", path, a.organization_view);
        c.accounts.push_back(std::move(a));
    }
}

// Reads [targets] and [[rpo]].
void read_targets(TomlReader& r, const toml::table& root, Config& c) {
    if (const toml::table* t = r.table(root, "targets", "")) {
        r.check_keys(*t, "targets", {"rpo", "rto", "rpo_warning"});
        r.read_duration(*t, "rpo", "targets", c.default_rpo);
        r.read_duration(*t, "rto", "targets", c.rto);
        r.read_number(*t, "rpo_warning", "targets", c.rpo_warning_fraction, 0.01, 1.0);
    }
    for (auto [i, t] : r.tables(root, "rpo", "")) {
        std::string path = fmt::format("rpo[{}]", i);
        r.check_keys(*t, path, {"match", "tag", "target"});
        RpoTarget target;
        target.line = TomlReader::line_of(*t);
        std::string match, tag;
        bool has_match = r.read_string(*t, "match", path, match);
        bool has_tag = r.read_string(*t, "tag", path, tag);
        bool good = true;
        if (has_match == has_tag) {
            r.report(target.line, path, "give exactly one of 'match' (an ARN or name pattern) and 'tag' (\"key=value\")");
            good = false;
        } else if (has_match) {
            if (match.empty()) {
                r.report(*t->get("match"), TomlReader::join(path, "match"), "must not be empty");
                good = false;
            }
            target.match = match.rfind("arn:", 0) == 0 ? RpoTarget::Match::Arn : RpoTarget::Match::Name;
            target.pattern = match;
        } else {
            auto eq = tag.find('=');
            if (eq == std::string::npos || eq == 0) {
                r.report(*t->get("tag"), TomlReader::join(path, "tag"), fmt::format("'{}' is not \"key=value\"", tag));
                good = false;
            }
            target.match = RpoTarget::Match::Tag;
            target.tag_key = tag.substr(0, eq);
            target.pattern = eq == std::string::npos ? "" : tag.substr(eq + 1);
        }
        if (!t->contains("target")) {
            r.report(target.line, path, "missing 'target' (a duration such as \"15m\")");
            good = false;
        } else if (!r.read_duration(*t, "target", path, target.target)) {
            good = false;
        }
        if (good) c.rpo_targets.push_back(std::move(target));
    }
}

// Reads [poll].
void read_poll(TomlReader& r, const toml::table& root, Config& c) {
    const toml::table* t = r.table(root, "poll", "");
    if (!t) return;
    r.check_keys(*t, "poll",
                 {"vaults", "recovery_points", "jobs", "jobs_running", "job_summaries", "plans", "protected_resources",
                  "db_instances", "db_snapshots", "restore_testing_plans", "bucket_lifecycles", "identity",
                  "max_in_flight", "job_window"});
    auto& p = c.poll;
    r.read_duration(*t, "vaults", "poll", p.vaults);
    r.read_duration(*t, "recovery_points", "poll", p.recovery_points);
    r.read_duration(*t, "jobs", "poll", p.jobs);
    r.read_duration(*t, "jobs_running", "poll", p.jobs_running);
    r.read_duration(*t, "job_summaries", "poll", p.job_summaries);
    r.read_duration(*t, "plans", "poll", p.plans);
    r.read_duration(*t, "protected_resources", "poll", p.protected_resources);
    r.read_duration(*t, "db_instances", "poll", p.db_instances);
    r.read_duration(*t, "db_snapshots", "poll", p.db_snapshots);
    r.read_duration(*t, "restore_testing_plans", "poll", p.restore_testing_plans);
    r.read_duration(*t, "bucket_lifecycles", "poll", p.bucket_lifecycles);
    r.read_duration(*t, "identity", "poll", p.identity);
    r.read_int(*t, "max_in_flight", "poll", c.max_in_flight, 1, 64);
    r.read_duration(*t, "job_window", "poll", c.job_window);
}

// Reads [drills], [s3], [plan_minimums], [prices], [restore].
void read_health(TomlReader& r, const toml::table& root, Config& c) {
    if (const toml::table* t = r.table(root, "drills", "")) {
        r.check_keys(*t, "drills", {"cadence", "resources"});
        r.read_duration(*t, "cadence", "drills", c.drill_cadence);
        r.read_strings(*t, "resources", "drills", c.drill_resources);
    }
    if (const toml::table* t = r.table(root, "s3", "")) {
        r.check_keys(*t, "s3", {"buckets"});
        r.read_strings(*t, "buckets", "s3", c.s3_buckets);
    }
    if (const toml::table* t = r.table(root, "plan_minimums", "")) {
        r.check_keys(*t, "plan_minimums", {"frequency", "retention"});
        r.read_duration(*t, "frequency", "plan_minimums", c.plan_minimums.frequency);
        r.read_duration(*t, "retention", "plan_minimums", c.plan_minimums.retention);
    }
    if (const toml::table* t = r.table(root, "prices", "")) {
        r.check_keys(*t, "prices", {"warm", "cold", "db_storage", "instance_hourly"});
        r.read_number(*t, "warm", "prices", c.prices.warm, 0.0, 1000.0);
        r.read_number(*t, "cold", "prices", c.prices.cold, 0.0, 1000.0);
        r.read_number(*t, "db_storage", "prices", c.prices.db_storage, 0.0, 1000.0);
        if (const toml::table* hourly = r.table(*t, "instance_hourly", "prices")) {
            for (const auto& [key, node] : *hourly) {
                double price = 0;
                if (r.read_number(*hourly, key.str(), "prices.instance_hourly", price, 0.0, 10000.0))
                    c.prices.instance_hourly[std::string(key.str())] = price;
            }
        }
    }
    if (const toml::table* t = r.table(root, "restore", "")) {
        r.check_keys(*t, "restore", {"database_url"});
        r.read_string(*t, "database_url", "restore", c.restore.database_url);
    }
}

// Reads [ui] and [keys].
void read_ui(TomlReader& r, const toml::table& root, Config& c) {
    if (const toml::table* t = r.table(root, "ui", "")) {
        r.check_keys(*t, "ui", {"theme", "mouse"});
        std::string theme;
        if (r.read_string(*t, "theme", "ui", theme)) {
            if (theme == "dark") c.theme = Theme::Dark;
            else if (theme == "light") c.theme = Theme::Light;
            else if (theme == "16") c.theme = Theme::Ansi16;
            else if (theme == "mono") c.theme = Theme::Mono;
            else
                r.report(*t->get("theme"), "ui.theme", fmt::format("'{}' is not one of dark, light, 16, mono", theme));
        }
        r.read_bool(*t, "mouse", "ui", c.mouse);
    }
    if (const toml::table* t = r.table(root, "keys", "")) {
        for (auto&& [key, node] : *t) {
            std::string path = TomlReader::join("keys", key.str());
            auto value = node.value<std::string>();
            if (!node.is_string()) r.report(node, path, fmt::format("expected a key such as \"r\" or \"ctrl-r\", got {}", detail::type_name(node)));
            else if (value->empty()) r.report(node, path, "must not be empty");
            else {
                c.keys[std::string(key.str())] = *value;
                c.key_lines[std::string(key.str())] = key.source().begin.line ? static_cast<int>(key.source().begin.line)
                                                                               : TomlReader::line_of(node);
            }
        }
    }
}

}  // namespace

ConfigFile parse_config(std::string_view text, std::string source) {
    ConfigFile out;
    out.path = source;
    out.config.source = source;
    toml::table root;
    try {
        root = toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        out.issues.push_back(ConfigIssue{static_cast<int>(e.source().begin.line), "", std::string(e.description())});
        return out;
    }
    TomlReader r(out.issues);
    r.check_keys(root, "", {"accounts", "targets", "rpo", "drills", "poll", "s3", "plan_minimums", "prices", "restore", "ui", "keys"});
    read_accounts(r, root, out.config);
    read_targets(r, root, out.config);
    read_poll(r, root, out.config);
    read_health(r, root, out.config);
    read_ui(r, root, out.config);
    std::stable_sort(out.issues.begin(), out.issues.end(),
                     [](const ConfigIssue& a, const ConfigIssue& b) { return a.line < b.line; });
    return out;
}

}  // namespace vd::config
