#include <gtest/gtest.h>

#include "backend/aws/credentials_assume_role.hpp"
#include "backend/aws/credentials_sso.hpp"
#include "backend/core/time_format.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;

namespace {

// A loopback SSO portal that accepts one bearer token.
class FakePortal {
public:
    std::string valid_token = "valid-access-token";
    std::vector<std::string> targets;

    FakePortal() {
        server_.server.Get("/federation/credentials", [this](const httplib::Request& req, httplib::Response& res) {
            targets.push_back(req.target);
            if (req.get_header_value("x-amz-sso_bearer_token") != valid_token) {
                res.status = 401;
                res.set_header("x-amzn-ErrorType", "UnauthorizedException:http://internal.amazon.com/");
                res.set_content(R"({"message":"Session token not found or invalid"})", "application/json");
                return;
            }
            std::string role = req.get_param_value("role_name");
            res.set_content(R"({"roleCredentials":{"accessKeyId":"ASIASSO-)" + role +
                                R"(","secretAccessKey":"sso-secret","sessionToken":"sso-token","expiration":1795316400000}})",
                            "application/json");
        });
        server_.start();
    }
    std::string url() const { return server_.url(); }

private:
    test_support::LoopbackServer server_;
};

// A context over the temporary HOME's files whose SSO portal is the fake one.
CredentialsContext context_for(const std::string& profile, const FakePortal& portal, std::shared_ptr<const Clock> clock) {
    auto cfg = load_default_profile_config();
    EXPECT_TRUE(cfg.ok()) << (cfg.ok() ? "" : cfg.error().message);
    CredentialsContext ctx;
    ctx.config = std::make_shared<ProfileConfig>(cfg.ok() ? std::move(cfg.value()) : ProfileConfig{});
    ctx.profile = profile;
    ctx.region = "eu-west-1";
    ctx.transport = std::make_shared<test_support::HttplibTransport>();
    ctx.clock = std::move(clock);
    std::string url = portal.url();
    ctx.endpoint_for = [url](const std::string& service, const std::string& region) {
        return service == "sso" && region == "eu-central-1" ? url : "";
    };
    return ctx;
}

const char* kSessionConfig =
    "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = BackupOperator\n"
    "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-central-1\n";

std::shared_ptr<FixedClock> clock_at(const char* iso) { return std::make_shared<FixedClock>(*parse_time(iso)); }

}  // namespace

TEST(SsoProvider, CacheFileIsTheSha1OfTheSessionNameOrStartUrl) {
    EXPECT_EQ(sso_cache_file_name("corp"), "ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
    EXPECT_EQ(sso_cache_file_name("https://corp.awsapps.com/start"), "a51746d4aa793ae07b25e90c3a5db96fc7832bd7.json");
}

TEST(SsoProvider, GetsRoleCredentialsWithTheCachedSessionToken) {
    test_support::TempAwsHome home;
    FakePortal portal;
    home.write_config(kSessionConfig);
    home.write(".aws/sso/cache/" + sso_cache_file_name("corp"),
               R"({"accessToken":"valid-access-token","expiresAt":"2026-11-22T08:00:00Z","region":"eu-central-1"})");
    auto provider = make_sso_provider(context_for("dev", portal, clock_at("2026-11-22T03:00:00Z")));
    EXPECT_EQ(provider->name(), "sso");
    auto c = provider->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIASSO-BackupOperator");
    EXPECT_EQ(c->session_token, "sso-token");
    ASSERT_TRUE(c->expiration.has_value());
    EXPECT_EQ(format_iso8601(*c->expiration), "2026-11-22T03:00:00Z");
    ASSERT_EQ(portal.targets.size(), 1u);
    EXPECT_EQ(portal.targets[0], "/federation/credentials?role_name=BackupOperator&account_id=111122223333");
}

TEST(SsoProvider, ReadsTheLegacyStartUrlForm) {
    test_support::TempAwsHome home;
    FakePortal portal;
    home.write_config("[profile legacy]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-central-1\n"
                      "sso_account_id = 111122223333\nsso_role_name = ReadOnly\n");
    home.write(".aws/sso/cache/" + sso_cache_file_name("https://corp.awsapps.com/start"),
               R"({"accessToken":"valid-access-token","expiresAt":"2026-11-22T08:00:00Z"})");
    auto c = make_sso_provider(context_for("legacy", portal, clock_at("2026-11-22T03:00:00Z")))->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIASSO-ReadOnly");
}

TEST(SsoProvider, MissingExpiredOrRefusedTokensSayToLogIn) {
    test_support::TempAwsHome home;
    FakePortal portal;
    home.write_config(kSessionConfig);
    const std::string hint = "run `aws sso login --profile dev`";

    auto missing = make_sso_provider(context_for("dev", portal, clock_at("2026-11-22T03:00:00Z")))->credentials();
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find(hint), std::string::npos) << missing.error().message;

    home.write(".aws/sso/cache/" + sso_cache_file_name("corp"),
               R"({"accessToken":"valid-access-token","expiresAt":"2026-11-22T02:00:00Z"})");
    auto expired = make_sso_provider(context_for("dev", portal, clock_at("2026-11-22T03:00:00Z")))->credentials();
    ASSERT_FALSE(expired.ok());
    EXPECT_NE(expired.error().message.find("expired"), std::string::npos);
    EXPECT_NE(expired.error().message.find(hint), std::string::npos);
    EXPECT_TRUE(portal.targets.empty());

    home.write(".aws/sso/cache/" + sso_cache_file_name("corp"),
               R"({"accessToken":"revoked-token-value","expiresAt":"2026-11-22T08:00:00Z"})");
    auto refused = make_sso_provider(context_for("dev", portal, clock_at("2026-11-22T03:00:00Z")))->credentials();
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find(hint), std::string::npos);
    EXPECT_EQ(refused.error().message.find("revoked-token-value"), std::string::npos);

    home.write(".aws/sso/cache/" + sso_cache_file_name("corp"), "not json");
    auto garbage = make_sso_provider(context_for("dev", portal, clock_at("2026-11-22T03:00:00Z")))->credentials();
    ASSERT_FALSE(garbage.ok());
    EXPECT_NE(garbage.error().message.find(hint), std::string::npos);
}

TEST(SsoProvider, ConfigurationMistakesAreConfigErrors) {
    test_support::TempAwsHome home;
    FakePortal portal;
    home.write_config("[profile nosession]\nsso_session = ghost\nsso_account_id = 1\nsso_role_name = R\n"
                      "[profile partial]\nsso_account_id = 1\nsso_role_name = R\n"
                      "[profile clash]\nsso_session = corp\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = R\n"
                      "[profile plain]\nregion = eu-west-1\n"
                      "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-central-1\n");
    auto clock = clock_at("2026-11-22T03:00:00Z");
    auto nosession = make_sso_provider(context_for("nosession", portal, clock))->credentials();
    ASSERT_FALSE(nosession.ok());
    EXPECT_EQ(nosession.error().kind, ErrorKind::Config);
    EXPECT_NE(nosession.error().message.find("ghost"), std::string::npos);
    auto partial = make_sso_provider(context_for("partial", portal, clock))->credentials();
    ASSERT_FALSE(partial.ok());
    EXPECT_NE(partial.error().message.find("sso_start_url, sso_region"), std::string::npos) << partial.error().message;
    auto clash = make_sso_provider(context_for("clash", portal, clock))->credentials();
    ASSERT_FALSE(clash.ok());
    EXPECT_NE(clash.error().message.find("sso_region"), std::string::npos);
    auto plain = make_sso_provider(context_for("plain", portal, clock))->credentials();
    ASSERT_FALSE(plain.ok());
    EXPECT_TRUE(is_not_configured(plain.error()));
}

TEST(SsoProvider, CanBeTheSourceOfAnAssumedRole) {
    test_support::TempAwsHome home;
    FakePortal portal;
    test_support::FakeSts sts;
    sts.secrets["ASIASSO-BackupOperator"] = "sso-secret";
    home.write_config(std::string(kSessionConfig) + "[profile admin]\nrole_arn = arn:aws:iam::1:role/Admin\nsource_profile = dev\n");
    home.write(".aws/sso/cache/" + sso_cache_file_name("corp"),
               R"({"accessToken":"valid-access-token","expiresAt":"2099-01-01T00:00:00Z"})");
    auto ctx = context_for("admin", portal, nullptr);
    std::string sso_url = portal.url(), sts_url = sts.url();
    ctx.endpoint_for = [=](const std::string& service, const std::string&) {
        return service == "sso" ? sso_url : service == "sts" ? sts_url : "";
    };
    auto c = make_assume_role_provider(ctx)->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIA-Admin");
    EXPECT_EQ(sts.signers(), std::vector<std::string>{"ASIASSO-BackupOperator"});
}
