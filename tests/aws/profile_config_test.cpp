#include <gtest/gtest.h>

#include "backend/aws/profile_config.hpp"
#include "backend/aws/shell_words.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;

TEST(ProfileConfig, ReadsProfilesSsoSessionsAndServicesFromTheConfigFile) {
    auto ini = parse_ini(R"([default]
region = eu-west-1
output = json

[profile prod]
role_arn = arn:aws:iam::123456789012:role/Backup
source_profile = default
services = local

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-central-1

[services local]
backup =
  endpoint_url = http://127.0.0.1:4566
rds =
  endpoint_url = http://127.0.0.1:4567

[plugins]
x = y
)",
                         "config");
    ASSERT_TRUE(ini.ok()) << ini.error().message;
    auto cfg = build_profile_config(*ini, {});
    ASSERT_NE(cfg.profile("default"), nullptr);
    EXPECT_EQ(cfg.profile("default")->get("region"), "eu-west-1");
    ASSERT_NE(cfg.profile("prod"), nullptr);
    EXPECT_EQ(cfg.profile("prod")->get("role_arn"), "arn:aws:iam::123456789012:role/Backup");
    EXPECT_EQ(cfg.profile("plugins"), nullptr);
    EXPECT_EQ(cfg.profiles.size(), 2u);
    ASSERT_NE(cfg.sso_session("corp"), nullptr);
    EXPECT_EQ(cfg.sso_session("corp")->get("sso_region"), "eu-central-1");
    ASSERT_NE(cfg.services_section("local"), nullptr);
    EXPECT_EQ(cfg.services_section("local")->subsections.at("backup").at("endpoint_url"), "http://127.0.0.1:4566");
    EXPECT_EQ(cfg.services_section("local")->subsections.at("rds").at("endpoint_url"), "http://127.0.0.1:4567");
}

TEST(ProfileConfig, CredentialsFileSectionsAreBareProfileNamesAndOverrideConfig) {
    auto config = parse_ini("[profile dev]\naws_access_key_id = FROMCONFIG\nregion = us-east-2\n[dev]\nignored = 1\n", "config");
    auto creds = parse_ini("[dev]\naws_access_key_id = FROMCREDS\naws_secret_access_key = s\n[profile odd]\nk = v\n", "credentials");
    ASSERT_TRUE(config.ok() && creds.ok());
    auto cfg = build_profile_config(*config, *creds);
    ASSERT_NE(cfg.profile("dev"), nullptr);
    EXPECT_EQ(cfg.profile("dev")->get("aws_access_key_id"), "FROMCREDS");
    EXPECT_EQ(cfg.profile("dev")->get("region"), "us-east-2");
    EXPECT_FALSE(cfg.profile("dev")->has("ignored"));
    // In the credentials file the whole header is the profile name.
    EXPECT_NE(cfg.profile("profile odd"), nullptr);
    EXPECT_EQ(cfg.profile("odd"), nullptr);
}

TEST(ProfileConfig, HandlesCommentsCaseContinuationColonsAndQuotedNames) {
    auto ini = parse_ini("# top comment\n; another\n[profile \"my team\"]   ; trailing note\n"
                         "Region : ap-southeast-2\n"
                         "credential_process = /usr/bin/helper\n    --flag=1\n"
                         "  # indented comment inside a value is skipped\n"
                         "empty =\n"
                         "role_arn = arn:aws:iam::1:role/x # kept as the CLI keeps it\n",
                         "config");
    ASSERT_TRUE(ini.ok()) << ini.error().message;
    auto cfg = build_profile_config(*ini, {});
    const auto* p = cfg.profile("my team");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->get("region"), "ap-southeast-2");
    EXPECT_EQ(p->get("credential_process"), "/usr/bin/helper\n--flag=1");
    EXPECT_EQ(p->get("empty"), "");
    EXPECT_TRUE(p->subsections.empty());
    EXPECT_EQ(p->get("role_arn"), "arn:aws:iam::1:role/x # kept as the CLI keeps it");
}

TEST(ProfileConfig, ProfileDefaultAndDefaultBothNameTheDefaultProfile) {
    auto ini = parse_ini("[profile default]\nregion = a\n", "config");
    ASSERT_TRUE(ini.ok());
    auto cfg = build_profile_config(*ini, {});
    ASSERT_NE(cfg.profile("default"), nullptr);
    EXPECT_EQ(cfg.profile("default")->get("region"), "a");
}

TEST(ProfileConfig, RejectsMalformedFilesWithTheLineNumber) {
    auto no_section = parse_ini("region = x\n", "/tmp/cfg");
    ASSERT_FALSE(no_section.ok());
    EXPECT_EQ(no_section.error().kind, ErrorKind::Config);
    EXPECT_NE(no_section.error().message.find("/tmp/cfg line 1"), std::string::npos);

    auto no_delim = parse_ini("[default]\nregion x\n", "cfg");
    ASSERT_FALSE(no_delim.ok());
    EXPECT_NE(no_delim.error().message.find("line 2"), std::string::npos);

    auto dup_section = parse_ini("[default]\n[default]\n", "cfg");
    ASSERT_FALSE(dup_section.ok());
    EXPECT_NE(dup_section.error().message.find("twice"), std::string::npos);

    auto dup_key = parse_ini("[default]\nregion = a\nREGION = b\n", "cfg");
    ASSERT_FALSE(dup_key.ok());

    auto bad_nested = parse_ini("[services x]\ns3 =\n  endpoint_url http://x\n", "cfg");
    ASSERT_FALSE(bad_nested.ok());
    EXPECT_NE(bad_nested.error().message.find("s3"), std::string::npos);

    EXPECT_FALSE(parse_ini("[]\n", "cfg").ok());
}

TEST(ProfileConfig, AcceptsCrlfLineEndings) {
    auto ini = parse_ini("[default]\r\nregion = eu-north-1\r\n", "cfg");
    ASSERT_TRUE(ini.ok());
    EXPECT_EQ(build_profile_config(*ini, {}).profile("default")->get("region"), "eu-north-1");
}

TEST(ProfileConfig, LoadsFilesNamedByTheEnvironmentAndToleratesMissingOnes) {
    test_support::TempAwsHome home;
    home.write_config("[profile a]\nregion = eu-west-3\n");
    auto cfg = load_default_profile_config();
    ASSERT_TRUE(cfg.ok()) << cfg.error().message;
    EXPECT_EQ(cfg->profile("a")->get("region"), "eu-west-3");
    EXPECT_EQ(cfg->config_file, home.config_path());
    EXPECT_NE(cfg->files_description().find(home.credentials_path().string()), std::string::npos);

    home.set("AWS_CONFIG_FILE", "~/elsewhere/config");
    home.write("elsewhere/config", "[profile b]\nregion = x\n");
    auto moved = load_default_profile_config();
    ASSERT_TRUE(moved.ok());
    EXPECT_NE(moved->profile("b"), nullptr);
    EXPECT_EQ(moved->profile("a"), nullptr);

    home.set("AWS_CONFIG_FILE", (home.dir() / "missing").string());
    auto empty = load_default_profile_config();
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->profiles.empty());
}

TEST(ProfileConfig, ReportsParseErrorsOfTheRealFile) {
    test_support::TempAwsHome home;
    home.write_credentials("[default]\naws_access_key_id\n");
    auto cfg = load_default_profile_config();
    ASSERT_FALSE(cfg.ok());
    EXPECT_NE(cfg.error().message.find(home.credentials_path().string()), std::string::npos);
}

TEST(ShellWords, SplitsLikeShlex) {
    auto w = shell_split(R"(/bin/helper --name 'two words' "a \"quoted\" \\ value" plain\ space ''x  "")");
    ASSERT_TRUE(w.ok());
    std::vector<std::string> want = {"/bin/helper", "--name", "two words", R"(a "quoted" \ value)", "plain space", "x", ""};
    EXPECT_EQ(*w, want);
    EXPECT_EQ(shell_split("a'b c'd")->at(0), "ab cd");
    EXPECT_TRUE(shell_split("   ")->empty());
    EXPECT_FALSE(shell_split("'open").ok());
    EXPECT_FALSE(shell_split("\"open").ok());
    EXPECT_FALSE(shell_split("trailing\\").ok());
}

TEST(ParseBool, ReadsTrueAndFalseOnly) {
    EXPECT_EQ(parse_bool("TRUE"), true);
    EXPECT_EQ(parse_bool(" false "), false);
    EXPECT_EQ(parse_bool("yes"), std::nullopt);
}
