// Secrets never reach a dump, a log line or an error message.
#include <gtest/gtest.h>

#include <random>

#include "backend/aws/redact.hpp"
#include "backend/aws/sigv4.hpp"
#include "backend/core/time_format.hpp"

using namespace vd::aws;

namespace {

const std::string kSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const std::string kToken = "AQoDYXdzEPT//////////wEXAMPLEtoken==";

}  // namespace

TEST(Redact, SecretNames) {
    for (const char* n : {"Authorization", "authorization", "X-Amz-Security-Token", "X-Amz-Credential",
                          "X-Amz-Signature", "aws_secret_access_key", "SecretAccessKey", "SessionToken",
                          "aws_session_token", "accessToken", "refreshToken", "X-aws-ec2-metadata-token",
                          "Proxy-Authorization", "MasterUserPassword", "Cookie", "clientSecret"}) {
        EXPECT_TRUE(is_secret_name(n)) << n;
    }
    for (const char* n : {"NextToken", "ClientToken", "IdempotencyToken", "Content-Type", "Host", "X-Amz-Date",
                          "AccessKeyId", "SignedHeaders", "BackupVaultName", ""}) {
        EXPECT_FALSE(is_secret_name(n)) << n;
    }
}

TEST(Redact, SignedRequestDumpHidesAuthorizationTokenAndSignature) {
    HttpRequest r;
    r.method = "POST";
    r.url = "https://sts.us-east-1.amazonaws.com/?NextToken=page2";
    r.body = "Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fx";
    sign_request(r, Credentials{"AKIDEXAMPLE", kSecret, kToken, {}, "t"},
                 sigv4::params_for_service("sts", "us-east-1", vd::parse_time("2026-01-01T00:00:00Z").value()));
    std::string signature = find_header(r.headers, "authorization").value();
    signature = signature.substr(signature.find("Signature=") + 10);
    std::string dump = dump_request(r);
    EXPECT_EQ(dump.find(signature), std::string::npos) << dump;
    EXPECT_EQ(dump.find(kToken), std::string::npos) << dump;
    EXPECT_EQ(dump.find(kSecret), std::string::npos) << dump;
    EXPECT_NE(dump.find("Authorization: [redacted]"), std::string::npos) << dump;
    EXPECT_NE(dump.find("X-Amz-Security-Token: [redacted]"), std::string::npos) << dump;
    EXPECT_NE(dump.find("X-Amz-Date: 20260101T000000Z"), std::string::npos) << "harmless headers stay";
    EXPECT_NE(dump.find("NextToken=page2"), std::string::npos) << "paging tokens stay";
    EXPECT_NE(dump.find("RoleArn=arn"), std::string::npos);
}

TEST(Redact, PresignedUrlParameters) {
    std::string url = "https://rds.amazonaws.com/?Action=Copy&X-Amz-Credential=AKID%2F20260101%2Fus-east-1&"
                      "X-Amz-Security-Token=" + kToken + "&X-Amz-Signature=abcdef0123#frag";
    std::string out = redact_url(url);
    EXPECT_EQ(out, "https://rds.amazonaws.com/?Action=Copy&X-Amz-Credential=[redacted]&"
                   "X-Amz-Security-Token=[redacted]&X-Amz-Signature=[redacted]#frag");
    EXPECT_EQ(redact_url("https://h/p"), "https://h/p");
    EXPECT_EQ(redact_query("a=1&&b&X-Amz-Signature="), "a=1&&b&X-Amz-Signature=[redacted]");
}

TEST(Redact, FreeTextJsonXmlHeaderLinesAndPairs) {
    std::string json = R"({"Credentials":{"AccessKeyId":"ASIA1","SecretAccessKey":")" + kSecret +
                       R"(","SessionToken" : ")" + kToken + R"(","Expiration":"2026-01-01T00:00:00Z"},"NextToken":"n1"})";
    std::string j = redact_text(json);
    EXPECT_EQ(j.find(kSecret), std::string::npos) << j;
    EXPECT_EQ(j.find(kToken), std::string::npos) << j;
    EXPECT_NE(j.find("\"AccessKeyId\":\"ASIA1\""), std::string::npos) << j;
    EXPECT_NE(j.find("\"NextToken\":\"n1\""), std::string::npos) << j;

    std::string xml = "<AssumeRoleResult><Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>" + kSecret +
                      "</SecretAccessKey><SessionToken>" + kToken + "</SessionToken></Credentials></AssumeRoleResult>";
    std::string x = redact_text(xml);
    EXPECT_EQ(x.find(kSecret), std::string::npos) << x;
    EXPECT_EQ(x.find(kToken), std::string::npos) << x;
    EXPECT_NE(x.find("<AccessKeyId>ASIA1</AccessKeyId>"), std::string::npos) << x;

    std::string lines = "Host: example\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKID/x, Signature=ff00\r\n"
                        "x-amz-security-token:" + kToken + "\r\n";
    std::string l = redact_text(lines);
    EXPECT_EQ(l.find("ff00"), std::string::npos) << l;
    EXPECT_EQ(l.find(kToken), std::string::npos) << l;
    EXPECT_NE(l.find("Host: example"), std::string::npos) << l;

    std::string ini = "aws_access_key_id=AKID\naws_secret_access_key=" + kSecret + "\naws_session_token=" + kToken;
    std::string i = redact_text(ini);
    EXPECT_EQ(i.find(kSecret), std::string::npos) << i;
    EXPECT_EQ(i.find(kToken), std::string::npos) << i;
    EXPECT_NE(i.find("aws_access_key_id=AKID"), std::string::npos) << i;

    EXPECT_EQ(redact_text("{\"unterminated\": \"SecretAccessKey"), "{\"unterminated\": \"SecretAccessKey");
    EXPECT_EQ(redact_text(""), "");
    std::string long_text(200000, '"');
    EXPECT_EQ(redact_text(long_text).size(), long_text.size());
}

TEST(Redact, ResponseDump) {
    HttpResponse r{200, {{"content-type", "application/json"}, {"set-cookie", "session=abc"}},
                   R"({"SecretAccessKey":"s3cr3t"})"};
    std::string d = dump_response(r);
    EXPECT_EQ(d.find("s3cr3t"), std::string::npos) << d;
    EXPECT_EQ(d.find("session=abc"), std::string::npos) << d;
    EXPECT_NE(d.find("HTTP 200"), std::string::npos);
}

TEST(Redact, GarbageNeverCrashes) {
    std::mt19937 rng(11);
    const std::string pieces[] = {"<", ">", "</", "Secret", "Token", "{", "}", "\"", ":", "=", "&", "\n", "\r",
                                  "Authorization", "\\", " ", "x", "\xff", "SessionToken", "</SecretAccessKey>"};
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        int n = static_cast<int>(rng() % 40);
        for (int k = 0; k < n; ++k) text += pieces[rng() % std::size(pieces)];
        std::string out = redact_text(text);
        EXPECT_EQ(redact_text(out), out) << "redaction is stable";
        (void)redact_url("https://h/?" + text);
    }
}
