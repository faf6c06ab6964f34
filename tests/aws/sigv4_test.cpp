// SigV4 against every case of the aws-c-auth and botocore suites on disk,
// plus the rules the real services apply (s3 vs the others).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "aws/support/suite_files.hpp"
#include "backend/aws/sigv4.hpp"
#include "backend/aws/url.hpp"
#include "backend/core/time_format.hpp"

namespace fs = std::filesystem;
using namespace vd::aws;
using namespace vd::aws::sigv4;

namespace {

const fs::path kSuites = vd::aws::testdata::sigv4_suites();
using vd::aws::testdata::header_line;
using vd::aws::testdata::parse_raw_request;
using vd::aws::testdata::RawRequest;
using vd::aws::testdata::read_file;
using vd::aws::testdata::request_line_query;

// The value of a header we added, or "".
std::string added(const SignedParts& parts, const std::string& name) {
    return find_header(parts.added, name).value_or("");
}

vd::TimePoint at(const std::string& iso) { return vd::parse_time(iso).value(); }

}  // namespace

TEST(SigV4Suites, EveryCaseOfBothSuitesOnDisk) {
    int folders_c = 0, header_c = 0, query_c = 0;
    for (const auto& entry : fs::directory_iterator(kSuites / "aws-c-auth-v4")) {
        if (!entry.is_directory()) continue;
        ++folders_c;
        const fs::path dir = entry.path();
        SCOPED_TRACE("aws-c-auth " + dir.filename().string());
        auto ctx = nlohmann::json::parse(read_file(dir / "context.json"));
        RawRequest raw = parse_raw_request(read_file(dir / "request.txt"));
        Credentials c;
        c.access_key_id = ctx["credentials"]["access_key_id"];
        c.secret_access_key = ctx["credentials"]["secret_access_key"];
        c.session_token = ctx["credentials"].value("token", "");
        SigningParams p;
        p.region = ctx["region"];
        p.service = ctx["service"];
        p.time = at(ctx["timestamp"]);
        p.normalize_path = ctx["normalize"];
        p.double_encode_path = true;
        p.sign_content_sha256 = ctx["sign_body"];
        p.omit_session_token = ctx.value("omit_session_token", false);
        CanonicalInput in{raw.method, raw.path, raw.query, raw.headers, sha256_hex(raw.body), {}};

        SignedParts h = sign_headers(in, c, p);
        std::string signed_request = read_file(dir / "header-signed-request.txt");
        bool ok = h.creq.text == read_file(dir / "header-canonical-request.txt") &&
                  h.string_to_sign == read_file(dir / "header-string-to-sign.txt") &&
                  h.signature == read_file(dir / "header-signature.txt") &&
                  added(h, "authorization") == header_line(signed_request, "Authorization") &&
                  added(h, "x-amz-security-token") == header_line(signed_request, "X-Amz-Security-Token");
        EXPECT_EQ(h.creq.text, read_file(dir / "header-canonical-request.txt"));
        EXPECT_EQ(h.string_to_sign, read_file(dir / "header-string-to-sign.txt"));
        EXPECT_EQ(h.signature, read_file(dir / "header-signature.txt"));
        EXPECT_EQ(added(h, "authorization"), header_line(signed_request, "Authorization"));
        EXPECT_EQ(added(h, "x-amz-security-token"), header_line(signed_request, "X-Amz-Security-Token"));
        if (ok) ++header_c;

        PresignedParts q = presign(in, c, p, ctx["expiration_in_seconds"]);
        std::string presigned = read_file(dir / "query-signed-request.txt");
        EXPECT_EQ(q.creq.text, read_file(dir / "query-canonical-request.txt"));
        EXPECT_EQ(q.string_to_sign, read_file(dir / "query-string-to-sign.txt"));
        EXPECT_EQ(q.signature, read_file(dir / "query-signature.txt"));
        EXPECT_EQ(q.query, request_line_query(presigned));
        if (q.creq.text == read_file(dir / "query-canonical-request.txt") &&
            q.string_to_sign == read_file(dir / "query-string-to-sign.txt") &&
            q.signature == read_file(dir / "query-signature.txt") && q.query == request_line_query(presigned)) {
            ++query_c;
        }
    }

    int folders_b = 0, botocore_c = 0;
    const Credentials boto_creds{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "", {}, "test"};
    for (const auto& entry : fs::recursive_directory_iterator(kSuites / "botocore-aws4_testsuite")) {
        const fs::path dir = entry.path();
        const fs::path base = dir / dir.filename();
        if (!entry.is_directory() || !fs::exists(base.string() + ".req")) continue;
        ++folders_b;
        SCOPED_TRACE("botocore " + dir.filename().string());
        RawRequest raw = parse_raw_request(read_file(base.string() + ".req"));
        std::string sreq = read_file(base.string() + ".sreq");
        Credentials c = boto_creds;
        SigningParams p;
        p.region = "us-east-1";
        p.service = "service";
        p.time = at("2015-08-30T12:36:00Z");
        // The token signed in the .creq goes to the credentials (and out of
        // the request), so the signer is the one that adds and signs it; a
        // token that only appears in the signed request was added after signing.
        std::string creq = read_file(base.string() + ".creq");
        std::string token = header_line(creq, "x-amz-security-token");
        std::erase_if(raw.headers, [](const auto& h) { return h.first == "X-Amz-Security-Token"; });
        if (token.empty()) {
            token = header_line(sreq, "X-Amz-Security-Token");
            p.omit_session_token = !token.empty();
        }
        c.session_token = token;
        CanonicalInput in{raw.method, raw.path, raw.query, raw.headers, sha256_hex(raw.body), {}};
        SignedParts h = sign_headers(in, c, p);
        EXPECT_EQ(h.creq.text, read_file(base.string() + ".creq"));
        EXPECT_EQ(h.string_to_sign, read_file(base.string() + ".sts"));
        EXPECT_EQ(added(h, "authorization"), read_file(base.string() + ".authz"));
        EXPECT_EQ(added(h, "x-amz-security-token"), token);
        if (h.creq.text == read_file(base.string() + ".creq") && h.string_to_sign == read_file(base.string() + ".sts") &&
            added(h, "authorization") == read_file(base.string() + ".authz")) {
            ++botocore_c;
        }
    }

    std::printf("sigv4: checked %d aws-c-auth header, %d query, %d botocore cases\n", header_c, query_c, botocore_c);
    EXPECT_GE(folders_c, 38);
    EXPECT_GE(folders_b, 34);
    EXPECT_EQ(header_c, folders_c);
    EXPECT_EQ(query_c, folders_c);
    EXPECT_EQ(botocore_c, folders_b);
}

TEST(SigV4Rules, NonS3PathsAreEncodedTwiceAndNormalized) {
    SigningParams p = params_for_service("backup", "eu-west-1", at("2026-01-02T03:04:05Z"));
    EXPECT_TRUE(p.double_encode_path);
    EXPECT_FALSE(p.sign_content_sha256);
    EXPECT_EQ(canonical_path("/backup-vaults/my%20vault", p), "/backup-vaults/my%2520vault");
    EXPECT_EQ(canonical_path("/a/./b/../c//", p), "/a/c/");
    EXPECT_EQ(canonical_path("", p), "/");
}

TEST(SigV4Rules, S3PathsAreEncodedOnceAndNotNormalized) {
    SigningParams p = params_for_service("s3", "eu-west-1", at("2026-01-02T03:04:05Z"));
    EXPECT_FALSE(p.double_encode_path);
    EXPECT_FALSE(p.normalize_path);
    EXPECT_TRUE(p.sign_content_sha256);
    EXPECT_EQ(canonical_path("/bucket/a%20b/../c", p), "/bucket/a%20b/../c");
}

TEST(SigV4Rules, QueryIsDecodedThenRfc3986EncodedAndSorted) {
    EXPECT_EQ(canonical_query("b=2&a=x%2Fy&a=1&c=a b+c&d"), "a=1&a=x%2Fy&b=2&c=a%20b%2Bc&d=");
    EXPECT_EQ(canonical_query(""), "");
    EXPECT_EQ(canonical_query("bad=%zz"), "bad=%25zz");
    EXPECT_EQ(uri_encode("a/b~c*", false), "a/b~c%2A");
    EXPECT_EQ(uri_encode("a/b", true), "a%2Fb");
}

TEST(SigV4Rules, SignRequestSignsHostAndDateAndTokenButNoContentShaOutsideS3) {
    Credentials c{"AKID", "secret", "token123", {}, "test"};
    HttpRequest r;
    r.method = "POST";
    r.url = "http://127.0.0.1:8123/?Action=GetCallerIdentity";
    r.body = "Action=GetCallerIdentity&Version=2011-06-15";
    r.headers = {{"User-Agent", "vaultdeck/test"}, {"Content-Type", "application/x-www-form-urlencoded"}};
    sign_request(r, c, params_for_service("sts", "us-east-1", at("2026-01-02T03:04:05Z")));
    EXPECT_EQ(find_header(r.headers, "host").value_or(""), "127.0.0.1:8123");
    EXPECT_EQ(find_header(r.headers, "x-amz-date").value_or(""), "20260102T030405Z");
    EXPECT_EQ(find_header(r.headers, "x-amz-security-token").value_or(""), "token123");
    EXPECT_FALSE(find_header(r.headers, "x-amz-content-sha256").has_value());
    std::string auth = find_header(r.headers, "authorization").value_or("");
    EXPECT_NE(auth.find("Credential=AKID/20260102/us-east-1/sts/aws4_request"), std::string::npos) << auth;
    EXPECT_NE(auth.find("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,"), std::string::npos)
        << auth;
    // Signing again replaces rather than duplicates.
    sign_request(r, c, params_for_service("sts", "us-east-1", at("2026-01-02T03:04:06Z")));
    int auth_count = 0;
    for (const auto& h : r.headers) auth_count += h.first == "Authorization";
    EXPECT_EQ(auth_count, 1);
    EXPECT_EQ(find_header(r.headers, "x-amz-date").value_or(""), "20260102T030406Z");
}

TEST(SigV4Rules, S3AlwaysSignsContentSha256) {
    Credentials c{"AKID", "secret", "", {}, "test"};
    HttpRequest r;
    r.url = "https://s3.eu-west-1.amazonaws.com/media-bucket?lifecycle";
    sign_request(r, c, params_for_service("s3", "eu-west-1", at("2026-01-02T03:04:05Z")));
    EXPECT_EQ(find_header(r.headers, "x-amz-content-sha256").value_or(""), sha256_hex(""));
    EXPECT_EQ(find_header(r.headers, "host").value_or(""), "s3.eu-west-1.amazonaws.com");
    std::string auth = find_header(r.headers, "authorization").value_or("");
    EXPECT_NE(auth.find("SignedHeaders=host;x-amz-content-sha256;x-amz-date,"), std::string::npos) << auth;
}

TEST(SigV4Rules, PresignUrlKeepsPathAndAddsSignature) {
    Credentials c{"AKID", "secret", "", {}, "test"};
    HttpRequest r;
    r.url = "https://example.amazonaws.com/x?b=1";
    std::string url = presign_url(r, c, params_for_service("service", "us-east-1", at("2026-01-02T03:04:05Z")), 60);
    EXPECT_EQ(url.rfind("https://example.amazonaws.com/x?b=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&", 0), 0u) << url;
    EXPECT_NE(url.find("&X-Amz-Expires=60&"), std::string::npos);
    EXPECT_NE(url.find("&X-Amz-Signature="), std::string::npos);
}

TEST(Url, SplitsAndRecognizesLoopback) {
    auto u = parse_url("http://[::1]:9000/a/b?x=1#frag");
    ASSERT_TRUE(u.has_value());
    EXPECT_EQ(u->host, "::1");
    EXPECT_EQ(u->port, 9000);
    EXPECT_EQ(u->path, "/a/b");
    EXPECT_EQ(u->query, "x=1");
    EXPECT_EQ(u->host_header(), "[::1]:9000");
    EXPECT_EQ(parse_url("https://backup.eu-west-1.amazonaws.com:443")->host_header(), "backup.eu-west-1.amazonaws.com");
    EXPECT_FALSE(parse_url("ftp://x/").has_value());
    EXPECT_FALSE(parse_url("http://:80/").has_value());
    EXPECT_FALSE(parse_url("http://h:99999/").has_value());
    EXPECT_TRUE(is_loopback_host("127.0.0.1"));
    EXPECT_TRUE(is_loopback_host("127.10.20.30"));
    EXPECT_TRUE(is_loopback_host("localhost"));
    EXPECT_TRUE(is_loopback_host("::1"));
    EXPECT_FALSE(is_loopback_host("127.0.0.1.example.com"));
    EXPECT_FALSE(is_loopback_host("128.0.0.1"));
    EXPECT_FALSE(is_loopback_host("10.0.0.1"));
}
