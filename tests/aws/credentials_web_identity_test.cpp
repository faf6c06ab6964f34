#include <gtest/gtest.h>

#include "backend/aws/credentials_web_identity.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;
using test_support::FakeSts;
using test_support::form_field;

namespace {

// A context over the temporary HOME's files whose STS is the fake one.
CredentialsContext context_for(const std::string& profile, const FakeSts& sts) {
    auto cfg = load_default_profile_config();
    EXPECT_TRUE(cfg.ok());
    CredentialsContext ctx;
    ctx.config = std::make_shared<ProfileConfig>(cfg.ok() ? std::move(cfg.value()) : ProfileConfig{});
    ctx.profile = profile;
    ctx.region = "us-west-2";
    ctx.transport = std::make_shared<test_support::HttplibTransport>();
    std::string url = sts.url();
    ctx.endpoint_for = [url](const std::string& service, const std::string&) { return service == "sts" ? url : ""; };
    return ctx;
}

}  // namespace

TEST(WebIdentityProvider, ExchangesTheTokenFileFromTheEnvironmentUnsigned) {
    test_support::TempAwsHome home;
    FakeSts sts;
    auto token = home.write("token", "eyJhbGciOiJSUzI1NiJ9.payload.sig\n");
    home.set("AWS_WEB_IDENTITY_TOKEN_FILE", token.string());
    home.set("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/Pod");
    home.set("AWS_ROLE_SESSION_NAME", "pod-session");
    auto provider = make_web_identity_provider(context_for("default", sts));
    EXPECT_EQ(provider->name(), "web-identity");
    auto c = provider->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIA-Pod");
    EXPECT_EQ(c->session_token, "token-Pod");
    EXPECT_TRUE(c->expiration.has_value());
    ASSERT_EQ(sts.bodies().size(), 1u);
    const auto body = sts.bodies()[0];
    EXPECT_EQ(body.rfind("Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=", 0), 0u) << body;
    EXPECT_EQ(form_field(body, "RoleArn"), "arn:aws:iam::123456789012:role/Pod");
    EXPECT_EQ(form_field(body, "RoleSessionName"), "pod-session");
    EXPECT_EQ(form_field(body, "WebIdentityToken"), "eyJhbGciOiJSUzI1NiJ9.payload.sig");
    EXPECT_TRUE(sts.signers().empty());  // the fake refuses signed web identity calls
}

TEST(WebIdentityProvider, ReadsTheProfileWhenTheEnvironmentIsSilent) {
    test_support::TempAwsHome home;
    FakeSts sts;
    auto token = home.write("t/oidc", "tok");
    home.write_config("[profile k8s]\nweb_identity_token_file = " + token.string() +
                      "\nrole_arn = arn:aws:iam::1:role/Profiled\nrole_session_name = from-profile\n");
    auto c = make_web_identity_provider(context_for("k8s", sts))->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIA-Profiled");
    EXPECT_EQ(form_field(sts.bodies()[0], "RoleSessionName"), "from-profile");
}

TEST(WebIdentityProvider, EnvironmentWinsUnlessSkippedForASourceProfile) {
    test_support::TempAwsHome home;
    FakeSts sts;
    auto env_token = home.write("env-token", "env");
    auto file_token = home.write("file-token", "file");
    home.set("AWS_WEB_IDENTITY_TOKEN_FILE", env_token.string());
    home.set("AWS_ROLE_ARN", "arn:aws:iam::1:role/EnvRole");
    home.write_config("[profile k8s]\nweb_identity_token_file = " + file_token.string() + "\nrole_arn = arn:aws:iam::1:role/FileRole\n");
    auto with_env = make_web_identity_provider(context_for("k8s", sts), true)->credentials();
    ASSERT_TRUE(with_env.ok());
    EXPECT_EQ(with_env->access_key_id, "ASIA-EnvRole");
    auto without_env = make_web_identity_provider(context_for("k8s", sts), false)->credentials();
    ASSERT_TRUE(without_env.ok());
    EXPECT_EQ(without_env->access_key_id, "ASIA-FileRole");
    EXPECT_EQ(form_field(sts.bodies()[1], "WebIdentityToken"), "file");
}

TEST(WebIdentityProvider, NotConfiguredWithoutATokenFile) {
    test_support::TempAwsHome home;
    FakeSts sts;
    home.set("AWS_ROLE_ARN", "arn:aws:iam::1:role/Pod");
    auto c = make_web_identity_provider(context_for("default", sts))->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_TRUE(is_not_configured(c.error()));
}

TEST(WebIdentityProvider, ClearErrorsForAMissingRoleOrUnreadableTokenNeverShowingTheToken) {
    test_support::TempAwsHome home;
    FakeSts sts;
    auto token = home.write("token", "super-secret-jwt");
    home.set("AWS_WEB_IDENTITY_TOKEN_FILE", token.string());
    auto no_role = make_web_identity_provider(context_for("default", sts))->credentials();
    ASSERT_FALSE(no_role.ok());
    EXPECT_EQ(no_role.error().kind, ErrorKind::Config);
    EXPECT_NE(no_role.error().message.find("AWS_ROLE_ARN"), std::string::npos);

    home.set("AWS_ROLE_ARN", "arn:aws:iam::1:role/Pod");
    home.set("AWS_WEB_IDENTITY_TOKEN_FILE", (home.dir() / "missing-token").string());
    auto missing = make_web_identity_provider(context_for("default", sts))->credentials();
    ASSERT_FALSE(missing.ok());
    EXPECT_FALSE(is_not_configured(missing.error()));
    EXPECT_NE(missing.error().message.find("missing-token"), std::string::npos);

    home.set("AWS_WEB_IDENTITY_TOKEN_FILE", token.string());
    sts.fail_code = "InvalidIdentityToken";
    sts.fail_status = 400;
    auto refused = make_web_identity_provider(context_for("default", sts))->credentials();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "InvalidIdentityToken");
    EXPECT_EQ(refused.error().to_string().find("super-secret-jwt"), std::string::npos);
}
