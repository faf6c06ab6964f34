#include <gtest/gtest.h>

#include <sys/stat.h>

#include "backend/aws/credentials_assume_role.hpp"
#include "backend/aws/credentials_sts.hpp"
#include "backend/core/time_format.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;
using test_support::FakeSts;
using test_support::form_field;

namespace {

// A context over the temporary HOME's files whose STS is the fake one.
CredentialsContext context_for(const std::string& profile, const FakeSts& sts,
                               std::shared_ptr<const Clock> clock = nullptr) {
    auto cfg = load_default_profile_config();
    EXPECT_TRUE(cfg.ok()) << (cfg.ok() ? "" : cfg.error().message);
    CredentialsContext ctx;
    ctx.config = std::make_shared<ProfileConfig>(cfg.ok() ? std::move(cfg.value()) : ProfileConfig{});
    ctx.profile = profile;
    ctx.region = "eu-west-1";
    ctx.transport = std::make_shared<test_support::HttplibTransport>();
    ctx.clock = std::move(clock);
    std::string url = sts.url();
    ctx.endpoint_for = [url](const std::string& service, const std::string&) { return service == "sts" ? url : ""; };
    return ctx;
}

const char* kBaseKeys = "[base]\naws_access_key_id = AKIDSOURCE\naws_secret_access_key = source-secret\n";

}  // namespace

TEST(AssumeRoleProvider, SignsAssumeRoleWithTheSourceProfileKeys) {
    test_support::TempAwsHome home;
    FakeSts sts;
    sts.secrets["AKIDSOURCE"] = "source-secret";
    home.write_credentials(kBaseKeys);
    home.write_config("[profile backup-admin]\nrole_arn = arn:aws:iam::123456789012:role/Backup\nsource_profile = base\n"
                      "role_session_name = oncall\nexternal_id = ext-42\nduration_seconds = 3600\n");
    auto provider = make_assume_role_provider(context_for("backup-admin", sts));
    EXPECT_EQ(provider->name(), "assume-role");
    auto c = provider->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIA-Backup");
    EXPECT_EQ(c->secret_access_key, "secret-Backup");
    EXPECT_EQ(c->session_token, "token-Backup");
    ASSERT_TRUE(c->expiration.has_value());
    EXPECT_EQ(format_iso8601(*c->expiration), "2030-01-01T00:00:00Z");

    ASSERT_EQ(sts.bodies().size(), 1u);
    const std::string body = sts.bodies()[0];
    EXPECT_EQ(body.rfind("Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FBackup", 0), 0u)
        << body;
    EXPECT_EQ(form_field(body, "RoleSessionName"), "oncall");
    EXPECT_EQ(form_field(body, "ExternalId"), "ext-42");
    EXPECT_EQ(form_field(body, "DurationSeconds"), "3600");
    EXPECT_EQ(sts.signers(), std::vector<std::string>{"AKIDSOURCE"});
}

TEST(AssumeRoleProvider, FollowsAChainOfRoles) {
    test_support::TempAwsHome home;
    FakeSts sts;
    sts.secrets["AKIDSOURCE"] = "source-secret";
    home.write_credentials(kBaseKeys);
    home.write_config("[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
                      "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = base\n");
    auto c = make_assume_role_provider(context_for("a", sts))->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIA-A");
    std::vector<std::string> want = {"AKIDSOURCE", "ASIA-B"};
    EXPECT_EQ(sts.signers(), want);
}

TEST(AssumeRoleProvider, DetectsSourceProfileLoopsWithoutCallingSts) {
    test_support::TempAwsHome home;
    FakeSts sts;
    home.write_config("[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
                      "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = a\n"
                      "[profile self]\nrole_arn = arn:aws:iam::1:role/S\nsource_profile = self\n");
    auto c = make_assume_role_provider(context_for("a", sts))->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().kind, ErrorKind::Config);
    EXPECT_NE(c.error().message.find("a -> b -> a"), std::string::npos) << c.error().message;
    auto s = make_assume_role_provider(context_for("self", sts))->credentials();
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("loop"), std::string::npos);
    EXPECT_TRUE(sts.bodies().empty());
}

TEST(AssumeRoleProvider, AProfileMayBeItsOwnSourceWhenItHasStaticKeys) {
    test_support::TempAwsHome home;
    FakeSts sts;
    sts.secrets["AKIDSELF"] = "self-secret";
    home.write_credentials("[self]\naws_access_key_id = AKIDSELF\naws_secret_access_key = self-secret\n");
    home.write_config("[profile self]\nrole_arn = arn:aws:iam::1:role/Self\nsource_profile = self\n");
    auto c = make_assume_role_provider(context_for("self", sts))->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIA-Self");
    EXPECT_EQ(sts.signers(), std::vector<std::string>{"AKIDSELF"});
}

TEST(AssumeRoleProvider, SourceProfileMayUseCredentialProcess) {
    test_support::TempAwsHome home;
    FakeSts sts;
    sts.secrets["AKIDPROC"] = "proc-secret";
    auto exe = home.write("bin/helper", "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIDPROC\",\"SecretAccessKey\":\"proc-secret\"}'\n");
    ::chmod(exe.c_str(), 0755);
    home.write_config("[profile role]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = proc\n"
                      "[profile proc]\ncredential_process = " + exe.string() + "\n");
    auto c = make_assume_role_provider(context_for("role", sts))->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(sts.signers(), std::vector<std::string>{"AKIDPROC"});
}

TEST(AssumeRoleProvider, CredentialSourceEnvironment) {
    test_support::TempAwsHome home;
    FakeSts sts;
    sts.secrets["AKIDENV"] = "env-secret";
    home.write_config("[profile role]\nrole_arn = arn:aws:iam::1:role/FromEnv\ncredential_source = Environment\n");
    auto missing = make_assume_role_provider(context_for("role", sts))->credentials();
    ASSERT_FALSE(missing.ok());
    EXPECT_FALSE(is_not_configured(missing.error()));
    EXPECT_NE(missing.error().message.find("Environment"), std::string::npos);

    home.set("AWS_ACCESS_KEY_ID", "AKIDENV");
    home.set("AWS_SECRET_ACCESS_KEY", "env-secret");
    auto c = make_assume_role_provider(context_for("role", sts))->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIA-FromEnv");
    EXPECT_EQ(sts.signers(), std::vector<std::string>{"AKIDENV"});
}

TEST(AssumeRoleProvider, RejectsBrokenRoleProfilesClearly) {
    test_support::TempAwsHome home;
    FakeSts sts;
    home.write_credentials(kBaseKeys);
    home.write_config("[profile both]\nrole_arn = arn:aws:iam::1:role/X\nsource_profile = base\ncredential_source = Environment\n"
                      "[profile neither]\nrole_arn = arn:aws:iam::1:role/X\n"
                      "[profile ghost]\nrole_arn = arn:aws:iam::1:role/X\nsource_profile = nowhere\n"
                      "[profile odd]\nrole_arn = arn:aws:iam::1:role/X\ncredential_source = Floppy\n"
                      "[profile mfa]\nrole_arn = arn:aws:iam::1:role/X\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/me\n"
                      "[profile long]\nrole_arn = arn:aws:iam::1:role/X\nsource_profile = base\nduration_seconds = 99999\n"
                      "[profile empty-source]\nrole_arn = arn:aws:iam::1:role/X\nsource_profile = hollow\n"
                      "[profile hollow]\nregion = eu-west-1\n");
    auto expect_error = [&](const std::string& profile, const std::string& fragment) {
        auto c = make_assume_role_provider(context_for(profile, sts))->credentials();
        ASSERT_FALSE(c.ok()) << profile;
        EXPECT_EQ(c.error().kind, ErrorKind::Config) << profile;
        EXPECT_NE(c.error().message.find(fragment), std::string::npos) << profile << ": " << c.error().message;
    };
    expect_error("both", "both source_profile and credential_source");
    expect_error("neither", "neither source_profile nor credential_source");
    expect_error("ghost", "source_profile nowhere of profile ghost does not exist");
    expect_error("odd", "Floppy");
    expect_error("mfa", "MFA");
    expect_error("long", "duration_seconds");
    expect_error("empty-source", "source profile hollow has no credentials");
    EXPECT_TRUE(sts.bodies().empty());
}

TEST(AssumeRoleProvider, StsRefusalsBecomeAwsErrorsWithoutSecrets) {
    test_support::TempAwsHome home;
    FakeSts sts;
    sts.secrets["AKIDSOURCE"] = "source-secret";
    sts.fail_code = "AccessDenied";
    home.write_credentials(kBaseKeys);
    home.write_config("[profile r]\nrole_arn = arn:aws:iam::1:role/Denied\nsource_profile = base\n");
    auto c = make_assume_role_provider(context_for("r", sts))->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().kind, ErrorKind::Aws);
    EXPECT_EQ(c.error().code, "AccessDenied");
    EXPECT_EQ(c.error().http_status, 403);
    EXPECT_EQ(c.error().request_id, "req-123");
    EXPECT_NE(c.error().message.find("arn:aws:iam::1:role/Denied"), std::string::npos);
    EXPECT_EQ(c.error().to_string().find("source-secret"), std::string::npos);
    EXPECT_EQ(sts.bodies().size(), 1u);  // not retried
}

TEST(AssumeRoleProvider, WrongSourceSecretIsRefusedBySignatureCheck) {
    test_support::TempAwsHome home;
    FakeSts sts;
    sts.secrets["AKIDSOURCE"] = "the-real-secret";
    home.write_credentials(kBaseKeys);
    home.write_config("[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = base\n");
    auto c = make_assume_role_provider(context_for("r", sts))->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().code, "SignatureDoesNotMatch");
}

TEST(AssumeRoleProvider, RetriesAnUnavailableStsAndNamesTheDefaultSession) {
    test_support::TempAwsHome home;
    FakeSts sts;
    sts.secrets["AKIDSOURCE"] = "source-secret";
    sts.fail_first = 1;
    home.write_credentials(kBaseKeys);
    home.write_config("[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = base\n");
    auto clock = std::make_shared<FixedClock>(*parse_time("2026-11-22T03:00:00Z"));
    auto c = make_assume_role_provider(context_for("r", sts, clock))->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    ASSERT_EQ(sts.bodies().size(), 2u);
    EXPECT_EQ(form_field(sts.bodies()[1], "RoleSessionName"), "vaultdeck-session-1795316400");
}

TEST(AssumeRoleProvider, IsNotConfiguredForPlainOrWebIdentityProfiles) {
    test_support::TempAwsHome home;
    FakeSts sts;
    home.write_config("[profile plain]\nregion = eu-west-1\n"
                      "[profile web]\nrole_arn = arn:aws:iam::1:role/W\nweb_identity_token_file = /tmp/t\n");
    for (const char* p : {"plain", "web", "absent"}) {
        auto c = make_assume_role_provider(context_for(p, sts))->credentials();
        ASSERT_FALSE(c.ok());
        EXPECT_TRUE(is_not_configured(c.error())) << p;
    }
}

TEST(StsBody, EncodesValuesAndKeepsTheOrder) {
    StsCall call;
    call.action = "AssumeRole";
    call.params = {{"RoleArn", "arn:aws:iam::1:role/a b"}, {"RoleSessionName", "x+y"}};
    EXPECT_EQ(sts_form_body(call),
              "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fa%20b&RoleSessionName=x%2By");
}
