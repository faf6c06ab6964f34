#include <gtest/gtest.h>

#include "backend/aws/endpoints.hpp"
#include "backend/aws/region.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;

namespace {

// A context over the temporary HOME's files (no transport: IMDS skipped).
CredentialsContext context_for(const std::string& profile) {
    auto cfg = load_default_profile_config();
    EXPECT_TRUE(cfg.ok());
    CredentialsContext ctx;
    ctx.config = std::make_shared<ProfileConfig>(cfg.ok() ? std::move(cfg.value()) : ProfileConfig{});
    ctx.profile = profile;
    return ctx;
}

// Resolves the endpoint of a service for a profile in the temporary HOME.
ResolvedEndpoint endpoint(const std::string& service, const std::string& profile, const std::string& explicit_url = "") {
    auto cfg = load_default_profile_config();
    EXPECT_TRUE(cfg.ok());
    EndpointInputs in;
    in.service = service;
    in.region = "eu-west-1";
    in.explicit_url = explicit_url;
    in.config = &cfg.value();
    in.profile = profile;
    return resolve_endpoint(in);
}

}  // namespace

TEST(Region, PrecedenceIsFlagThenAwsRegionThenDefaultRegionThenProfile) {
    test_support::TempAwsHome home;
    home.write_config("[profile p]\nregion = ap-south-1\n");
    auto ctx = context_for("p");
    EXPECT_EQ(resolve_region("", ctx)->region, "ap-south-1");
    EXPECT_EQ(resolve_region("", ctx)->source, "profile p");
    home.set("AWS_DEFAULT_REGION", "us-east-2");
    EXPECT_EQ(resolve_region("", ctx)->region, "us-east-2");
    home.set("AWS_REGION", "eu-north-1");
    EXPECT_EQ(resolve_region("", ctx)->region, "eu-north-1");
    EXPECT_EQ(resolve_region("", ctx)->source, "AWS_REGION");
    EXPECT_EQ(resolve_region("ca-central-1", ctx)->region, "ca-central-1");
    EXPECT_EQ(resolve_region("ca-central-1", ctx)->source, "--region");
}

TEST(Region, NoRegionIsOneClearError) {
    test_support::TempAwsHome home;
    auto r = resolve_region("", context_for("default"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Config);
    EXPECT_EQ(r.error().message, "no region: use --region, AWS_REGION or set region in the profile, or try vaultdeck --demo (no AWS account needed)");
}

TEST(Region, RejectsMalformedNames) {
    test_support::TempAwsHome home;
    home.set("AWS_REGION", "eu-west-1/../evil");
    auto r = resolve_region("", context_for("default"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("AWS_REGION"), std::string::npos);
    EXPECT_TRUE(valid_region_name("us-gov-west-1"));
    EXPECT_FALSE(valid_region_name("-eu"));
    EXPECT_FALSE(valid_region_name("eu west"));
}

TEST(Region, FallsBackToImdsOnlyWhenEnabled) {
    test_support::TempAwsHome home;
    test_support::LoopbackServer imds;
    imds.server.Put("/latest/api/token", [](const httplib::Request&, httplib::Response& res) { res.set_content("t", "text/plain"); });
    imds.server.Get("/latest/meta-data/placement/region",
                    [](const httplib::Request&, httplib::Response& res) { res.set_content("sa-east-1", "text/plain"); });
    imds.start();
    auto ctx = context_for("default");
    auto transport = std::make_shared<test_support::HttplibTransport>();
    ctx.transport = transport;
    home.set("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url());
    EXPECT_FALSE(resolve_region("", ctx).ok());  // AWS_EC2_METADATA_DISABLED=true
    EXPECT_EQ(transport->calls.load(), 0);
    home.unset("AWS_EC2_METADATA_DISABLED");
    auto r = resolve_region("", ctx);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->region, "sa-east-1");
    EXPECT_EQ(r->source, "ec2-imds");
}

TEST(Endpoints, RealRegionalEndpoints) {
    EXPECT_EQ(aws_endpoint("backup", "eu-west-1"), "https://backup.eu-west-1.amazonaws.com");
    EXPECT_EQ(aws_endpoint("rds", "us-east-1"), "https://rds.us-east-1.amazonaws.com");
    EXPECT_EQ(aws_endpoint("sts", "ap-southeast-2"), "https://sts.ap-southeast-2.amazonaws.com");
    EXPECT_EQ(aws_endpoint("sts", ""), "https://sts.amazonaws.com");
    EXPECT_EQ(aws_endpoint("s3", "eu-central-1"), "https://s3.eu-central-1.amazonaws.com");
    EXPECT_EQ(aws_endpoint("sso", "eu-central-1"), "https://portal.sso.eu-central-1.amazonaws.com");
    EXPECT_EQ(aws_endpoint("backup", "cn-north-1"), "https://backup.cn-north-1.amazonaws.com.cn");
    EXPECT_EQ(endpoint_env_suffix("backup"), "BACKUP");
    EXPECT_EQ(endpoint_env_suffix("s3"), "S3");
}

TEST(Endpoints, PrecedenceFollowsTheCli) {
    test_support::TempAwsHome home;
    home.write_config("[profile p]\nendpoint_url = http://127.0.0.1:9000\nservices = local\n"
                      "[services local]\nbackup =\n  endpoint_url = http://127.0.0.1:9001/\n");
    EXPECT_EQ(endpoint("rds", "p").url, "http://127.0.0.1:9000");
    EXPECT_EQ(endpoint("rds", "p").source, "endpoint_url of profile p");
    EXPECT_EQ(endpoint("backup", "p").url, "http://127.0.0.1:9001");
    EXPECT_EQ(endpoint("backup", "p").source, "[services local] of profile p");
    home.set("AWS_ENDPOINT_URL", "http://127.0.0.1:9002");
    EXPECT_EQ(endpoint("backup", "p").url, "http://127.0.0.1:9002");
    EXPECT_EQ(endpoint("rds", "p").url, "http://127.0.0.1:9002");
    home.set("AWS_ENDPOINT_URL_BACKUP", "http://127.0.0.1:9003");
    EXPECT_EQ(endpoint("backup", "p").url, "http://127.0.0.1:9003");
    EXPECT_EQ(endpoint("backup", "p").source, "AWS_ENDPOINT_URL_BACKUP");
    EXPECT_EQ(endpoint("rds", "p").url, "http://127.0.0.1:9002");
    home.set("AWS_ENDPOINT_URL_RDS", "http://127.0.0.1:9004");
    home.set("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:9005");
    home.set("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9006");
    EXPECT_EQ(endpoint("rds", "p").url, "http://127.0.0.1:9004");
    EXPECT_EQ(endpoint("sts", "p").url, "http://127.0.0.1:9005");
    EXPECT_EQ(endpoint("s3", "p").url, "http://127.0.0.1:9006");
    EXPECT_EQ(endpoint("backup", "p", "http://127.0.0.1:9999/").url, "http://127.0.0.1:9999");
    EXPECT_EQ(endpoint("backup", "p", "http://127.0.0.1:9999/").source, "--endpoint-url");
}

TEST(Endpoints, NothingConfiguredMeansAws) {
    test_support::TempAwsHome home;
    EXPECT_EQ(endpoint("backup", "default").url, "https://backup.eu-west-1.amazonaws.com");
    EXPECT_EQ(endpoint("backup", "default").source, "aws");
}

TEST(Endpoints, IgnoreConfiguredEndpointUrlsKeepsOnlyTheFlag) {
    test_support::TempAwsHome home;
    home.write_config("[profile p]\nendpoint_url = http://127.0.0.1:9000\n"
                      "[profile q]\nendpoint_url = http://127.0.0.1:9000\nignore_configured_endpoint_urls = true\n");
    home.set("AWS_ENDPOINT_URL", "http://127.0.0.1:9002");
    home.set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
    EXPECT_EQ(endpoint("rds", "p").url, "https://rds.eu-west-1.amazonaws.com");
    EXPECT_EQ(endpoint("rds", "p", "http://127.0.0.1:7000").url, "http://127.0.0.1:7000");
    home.unset("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    home.unset("AWS_ENDPOINT_URL");
    EXPECT_EQ(endpoint("rds", "q").url, "https://rds.eu-west-1.amazonaws.com");
    EXPECT_EQ(endpoint("rds", "p").url, "http://127.0.0.1:9000");
}
