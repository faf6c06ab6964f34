#include <gtest/gtest.h>

#include <mutex>

#include "backend/aws/credentials_assume_role.hpp"
#include "backend/aws/credentials_imds.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;

namespace {

// A loopback instance metadata service: IMDSv2 (token required) or IMDSv1 only.
class FakeImds {
public:
    bool v1_only = false;
    std::chrono::milliseconds token_delay{0};

    FakeImds() {
        auto& s = server_.server;
        s.Put("/latest/api/token", [this](const httplib::Request& req, httplib::Response& res) {
            log(req);
            if (token_delay.count() > 0) std::this_thread::sleep_for(token_delay);
            if (v1_only) {
                res.status = 403;
                return;
            }
            if (req.get_header_value("x-aws-ec2-metadata-token-ttl-seconds") != "21600") {
                res.status = 400;
                return;
            }
            res.set_content("imds-session-token", "text/plain");
        });
        s.Get(R"(/latest/meta-data/.*)", [this](const httplib::Request& req, httplib::Response& res) {
            log(req);
            std::string token = req.get_header_value("x-aws-ec2-metadata-token");
            if (!v1_only && token != "imds-session-token") {
                res.status = 401;
                return;
            }
            if (req.path == "/latest/meta-data/iam/security-credentials/") {
                res.set_content("BackupInstanceRole\n", "text/plain");
            } else if (req.path == "/latest/meta-data/iam/security-credentials/BackupInstanceRole") {
                res.set_content(R"({"Code":"Success","LastUpdated":"2026-11-22T02:00:00Z","Type":"AWS-HMAC",)"
                                R"("AccessKeyId":"ASIAIMDS","SecretAccessKey":"imds-secret","Token":"imds-token",)"
                                R"("Expiration":"2026-11-22T09:00:00Z"})",
                                "text/plain");
            } else if (req.path == "/latest/meta-data/placement/region") {
                res.set_content("eu-west-3", "text/plain");
            } else {
                res.status = 404;
            }
        });
        server_.start();
    }
    std::string url() const { return server_.url(); }
    // "PUT /latest/api/token", "GET /latest/... token" or "GET /latest/... no-token".
    std::vector<std::string> requests() const {
        std::lock_guard<std::mutex> lock(mu_);
        return requests_;
    }

private:
    void log(const httplib::Request& req) {
        std::lock_guard<std::mutex> lock(mu_);
        std::string line = req.method + " " + req.path;
        if (req.method == "GET") line += req.has_header("x-aws-ec2-metadata-token") ? " token" : " no-token";
        requests_.push_back(line);
    }
    mutable std::mutex mu_;
    std::vector<std::string> requests_;
    test_support::LoopbackServer server_;
};

// A context with the test transport, IMDS enabled and pointed at the fake.
CredentialsContext context_for(test_support::TempAwsHome& home, const FakeImds& imds, const std::string& profile = "default") {
    home.unset("AWS_EC2_METADATA_DISABLED");
    home.set("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url());
    auto cfg = load_default_profile_config();
    CredentialsContext ctx;
    ctx.config = std::make_shared<ProfileConfig>(cfg.ok() ? std::move(cfg.value()) : ProfileConfig{});
    ctx.profile = profile;
    ctx.transport = std::make_shared<test_support::HttplibTransport>();
    return ctx;
}

}  // namespace

TEST(ImdsProvider, Imdsv2TokenThenRoleThenCredentials) {
    test_support::TempAwsHome home;
    FakeImds imds;
    auto provider = make_imds_provider(context_for(home, imds));
    EXPECT_EQ(provider->name(), "ec2-imds");
    auto c = provider->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIAIMDS");
    EXPECT_EQ(c->secret_access_key, "imds-secret");
    EXPECT_EQ(c->session_token, "imds-token");
    EXPECT_TRUE(c->expiration.has_value());
    std::vector<std::string> want = {
        "PUT /latest/api/token",
        "GET /latest/meta-data/iam/security-credentials/ token",
        "GET /latest/meta-data/iam/security-credentials/BackupInstanceRole token",
    };
    EXPECT_EQ(imds.requests(), want);
}

TEST(ImdsProvider, FallsBackToImdsv1WhenNoTokenIsIssued) {
    test_support::TempAwsHome home;
    FakeImds imds;
    imds.v1_only = true;
    auto c = make_imds_provider(context_for(home, imds))->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIAIMDS");
    std::vector<std::string> want = {
        "PUT /latest/api/token",
        "GET /latest/meta-data/iam/security-credentials/ no-token",
        "GET /latest/meta-data/iam/security-credentials/BackupInstanceRole no-token",
    };
    EXPECT_EQ(imds.requests(), want);
}

TEST(ImdsProvider, NoFallbackWhenImdsv1IsDisabled) {
    test_support::TempAwsHome home;
    FakeImds imds;
    imds.v1_only = true;
    auto ctx = context_for(home, imds);
    home.set("AWS_EC2_METADATA_V1_DISABLED", "true");
    auto c = make_imds_provider(ctx)->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_FALSE(is_not_configured(c.error()));
    EXPECT_NE(c.error().message.find("IMDSv1 is disabled"), std::string::npos) << c.error().message;
    EXPECT_EQ(imds.requests(), std::vector<std::string>{"PUT /latest/api/token"});
}

TEST(ImdsProvider, ProfileCanDisableImdsv1AndMoveTheEndpoint) {
    test_support::TempAwsHome home;
    FakeImds imds;
    imds.v1_only = true;
    home.write_config("[profile ec2]\nec2_metadata_v1_disabled = true\nec2_metadata_service_endpoint = " + imds.url() + "/\n");
    auto ctx = context_for(home, imds, "ec2");
    home.unset("AWS_EC2_METADATA_SERVICE_ENDPOINT");
    auto settings = imds_settings(ctx.profile_section());
    EXPECT_EQ(settings.endpoint, imds.url());
    EXPECT_TRUE(settings.v1_disabled);
    auto c = make_imds_provider(ctx)->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("IMDSv1 is disabled"), std::string::npos);
}

TEST(ImdsProvider, DisabledMeansNotConfiguredAndNoRequest) {
    test_support::TempAwsHome home;
    FakeImds imds;
    auto ctx = context_for(home, imds);
    home.set("AWS_EC2_METADATA_DISABLED", "true");
    auto c = make_imds_provider(ctx)->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_TRUE(is_not_configured(c.error()));
    EXPECT_TRUE(imds.requests().empty());
    EXPECT_FALSE(imds_region(ctx).ok());
    EXPECT_TRUE(imds.requests().empty());
}

TEST(ImdsProvider, DefaultsAreTheLinkLocalAddressOneSecondAndOneAttempt) {
    test_support::TempAwsHome home;
    auto s = imds_settings(nullptr);
    EXPECT_TRUE(s.disabled);  // the test HOME disables it
    EXPECT_EQ(s.endpoint, "http://169.254.169.254");
    EXPECT_EQ(s.timeout, std::chrono::milliseconds(1000));
    EXPECT_EQ(s.attempts, 1);
    home.set("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6");
    EXPECT_EQ(imds_settings(nullptr).endpoint, "http://[fd00:ec2::254]");
}

TEST(ImdsProvider, UnreachableServiceIsNotConfigured) {
    test_support::TempAwsHome home;
    FakeImds imds;
    auto ctx = context_for(home, imds);
    home.set("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1");
    auto c = make_imds_provider(ctx)->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_TRUE(is_not_configured(c.error()));
    EXPECT_NE(c.error().message.find("127.0.0.1:1"), std::string::npos);
}

TEST(ImdsProvider, ASlowTokenRequestTimesOutAfterOneSecondAndFallsBack) {
    test_support::TempAwsHome home;
    FakeImds imds;
    imds.v1_only = true;
    imds.token_delay = std::chrono::milliseconds(1600);
    auto start = std::chrono::steady_clock::now();
    auto c = make_imds_provider(context_for(home, imds))->credentials();
    auto took = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_GE(took, std::chrono::milliseconds(900));
    EXPECT_LT(took, std::chrono::milliseconds(1550)) << std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
    EXPECT_EQ(imds.requests().back(), "GET /latest/meta-data/iam/security-credentials/BackupInstanceRole no-token");
}

TEST(ImdsRegion, ReadsThePlacementRegion) {
    test_support::TempAwsHome home;
    FakeImds imds;
    auto r = imds_region(context_for(home, imds));
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(*r, "eu-west-3");
    EXPECT_EQ(imds.requests().back(), "GET /latest/meta-data/placement/region token");
}

TEST(ImdsProvider, IsACredentialSourceForAssumeRole) {
    test_support::TempAwsHome home;
    FakeImds imds;
    test_support::FakeSts sts;
    sts.secrets["ASIAIMDS"] = "imds-secret";
    home.write_config("[profile from-instance]\nrole_arn = arn:aws:iam::2:role/FromInstance\ncredential_source = Ec2InstanceMetadata\n");
    auto ctx = context_for(home, imds, "from-instance");
    std::string sts_url = sts.url();
    ctx.endpoint_for = [sts_url](const std::string& service, const std::string&) { return service == "sts" ? sts_url : ""; };
    auto c = make_assume_role_provider(ctx)->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIA-FromInstance");
    EXPECT_EQ(sts.signers(), std::vector<std::string>{"ASIAIMDS"});
}
