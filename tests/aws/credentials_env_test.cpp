#include <gtest/gtest.h>

#include "backend/aws/credentials_env.hpp"
#include "backend/aws/credentials_common.hpp"
#include "backend/core/time_format.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;

TEST(EnvironmentProvider, ReadsKeysTokenAndExpiration) {
    test_support::TempAwsHome home;
    home.set("AWS_ACCESS_KEY_ID", "AKIDENV");
    home.set("AWS_SECRET_ACCESS_KEY", "env-secret");
    home.set("AWS_SESSION_TOKEN", "env-token");
    home.set("AWS_CREDENTIAL_EXPIRATION", "2026-11-22T03:00:00Z");
    auto p = make_environment_provider();
    auto c = p->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "AKIDENV");
    EXPECT_EQ(c->secret_access_key, "env-secret");
    EXPECT_EQ(c->session_token, "env-token");
    ASSERT_TRUE(c->expiration.has_value());
    EXPECT_EQ(format_iso8601(*c->expiration), "2026-11-22T03:00:00Z");
    EXPECT_EQ(c->source, "environment");
    EXPECT_EQ(p->name(), "environment");
}

TEST(EnvironmentProvider, AcceptsTheOlderSecurityTokenName) {
    test_support::TempAwsHome home;
    home.set("AWS_ACCESS_KEY_ID", "AKID");
    home.set("AWS_SECRET_ACCESS_KEY", "s");
    home.set("AWS_SECURITY_TOKEN", "legacy-token");
    auto c = make_environment_provider()->credentials();
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->session_token, "legacy-token");
    EXPECT_FALSE(c->expiration.has_value());
}

TEST(EnvironmentProvider, NothingSetMeansNotConfigured) {
    test_support::TempAwsHome home;
    auto c = make_environment_provider()->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_TRUE(is_not_configured(c.error()));
}

TEST(EnvironmentProvider, HalfAKeyPairIsAnErrorThatNamesTheMissingVariableButNotTheSecret) {
    test_support::TempAwsHome home;
    home.set("AWS_SECRET_ACCESS_KEY", "do-not-print-me");
    auto c = make_environment_provider()->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_FALSE(is_not_configured(c.error()));
    EXPECT_NE(c.error().message.find("AWS_ACCESS_KEY_ID"), std::string::npos);
    EXPECT_EQ(c.error().message.find("do-not-print-me"), std::string::npos);

    home.unset("AWS_SECRET_ACCESS_KEY");
    home.set("AWS_ACCESS_KEY_ID", "AKID");
    auto d = make_environment_provider()->credentials();
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.error().message.find("AWS_SECRET_ACCESS_KEY"), std::string::npos);
}

TEST(EnvironmentProvider, RejectsAnUnreadableExpiration) {
    test_support::TempAwsHome home;
    home.set("AWS_ACCESS_KEY_ID", "AKID");
    home.set("AWS_SECRET_ACCESS_KEY", "s");
    home.set("AWS_CREDENTIAL_EXPIRATION", "tomorrow");
    auto c = make_environment_provider()->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("AWS_CREDENTIAL_EXPIRATION"), std::string::npos);
}

TEST(StaticProvider, ReturnsWhatItWasGiven) {
    Credentials c;
    c.access_key_id = "A";
    c.secret_access_key = "B";
    auto p = make_static_provider(c, "fixed");
    EXPECT_EQ(p->name(), "fixed");
    EXPECT_EQ(p->credentials()->access_key_id, "A");
    EXPECT_EQ(p->credentials()->source, "fixed");
}

TEST(CredentialsJson, ParsesTheContainerAndProcessDocuments) {
    auto ecs = parse_credentials_json(
        R"({"AccessKeyId":"AK","SecretAccessKey":"SK","Token":"TK","Expiration":"2026-11-22T03:00:00Z","RoleArn":"x"})",
        "Token", "container");
    ASSERT_TRUE(ecs.ok());
    EXPECT_EQ(ecs->session_token, "TK");
    EXPECT_TRUE(ecs->expiration.has_value());
    auto bad = parse_credentials_json(R"({"AccessKeyId":"AK","SecretAccessKey":"leaky"})" "garbage", "Token", "container");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message.find("leaky"), std::string::npos);
    auto missing = parse_credentials_json(R"({"AccessKeyId":"AK"})", "Token", "container");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("SecretAccessKey"), std::string::npos);
}
