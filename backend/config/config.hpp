// vaultdeck's configuration: accounts to watch, RPO/RTO targets, drill
// cadence, poll intervals, prices, and the console's look. Read from
// ~/.config/vaultdeck/config.toml (XDG) or --config PATH; every value has a
// default, so no file at the default place means the defaults.
// docs/config.example.toml documents every key.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "backend/config/duration.hpp"

namespace vd::config {

enum class Environment { Production, Staging, Dev };
// "production", "staging", "dev".
const char* environment_name(Environment e);

enum class Theme { Dark, Light, Ansi16, Mono };
// "dark", "light", "16", "mono".
const char* theme_name(Theme t);

// One AWS account to watch, through one profile, in some regions.
struct Account {
    std::string name;                  // display name
    std::string profile;               // AWS profile; empty: the default credential chain
    std::vector<std::string> regions;  // empty: the profile's region
    Environment environment = Environment::Production;  // unlabelled accounts get production's caution
    std::string role_arn;              // optional role to assume
    bool organization_view = false;    // cross-account job monitoring from a management account
};

// Which resources an RPO target applies to, and the target.
struct RpoTarget {
    enum class Match { Arn, Name, Tag };
    Match match = Match::Name;
    std::string pattern;    // ARN or name glob (`*`, `?`); for tags the value glob
    std::string tag_key;
    Duration target{};
    int line = 0;           // where it was written, for evidence

    // "arn arn:aws:rds:...", "name orders-*", "tag env=prod".
    std::string describe() const;
};

// What a resource is known by, for matching targets.
struct ResourceIdentity {
    std::string arn;
    std::string name;
    std::vector<std::pair<std::string, std::string>> tags;
};

// The RPO target chosen for a resource, and why.
struct RpoChoice {
    Duration target{};
    std::string source;  // "default" or the matching target's describe()
};

// How often the poller fetches each kind.
struct PollIntervals {
    Duration vaults = std::chrono::minutes(15);
    Duration recovery_points = std::chrono::minutes(5);
    Duration jobs = std::chrono::seconds(60);
    Duration jobs_running = std::chrono::seconds(30);  // while any job is running
    Duration job_summaries = std::chrono::minutes(5);
    Duration plans = std::chrono::minutes(15);
    Duration protected_resources = std::chrono::minutes(15);
    Duration db_instances = std::chrono::minutes(2);   // instances and clusters
    Duration db_snapshots = std::chrono::minutes(5);   // snapshots and automated backups
    Duration restore_testing_plans = std::chrono::minutes(15);
    Duration bucket_lifecycles = std::chrono::hours(1);
    Duration identity = std::chrono::hours(1);
};

// The minimums every backup plan should meet (AWS Backup Audit Manager's
// "minimum frequency and retention" control): at least one rule of each
// plan runs at least this often and keeps points at least this long.
struct PlanMinimums {
    Duration frequency = std::chrono::hours(24);
    Duration retention = std::chrono::hours(24 * 35);
};

// The published on-demand prices (USD per hour) of common DB instance
// classes: RDS for PostgreSQL, Single-AZ, us-east-1. An estimate, not a bill.
std::map<std::string, double> default_instance_hourly_prices();

// Prices in USD for the cost estimates: backup storage per GB-month, and
// what a restored database costs while it runs.
struct Prices {
    double warm = 0.05;
    double cold = 0.01;
    std::map<std::string, double> instance_hourly = default_instance_hourly_prices();  // by DB instance class
    double db_storage = 0.115;  // DB storage (gp2/gp3) per GB-month
};

// How the switch-over shows a restored database.
struct RestoreSettings {
    // The DATABASE_URL shown to copy, without the password: {user}, {host},
    // {port} and {database} are filled in.
    std::string database_url = "postgresql://{user}@{host}:{port}/{database}";
};

struct Config {
    std::string source;  // the file it was read from; empty for the defaults
    std::vector<Account> accounts;

    Duration default_rpo = std::chrono::hours(24);
    double rpo_warning_fraction = 0.8;  // warn once a point is this old, as a share of its target
    std::vector<RpoTarget> rpo_targets;
    Duration rto = std::chrono::hours(4);

    Duration drill_cadence = std::chrono::hours(24 * 30);
    std::vector<std::string> drill_resources;  // ARN/name globs that must be drilled even if never drilled

    PollIntervals poll;
    int max_in_flight = 8;
    Duration job_window = std::chrono::hours(24 * 14);
    std::vector<std::string> s3_buckets;

    PlanMinimums plan_minimums;
    Prices prices;
    RestoreSettings restore;

    Theme theme = Theme::Dark;
    bool mouse = true;
    std::map<std::string, std::string> keys;  // command -> key
    std::map<std::string, int> key_lines;     // command -> the line that binds it, for evidence

    // The target for a resource: the first RPO target that matches it, else the default.
    RpoChoice rpo_target_for(const ResourceIdentity& resource) const;
    // True when the resource matches one of drill_resources.
    bool drill_required(const ResourceIdentity& resource) const;
};

}  // namespace vd::config
