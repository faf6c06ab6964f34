#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "backend/config/glob.hpp"
#include "backend/config/load.hpp"
#include "backend/core/files.hpp"

using namespace vd;
using namespace vd::config;
using namespace std::chrono_literals;

namespace {

// All issues of a text, one formatted line each.
std::vector<std::string> issues_of(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& i : parse_config(text, "config.toml").issues) out.push_back(i.to_string("config.toml"));
    return out;
}

// A fresh empty folder under the test's temp dir.
std::filesystem::path temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("vaultdeck-config-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace

TEST(ConfigDefaults, AnEmptyFileGivesTheDocumentedDefaults) {
    auto f = parse_config("", "config.toml");
    ASSERT_TRUE(f.ok());
    const Config& c = f.config;
    EXPECT_TRUE(c.accounts.empty());
    EXPECT_EQ(c.default_rpo, 24h);
    EXPECT_DOUBLE_EQ(c.rpo_warning_fraction, 0.8);
    EXPECT_EQ(c.rto, 4h);
    EXPECT_EQ(c.drill_cadence, 24h * 30);
    EXPECT_EQ(c.poll.jobs, 60s);
    EXPECT_EQ(c.poll.jobs_running, 30s);
    EXPECT_EQ(c.poll.recovery_points, 5min);
    EXPECT_EQ(c.poll.plans, 15min);
    EXPECT_EQ(c.max_in_flight, 8);
    EXPECT_EQ(c.job_window, 24h * 14);
    EXPECT_EQ(c.plan_minimums.frequency, 24h);
    EXPECT_EQ(c.plan_minimums.retention, 24h * 35);
    EXPECT_DOUBLE_EQ(c.prices.warm, 0.05);
    EXPECT_DOUBLE_EQ(c.prices.cold, 0.01);
    EXPECT_EQ(c.theme, Theme::Dark);
    EXPECT_TRUE(c.mouse);
}

TEST(ConfigParse, ReadsEverySection) {
    auto f = parse_config(R"(
[[accounts]]
name = "prod"
profile = "shop-prod"
regions = ["eu-central-1", "us-east-1"]
environment = "production"
role_arn = "arn:aws:iam::111122223333:role/ro"
organization_view = true

[[accounts]]
profile = "shop-dev"
environment = "dev"

[targets]
rpo = "12h"
rto = "2h"
rpo_warning = 0.5

[[rpo]]
match = "arn:aws:rds:*:*:db:orders"
target = "15m"

[[rpo]]
tag = "tier=gold"
target = "1h30m"

[drills]
cadence = "2w"
resources = ["orders*"]

[poll]
jobs = "45s"
max_in_flight = 4
job_window = "7d"

[s3]
buckets = ["media"]

[plan_minimums]
frequency = "12h"
retention = "90d"

[prices]
warm = 0.06
cold = 0

[ui]
theme = "mono"
mouse = false

[keys]
refresh = "ctrl-r"
)",
                          "config.toml");
    ASSERT_TRUE(f.ok()) << f.issues.front().to_string("config.toml");
    const Config& c = f.config;
    ASSERT_EQ(c.accounts.size(), 2u);
    EXPECT_EQ(c.accounts[0].name, "prod");
    EXPECT_EQ(c.accounts[0].regions, (std::vector<std::string>{"eu-central-1", "us-east-1"}));
    EXPECT_EQ(c.accounts[0].role_arn, "arn:aws:iam::111122223333:role/ro");
    EXPECT_TRUE(c.accounts[0].organization_view);
    EXPECT_EQ(c.accounts[1].name, "shop-dev");  // the profile names an unnamed account
    EXPECT_EQ(c.accounts[1].environment, Environment::Dev);
    EXPECT_EQ(c.default_rpo, 12h);
    EXPECT_EQ(c.rto, 2h);
    EXPECT_DOUBLE_EQ(c.rpo_warning_fraction, 0.5);
    ASSERT_EQ(c.rpo_targets.size(), 2u);
    EXPECT_EQ(c.rpo_targets[0].match, RpoTarget::Match::Arn);
    EXPECT_EQ(c.rpo_targets[0].target, 15min);
    EXPECT_EQ(c.rpo_targets[0].line, 19);
    EXPECT_EQ(c.rpo_targets[1].match, RpoTarget::Match::Tag);
    EXPECT_EQ(c.rpo_targets[1].tag_key, "tier");
    EXPECT_EQ(c.rpo_targets[1].target, 90min);
    EXPECT_EQ(c.drill_cadence, 24h * 14);
    EXPECT_EQ(c.drill_resources, std::vector<std::string>{"orders*"});
    EXPECT_EQ(c.poll.jobs, 45s);
    EXPECT_EQ(c.poll.plans, 15min);  // untouched keys keep their defaults
    EXPECT_EQ(c.max_in_flight, 4);
    EXPECT_EQ(c.job_window, 24h * 7);
    EXPECT_EQ(c.s3_buckets, std::vector<std::string>{"media"});
    EXPECT_EQ(c.plan_minimums.frequency, 12h);
    EXPECT_EQ(c.plan_minimums.retention, 24h * 90);
    EXPECT_DOUBLE_EQ(c.prices.warm, 0.06);
    EXPECT_DOUBLE_EQ(c.prices.cold, 0.0);
    EXPECT_EQ(c.theme, Theme::Mono);
    EXPECT_FALSE(c.mouse);
    EXPECT_EQ(c.keys.at("refresh"), "ctrl-r");
}

TEST(ConfigParse, ErrorsCarryLineAndPath) {
    auto issues = issues_of(R"([targets]
rpo = "24h"

[[rpo]]
match = "orders-*"
target = "1h"

[[rpo]]
match = "billing"
target = "15x"

[poll]
jobs = 60
max_in_flight = 100
plnas = "15m"

[ui]
theme = "pink"

[[accounts]]
name = "prod"
regoins = ["eu-west-1"]
environment = "prod"
regions = ["eu-west"]
)");
    std::vector<std::string> expected = {
        "config.toml:10: rpo[1].target: '15x' is not a duration (use s, m, h, d or w, e.g. 15m)",
        "config.toml:13: poll.jobs: expected a duration such as \"15m\", \"24h\" or \"7d\", got integer",
        "config.toml:14: poll.max_in_flight: 100 is out of range 1-64",
        "config.toml:15: poll.plnas: unknown key (did you mean 'plans'?)",
        "config.toml:18: ui.theme: 'pink' is not one of dark, light, 16, mono",
        "config.toml:22: accounts[0].regoins: unknown key (did you mean 'regions'?)",
        "config.toml:23: accounts[0].environment: 'prod' is not one of production, staging, dev",
        "config.toml:24: accounts[0].regions[0]: 'eu-west' is not a region name (e.g. eu-west-1)",
    };
    EXPECT_EQ(issues, expected);
}

TEST(ConfigParse, RpoEntriesNeedOneMatcherAndATarget) {
    auto issues = issues_of(R"([[rpo]]
target = "1h"

[[rpo]]
match = "a"
tag = "b=c"
target = "1h"

[[rpo]]
tag = "novalue"
target = "1h"

[[rpo]]
match = "x"

[[rpo]]
match = "y"
target = "0m"
)");
    ASSERT_EQ(issues.size(), 5u);
    EXPECT_EQ(issues[0], "config.toml:1: rpo[0]: give exactly one of 'match' (an ARN or name pattern) and 'tag' (\"key=value\")");
    EXPECT_EQ(issues[1].rfind("config.toml:4: rpo[1]: give exactly one", 0), 0u);
    EXPECT_EQ(issues[2], "config.toml:10: rpo[2].tag: 'novalue' is not \"key=value\"");
    EXPECT_EQ(issues[3], "config.toml:13: rpo[3]: missing 'target' (a duration such as \"15m\")");
    EXPECT_EQ(issues[4], "config.toml:18: rpo[4].target: '0m' must be longer than zero");
}

TEST(ConfigParse, SyntaxErrorsAndWrongShapes) {
    auto syntax = issues_of("[targets]\nrpo = \"24h\n");
    ASSERT_EQ(syntax.size(), 1u);
    EXPECT_EQ(syntax[0].rfind("config.toml:2: ", 0), 0u) << syntax[0];

    auto shapes = issues_of(R"(targets = "24h"
accounts = "prod"
unknown_section = 1
[keys]
quit = 3
)");
    std::vector<std::string> expected = {
        "config.toml:1: targets: expected a table ([targets]), got string",
        "config.toml:2: accounts: expected an array of tables ([[accounts]]), got string",
        "config.toml:3: unknown_section: unknown key",
        "config.toml:5: keys.quit: expected a key such as \"r\" or \"ctrl-r\", got integer",
    };
    EXPECT_EQ(shapes, expected);
}

TEST(ConfigParse, DuplicateAccountsAndBadRoles) {
    auto issues = issues_of(R"([[accounts]]
name = "a"
[[accounts]]
name = "a"
role_arn = "admin"
)");
    ASSERT_EQ(issues.size(), 2u);
    EXPECT_EQ(issues[0], "config.toml:3: accounts[1].name: the account name 'a' is used twice");
    EXPECT_EQ(issues[1], "config.toml:5: accounts[1].role_arn: 'admin' is not an IAM role ARN");
}

TEST(ConfigExample, TheDocumentedExampleParsesCleanly) {
    auto f = read_config(std::string(VAULTDECK_SOURCE_DIR) + "/docs/config.example.toml");
    EXPECT_TRUE(f.exists);
    for (const auto& i : f.issues) ADD_FAILURE() << i.to_string(f.path);
    EXPECT_EQ(f.config.accounts.size(), 2u);
    EXPECT_EQ(f.config.rpo_targets.size(), 3u);
    // The example shows the defaults, so it must agree with them.
    Config defaults;
    EXPECT_EQ(f.config.default_rpo, defaults.default_rpo);
    EXPECT_EQ(f.config.rto, defaults.rto);
    EXPECT_EQ(f.config.drill_cadence, defaults.drill_cadence);
    EXPECT_EQ(f.config.poll.jobs, defaults.poll.jobs);
    EXPECT_EQ(f.config.poll.db_instances, defaults.poll.db_instances);
    EXPECT_EQ(f.config.job_window, defaults.job_window);
    EXPECT_EQ(f.config.max_in_flight, defaults.max_in_flight);
    EXPECT_EQ(f.config.plan_minimums.retention, defaults.plan_minimums.retention);
    EXPECT_DOUBLE_EQ(f.config.prices.warm, defaults.prices.warm);
}

TEST(ConfigFiles, MissingDefaultFileMeansDefaultsButAMissingExplicitFileIsAnError) {
    auto dir = temp_dir("xdg");
    ::setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
    EXPECT_EQ(default_config_path(), dir / "vaultdeck" / "config.toml");
    auto f = read_config("");
    EXPECT_FALSE(f.exists);
    EXPECT_TRUE(f.ok());
    EXPECT_EQ(f.config.default_rpo, 24h);

    auto missing = read_config((dir / "nope.toml").string());
    ASSERT_EQ(missing.issues.size(), 1u);
    EXPECT_EQ(missing.issues[0].to_string(missing.path), (dir / "nope.toml").string() + ": no such file");

    std::filesystem::create_directories(dir / "vaultdeck");
    std::ofstream(dir / "vaultdeck" / "config.toml") << "[targets]\nrpo = \"6h\"\n";
    auto loaded = load_config("");
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->default_rpo, 6h);

    std::ofstream(dir / "bad.toml") << "[targets]\nrpo = \"6x\"\nrto = \"y\"\n";
    auto bad = load_config((dir / "bad.toml").string());
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, ErrorKind::Config);
    EXPECT_EQ(bad.error().message, (dir / "bad.toml").string() +
                                       ":2: targets.rpo: '6x' is not a duration (use s, m, h, d or w, e.g. 15m) "
                                       "(and 1 more; run 'vaultdeck config check')");
    ::unsetenv("XDG_CONFIG_HOME");
    std::filesystem::remove_all(dir);
}

TEST(RpoTargets, FirstMatchWinsElseTheDefault) {
    auto f = parse_config(R"(
[targets]
rpo = "24h"
[[rpo]]
match = "arn:aws:rds:eu-central-1:*:db:orders"
target = "15m"
[[rpo]]
match = "report*"
target = "7d"
[[rpo]]
tag = "tier=crit*"
target = "1h"
[[rpo]]
match = "orders"
target = "2h"
)",
                          "config.toml");
    ASSERT_TRUE(f.ok());
    const Config& c = f.config;
    auto orders = c.rpo_target_for({"arn:aws:rds:eu-central-1:111122223333:db:orders", "orders", {}});
    EXPECT_EQ(orders.target, 15min);
    EXPECT_EQ(orders.source, "arn arn:aws:rds:eu-central-1:*:db:orders");
    auto orders_us = c.rpo_target_for({"arn:aws:rds:us-east-1:111122223333:db:orders", "orders", {}});
    EXPECT_EQ(orders_us.target, 2h);
    EXPECT_EQ(c.rpo_target_for({"arn:x", "reporting", {}}).target, 24h * 7);
    auto tagged = c.rpo_target_for({"arn:y", "billing", {{"tier", "critical"}}});
    EXPECT_EQ(tagged.target, 1h);
    EXPECT_EQ(tagged.source, "tag tier=crit*");
    auto other = c.rpo_target_for({"arn:z", "billing", {{"tier", "bronze"}}});
    EXPECT_EQ(other.target, 24h);
    EXPECT_EQ(other.source, "default");
}

TEST(Durations, ParseAndFormat) {
    EXPECT_EQ(parse_duration("90s"), 90s);
    EXPECT_EQ(parse_duration("15m"), 15min);
    EXPECT_EQ(parse_duration("24h"), 24h);
    EXPECT_EQ(parse_duration("7d"), 24h * 7);
    EXPECT_EQ(parse_duration("2w"), 24h * 14);
    EXPECT_EQ(parse_duration("1h30m"), 90min);
    for (const char* bad : {"", "15", "15x", "h", "1.5h", "-1h", "1h 30m", "99999999999d"})
        EXPECT_FALSE(parse_duration(bad).has_value()) << bad;
    EXPECT_EQ(format_duration(90min), "1h30m");
    EXPECT_EQ(format_duration(24h * 35), "35d");
    EXPECT_EQ(format_age(30h), "30 h");
    EXPECT_EQ(format_age(90s), "90 s");
    EXPECT_EQ(format_age(24h * 3 + 12h), "3.5 d");
}

TEST(Glob, StarsAndQuestionMarks) {
    EXPECT_TRUE(glob_match("*", "anything"));
    EXPECT_TRUE(glob_match("orders-*", "orders-eu"));
    EXPECT_FALSE(glob_match("orders-*", "billing-eu"));
    EXPECT_TRUE(glob_match("arn:aws:rds:*:*:db:*", "arn:aws:rds:eu-west-1:1:db:x"));
    EXPECT_FALSE(glob_match("arn:aws:rds:*:*:db:*", "arn:aws:rds:eu-west-1:1:cluster:x"));
    EXPECT_TRUE(glob_match("db-?", "db-1"));
    EXPECT_FALSE(glob_match("db-?", "db-10"));
    EXPECT_TRUE(glob_match("a*b*c", "aXXbYYc"));
    EXPECT_FALSE(glob_match("a*b*c", "aXXbYY"));
}
