#include <gtest/gtest.h>

#include <mutex>

#include "backend/aws/credentials_assume_role.hpp"
#include "backend/aws/credentials_container.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;

namespace {

// A loopback container credentials endpoint at /v2/credentials/task that wants one token.
class FakeContainerAgent {
public:
    std::string want_token;  // empty: no check
    int fail_first = 0;      // answer 500 this many times first

    FakeContainerAgent() {
        server_.server.Get("/v2/credentials/task", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard<std::mutex> lock(mu_);
            ++calls_;
            auth_ = req.get_header_value("Authorization");
            if (fail_first > 0) {
                --fail_first;
                res.status = 500;
                return;
            }
            if (!want_token.empty() && auth_ != want_token) {
                res.status = 401;
                res.set_content(R"({"code":"AccessDenied","message":"bad authorization token"})", "application/json");
                return;
            }
            res.set_content(R"({"AccessKeyId":"ASIAECS","SecretAccessKey":"ecs-secret","Token":"ecs-token",)"
                            R"("Expiration":"2030-01-01T00:00:00Z","RoleArn":"arn:aws:iam::1:role/Task"})",
                            "application/json");
        });
        server_.start();
    }
    std::string url() const { return server_.url(); }
    int calls() const {
        std::lock_guard<std::mutex> lock(mu_);
        return calls_;
    }
    std::string auth() const {
        std::lock_guard<std::mutex> lock(mu_);
        return auth_;
    }

private:
    mutable std::mutex mu_;
    int calls_ = 0;
    std::string auth_;
    test_support::LoopbackServer server_;
};

// A context with the test transport for metadata.
CredentialsContext context_for(const std::string& profile = "default") {
    auto cfg = load_default_profile_config();
    CredentialsContext ctx;
    ctx.config = std::make_shared<ProfileConfig>(cfg.ok() ? std::move(cfg.value()) : ProfileConfig{});
    ctx.profile = profile;
    ctx.transport = std::make_shared<test_support::HttplibTransport>();
    return ctx;
}

// Options whose relative host is the fake agent and whose retries are quick.
ContainerOptions options_for(const FakeContainerAgent& agent) {
    ContainerOptions o;
    o.relative_host = agent.url();
    o.retry_pause = std::chrono::milliseconds(1);
    return o;
}

}  // namespace

TEST(ContainerProvider, FullUriToLoopbackWithTheTokenFile) {
    test_support::TempAwsHome home;
    FakeContainerAgent agent;
    agent.want_token = "eks-pod-identity-token";
    auto token_file = home.write("token", "eks-pod-identity-token\n");
    home.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", agent.url() + "/v2/credentials/task");
    home.set("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token_file.string());
    home.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored-when-the-file-is-set");
    auto provider = make_container_provider(context_for(), options_for(agent));
    EXPECT_EQ(provider->name(), "container");
    auto c = provider->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIAECS");
    EXPECT_EQ(c->secret_access_key, "ecs-secret");
    EXPECT_EQ(c->session_token, "ecs-token");
    EXPECT_TRUE(c->expiration.has_value());
    EXPECT_EQ(agent.auth(), "eks-pod-identity-token");
}

TEST(ContainerProvider, RelativeUriGoesToTheContainerHostWithTheTokenVariable) {
    test_support::TempAwsHome home;
    FakeContainerAgent agent;
    agent.want_token = "ecs-token-value";
    home.set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/task");
    home.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ecs-token-value");
    auto c = make_container_provider(context_for(), options_for(agent))->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(agent.calls(), 1);
}

TEST(ContainerProvider, DefaultRelativeHostIsTheEcsAgentAddress) {
    EXPECT_EQ(ContainerOptions{}.relative_host, "http://169.254.170.2");
}

TEST(ContainerProvider, FullUriMustBeHttpsOrLoopback) {
    EXPECT_TRUE(check_container_full_uri("https://creds.example.com/role").ok());
    EXPECT_TRUE(check_container_full_uri("http://127.0.0.1:51679/creds").ok());
    EXPECT_TRUE(check_container_full_uri("http://localhost/creds").ok());
    EXPECT_TRUE(check_container_full_uri("http://169.254.170.23/v1/credentials").ok());
    EXPECT_FALSE(check_container_full_uri("http://10.0.0.7/creds").ok());
    EXPECT_FALSE(check_container_full_uri("ftp://127.0.0.1/creds").ok());
    EXPECT_FALSE(check_container_full_uri("not a url").ok());

    test_support::TempAwsHome home;
    home.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://10.0.0.7/creds");
    auto transport = std::make_shared<test_support::HttplibTransport>();
    auto ctx = context_for();
    ctx.transport = transport;
    auto c = make_container_provider(ctx)->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().kind, ErrorKind::Config);
    EXPECT_EQ(transport->calls.load(), 0);
}

TEST(ContainerProvider, RefusalsAreNotRetriedButServerErrorsAre) {
    test_support::TempAwsHome home;
    FakeContainerAgent agent;
    agent.want_token = "right";
    home.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", agent.url() + "/v2/credentials/task");
    home.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "wrong-token-value");
    auto refused = make_container_provider(context_for(), options_for(agent))->credentials();
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("AccessDenied"), std::string::npos);
    EXPECT_EQ(refused.error().message.find("wrong-token-value"), std::string::npos);
    EXPECT_EQ(agent.calls(), 1);

    home.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "right");
    agent.fail_first = 2;
    auto retried = make_container_provider(context_for(), options_for(agent))->credentials();
    ASSERT_TRUE(retried.ok()) << retried.error().message;
    EXPECT_EQ(agent.calls(), 4);
}

TEST(ContainerProvider, NotConfiguredWithoutTheVariablesAndRejectsTokensWithLineBreaks) {
    test_support::TempAwsHome home;
    auto none = make_container_provider(context_for())->credentials();
    ASSERT_FALSE(none.ok());
    EXPECT_TRUE(is_not_configured(none.error()));

    home.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/creds");
    home.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "a\r\nInjected: header");
    auto bad = make_container_provider(context_for())->credentials();
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, ErrorKind::Config);
}

TEST(ContainerProvider, UnreachableEndpointIsAnErrorAfterTheAttempts) {
    test_support::TempAwsHome home;
    home.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/creds");
    ContainerOptions o;
    o.retry_pause = std::chrono::milliseconds(1);
    o.timeout = std::chrono::milliseconds(300);
    auto c = make_container_provider(context_for(), o)->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_FALSE(is_not_configured(c.error()));
    EXPECT_NE(c.error().message.find("127.0.0.1:1"), std::string::npos);
}

TEST(ContainerProvider, IsACredentialSourceForAssumeRole) {
    test_support::TempAwsHome home;
    FakeContainerAgent agent;
    test_support::FakeSts sts;
    sts.secrets["ASIAECS"] = "ecs-secret";
    home.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", agent.url() + "/v2/credentials/task");
    home.write_config("[profile cross]\nrole_arn = arn:aws:iam::2:role/CrossAccount\ncredential_source = EcsContainer\n");
    auto ctx = context_for("cross");
    std::string sts_url = sts.url();
    ctx.endpoint_for = [sts_url](const std::string& service, const std::string&) { return service == "sts" ? sts_url : ""; };
    auto c = make_assume_role_provider(ctx)->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "ASIA-CrossAccount");
    EXPECT_EQ(sts.signers(), std::vector<std::string>{"ASIAECS"});
}
