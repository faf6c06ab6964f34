// StsClient (query protocol) and S3Client (rest-xml, path-style): requests
// checked against the models, answers parsed, a bucket without lifecycle
// rules is not an error, and other pipeline errors pass through.
#include <gtest/gtest.h>

#include "backend/core/time_format.hpp"
#include "backend/services/s3_client.hpp"
#include "backend/services/sts_client.hpp"
#include "services/support/fake_aws_client.hpp"
#include "services/support/model_check.hpp"

namespace vd::test {
namespace {

TimePoint at(const char* iso) { return *parse_time(iso); }

TEST(StsClient, GetCallerIdentityMatchesTheModelAndReadsTheIdentity) {
    auto fake = std::make_shared<FakeAwsClient>();
    services::StsClient sts(fake);
    fake->push_body(fixture("sts/get_caller_identity.xml"));
    auto id = sts.get_caller_identity();
    ASSERT_TRUE(id.ok()) << id.error().to_string();
    EXPECT_EQ(id->account, "111122223333");
    EXPECT_EQ(id->arn, "arn:aws:sts::111122223333:assumed-role/BackupOperator/joão.silva");
    EXPECT_EQ(id->user_id, "AROA3XFRBF535PLBIFPI4:joão.silva");
    EXPECT_EQ(fake->last().service, "sts");
    EXPECT_FALSE(fake->last().mutating);
    EXPECT_EQ(ServiceModel::load("sts").check(fake->last()), std::vector<std::string>{});
}

TEST(StsClient, AnAnswerWithoutIdentityOrAnErrorIsReported) {
    auto fake = std::make_shared<FakeAwsClient>();
    services::StsClient sts(fake);
    fake->push_body("<GetCallerIdentityResponse><GetCallerIdentityResult/></GetCallerIdentityResponse>");
    EXPECT_EQ(sts.get_caller_identity().error().kind, ErrorKind::Parse);
    Error expired = make_error(ErrorKind::Credentials, "The security token included in the request is expired", "ExpiredToken");
    expired.http_status = 403;
    fake->push_error(expired);
    auto result = sts.get_caller_identity();
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "ExpiredToken");
    EXPECT_EQ(result.error().kind, ErrorKind::Credentials);
    EXPECT_EQ(result.error().http_status, 403);
}

class S3Requests : public ::testing::Test {
protected:
    void TearDown() override {
        for (const auto& r : fake->requests()) EXPECT_EQ(model.check(r), std::vector<std::string>{}) << r.operation;
    }
    inline static ServiceModel model = ServiceModel::load("s3");
    std::shared_ptr<FakeAwsClient> fake = std::make_shared<FakeAwsClient>();
    services::S3Client s3{fake};
};

TEST_F(S3Requests, ListBucketsFollowsTheContinuationToken) {
    fake->push_body(fixture("s3/list_buckets_page1.xml"));
    fake->push_body(fixture("s3/list_buckets_page2.xml"));
    auto buckets = s3.list_buckets();
    ASSERT_TRUE(buckets.ok()) << buckets.error().to_string();
    ASSERT_EQ(buckets->size(), 3u);
    EXPECT_EQ((*buckets)[0].name, "media-bucket");
    EXPECT_EQ((*buckets)[0].region, "eu-west-1");
    EXPECT_EQ((*buckets)[1].creation_date, at("2025-01-15T10:20:30Z"));
    EXPECT_EQ((*buckets)[2].name, "logs-bucket");
    ASSERT_EQ(fake->requests().size(), 2u);
    EXPECT_EQ(fake->requests()[0].path, "/");
    EXPECT_EQ(fake->requests()[0].service, "s3");
    EXPECT_EQ(FakeAwsClient::query_value(fake->requests()[1], "continuation-token"), "next-bucket-page");
}

TEST_F(S3Requests, LifecycleIsAPathStyleGetWithTheLifecycleSubresource) {
    fake->push_body(fixture("s3/get_bucket_lifecycle_configuration.xml"));
    auto lc = s3.get_bucket_lifecycle_configuration("media-archive.eu");
    ASSERT_TRUE(lc.ok()) << lc.error().to_string();
    const auto& r = fake->last();
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.path, "/media-archive.eu");
    ASSERT_EQ(r.query.size(), 1u);
    EXPECT_EQ(r.query[0], (std::pair<std::string, std::string>{"lifecycle", ""}));
    EXPECT_EQ(r.protocol, aws::Protocol::RestXml);

    EXPECT_TRUE(lc->has_configuration);
    EXPECT_EQ(lc->bucket, "media-archive.eu");
    ASSERT_EQ(lc->rules.size(), 3u);
    const auto& media = lc->rules[0];
    EXPECT_EQ(media.id, "media-to-glacier");
    EXPECT_EQ(media.status, "Enabled");
    EXPECT_EQ(media.prefix, "media/");
    ASSERT_EQ(media.transitions.size(), 2u);
    EXPECT_EQ(media.transitions[1].days, 90);
    EXPECT_EQ(media.transitions[1].storage_class, "GLACIER");
    EXPECT_EQ(media.expiration_days, 730);
    EXPECT_EQ(media.noncurrent_expiration_days, 30);
    EXPECT_EQ(lc->rules[1].prefix, "old/");
    EXPECT_EQ(lc->rules[1].status, "Disabled");
    EXPECT_FALSE(lc->rules[1].transitions[0].days.has_value());  // a date transition
    EXPECT_EQ(lc->rules[2].prefix, "exports/");
    EXPECT_EQ(lc->rules[2].expiration_days, 7);
}

TEST_F(S3Requests, NoSuchLifecycleConfigurationMeansNoRulesNotAnError) {
    Error none = make_error(ErrorKind::Aws, "The lifecycle configuration does not exist", "NoSuchLifecycleConfiguration");
    none.http_status = 404;
    fake->push_error(none);
    auto lc = s3.get_bucket_lifecycle_configuration("media-bucket");
    ASSERT_TRUE(lc.ok());
    EXPECT_FALSE(lc->has_configuration);
    EXPECT_TRUE(lc->rules.empty());
    EXPECT_EQ(lc->bucket, "media-bucket");

    Error denied = make_error(ErrorKind::Aws, "Access Denied", "AccessDenied");
    denied.http_status = 403;
    fake->push_error(denied);
    auto refused = s3.get_bucket_lifecycle_configuration("media-bucket");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "AccessDenied");
    EXPECT_EQ(refused.error().http_status, 403);
}

TEST_F(S3Requests, MalformedXmlIsAParseError) {
    fake->push_body("<LifecycleConfiguration><Rule>");
    auto lc = s3.get_bucket_lifecycle_configuration("media-bucket");
    ASSERT_FALSE(lc.ok());
    EXPECT_EQ(lc.error().kind, ErrorKind::Parse);
}

}  // namespace
}  // namespace vd::test
