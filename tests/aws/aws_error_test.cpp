// Error responses of each protocol become Error values; malformed bodies
// become clear Parse errors.
#include <gtest/gtest.h>

#include <random>

#include "backend/aws/aws_error.hpp"

using namespace vd;
using namespace vd::aws;

namespace {

HttpResponse response(int status, std::string body, Headers headers = {}) {
    return HttpResponse{status, std::move(headers), std::move(body)};
}

}  // namespace

TEST(AwsError, CleansCodes) {
    EXPECT_EQ(clean_error_code("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/"), "FooError");
    EXPECT_EQ(clean_error_code("com.amazonaws.backup#ResourceNotFoundException"), "ResourceNotFoundException");
    EXPECT_EQ(clean_error_code("ThrottlingException:http://x"), "ThrottlingException");
    EXPECT_EQ(clean_error_code("Plain"), "Plain");
}

TEST(AwsError, RestJsonFromHeaderTypeOrCode) {
    auto e = parse_error_response(
        response(400, R"({"__type":"com.amazonaws.backup#ThrottlingException","message":"Rate exceeded"})",
                 {{"x-amzn-requestid", "abc-123"}}),
        Protocol::RestJson, "ListBackupVaults");
    EXPECT_EQ(e.kind, ErrorKind::Aws);
    EXPECT_EQ(e.code, "ThrottlingException");
    EXPECT_EQ(e.message, "Rate exceeded");
    EXPECT_EQ(e.http_status, 400);
    EXPECT_EQ(e.request_id, "abc-123");
    EXPECT_TRUE(e.retryable);
    EXPECT_EQ(e.to_string(), "ThrottlingException: Rate exceeded (HTTP 400, request id abc-123)");

    auto header = parse_error_response(
        response(404, R"({"Message":"Backup vault x not found","Code":"ignored"})",
                 {{"x-amzn-errortype", "ResourceNotFoundException:http://internal.amazon.com/"}}),
        Protocol::RestJson);
    EXPECT_EQ(header.code, "ResourceNotFoundException") << "the header wins over the body";
    EXPECT_EQ(header.message, "Backup vault x not found");
    EXPECT_FALSE(header.retryable);

    auto code = parse_error_response(response(400, R"({"code":"InvalidParameterValueException","message":"bad"})"),
                                     Protocol::RestJson);
    EXPECT_EQ(code.code, "InvalidParameterValueException");
    EXPECT_EQ(code.message, "bad");
}

TEST(AwsError, QueryXml) {
    auto e = parse_error_response(response(400, R"(<?xml version="1.0"?>
<ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
  <Error><Type>Sender</Type><Code>DBSnapshotNotFound</Code><Message>DBSnapshot rds:x not found.</Message></Error>
  <RequestId>5e8a-req</RequestId>
</ErrorResponse>)"),
                                  Protocol::Query, "DescribeDBSnapshots");
    EXPECT_EQ(e.kind, ErrorKind::Aws);
    EXPECT_EQ(e.code, "DBSnapshotNotFound");
    EXPECT_EQ(e.message, "DBSnapshot rds:x not found.");
    EXPECT_EQ(e.request_id, "5e8a-req");
    EXPECT_FALSE(e.retryable);

    auto throttled = parse_error_response(
        response(400, "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
                      "<RequestId>r2</RequestId></ErrorResponse>"),
        Protocol::Query);
    EXPECT_EQ(throttled.code, "Throttling");
    EXPECT_TRUE(throttled.retryable);
}

TEST(AwsError, RestXmlS3) {
    auto e = parse_error_response(
        response(404, "<Error><Code>NoSuchLifecycleConfiguration</Code><Message>The lifecycle configuration does "
                      "not exist</Message><BucketName>media</BucketName><RequestId>S3REQ</RequestId></Error>",
                 {{"x-amz-request-id", "HDRREQ"}}),
        Protocol::RestXml);
    EXPECT_EQ(e.code, "NoSuchLifecycleConfiguration");
    EXPECT_EQ(e.request_id, "HDRREQ") << "the header wins over the body";
    auto slow = parse_error_response(response(503, "<Error><Code>SlowDown</Code></Error>"), Protocol::RestXml);
    EXPECT_EQ(slow.code, "SlowDown");
    EXPECT_TRUE(slow.retryable);
    EXPECT_FALSE(slow.message.empty());
}

TEST(AwsError, MalformedBodiesAreParseErrorsNotCrashes) {
    auto json = parse_error_response(response(400, "{\"__type\": \"Thrott"), Protocol::RestJson, "ListBackupJobs");
    EXPECT_EQ(json.kind, ErrorKind::Parse);
    EXPECT_EQ(json.code, "MalformedErrorResponse");
    EXPECT_NE(json.message.find("ListBackupJobs"), std::string::npos);
    EXPECT_NE(json.message.find("not JSON"), std::string::npos);
    EXPECT_EQ(json.http_status, 400);

    auto xml = parse_error_response(response(502, "<html><body>Bad gateway"), Protocol::Query);
    EXPECT_EQ(xml.kind, ErrorKind::Parse);
    EXPECT_TRUE(xml.retryable) << "a 502 stays retryable whatever its body";

    auto array = parse_error_response(response(400, "[1,2]"), Protocol::RestJson);
    EXPECT_EQ(array.kind, ErrorKind::Parse);
    auto number = parse_error_response(response(400, R"({"__type": 5, "message": ["x"]})"), Protocol::RestJson);
    EXPECT_EQ(number.kind, ErrorKind::Http) << "wrong member types are ignored, not trusted";

    auto empty = parse_error_response(response(503, ""), Protocol::RestJson, "ListBackupVaults");
    EXPECT_EQ(empty.kind, ErrorKind::Http);
    EXPECT_TRUE(empty.retryable);
    EXPECT_EQ(empty.to_string(), "ListBackupVaults failed: Service Unavailable (HTTP 503)");

    std::string huge(100000, '<');
    auto deep = parse_error_response(response(500, huge), Protocol::RestXml);
    EXPECT_EQ(deep.kind, ErrorKind::Parse);
}

TEST(AwsError, MessagesNeverCarrySecrets) {
    auto e = parse_error_response(
        response(403, R"({"__type":"InvalidSignatureException","message":"bad Authorization=AWS4-HMAC-SHA256 Credential=AKID/x, Signature=deadbeef\nSecretAccessKey=abc"})"),
        Protocol::RestJson);
    EXPECT_EQ(e.message.find("deadbeef"), std::string::npos) << e.message;
    EXPECT_EQ(e.message.find("abc"), std::string::npos) << e.message;
    EXPECT_EQ(e.message.find('\n'), std::string::npos) << "one line";
}

TEST(AwsError, GarbageBodiesNeverCrash) {
    std::mt19937 rng(7);
    const std::string pieces[] = {"<", ">", "</", "Error", "Code", "{", "}", "\"", ":", "__type", "#", "\\", "[", "]",
                                  "message", "x", "\xff", "\0", "<ErrorResponse>", "&amp;", "<![CDATA["};
    for (int i = 0; i < 2000; ++i) {
        std::string body;
        int n = static_cast<int>(rng() % 30);
        for (int k = 0; k < n; ++k) body += pieces[rng() % std::size(pieces)];
        for (Protocol p : {Protocol::RestJson, Protocol::Query, Protocol::RestXml}) {
            Error e = parse_error_response(HttpResponse{400 + static_cast<int>(rng() % 200), {}, body}, p);
            EXPECT_FALSE(e.message.empty());
            EXPECT_EQ(e.message.find('\n'), std::string::npos);
        }
    }
}
