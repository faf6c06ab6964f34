// Verifying incoming signatures: the suites' signed requests verify, and
// every way a request can be wrong is refused with the right code.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <nlohmann/json.hpp>

#include "aws/support/suite_files.hpp"
#include "backend/aws/sigv4.hpp"
#include "backend/aws/sigv4_verify.hpp"
#include "backend/core/time_format.hpp"

namespace fs = std::filesystem;
using namespace vd::aws;
using namespace vd::aws::sigv4;
using namespace vd::aws::testdata;

namespace {

const std::string kSuiteKey = "AKIDEXAMPLE";
const std::string kSuiteSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

// Knows the suites' key and the simulator's test/test.
std::optional<std::string> lookup(const std::string& key) {
    if (key == kSuiteKey) return kSuiteSecret;
    if (key == "test") return std::string("test");
    return std::nullopt;
}

// A signed request text as the server would receive it.
IncomingRequest incoming(const std::string& text) {
    RawRequest raw = parse_raw_request(text);
    return IncomingRequest{raw.method, raw.path, raw.query, raw.headers, raw.body};
}

vd::TimePoint at(const std::string& iso) { return vd::parse_time(iso).value(); }

// A backup request signed with test/test at the given time.
IncomingRequest signed_backup_request(vd::TimePoint t, const std::string& secret = "test") {
    HttpRequest r;
    r.method = "GET";
    r.url = "http://127.0.0.1:4566/backup-vaults/my%20vault?maxResults=10";
    r.headers = {{"User-Agent", "vaultdeck/test"}};
    sign_request(r, Credentials{"test", secret, "", {}, "t"}, params_for_service("backup", "eu-west-1", t));
    return IncomingRequest{"GET", "/backup-vaults/my%20vault", "maxResults=10", r.headers, ""};
}

// The error code of a refused verification ("" when it passed).
std::string refusal(const vd::Result<SignatureScope>& r) { return r.ok() ? std::string{} : r.error().code; }

}  // namespace

TEST(SigV4Verify, SuitesSignedRequestsVerify) {
    int header_count = 0, query_count = 0, botocore_count = 0;
    for (const auto& entry : fs::directory_iterator(sigv4_suites() / "aws-c-auth-v4")) {
        if (!entry.is_directory()) continue;
        auto ctx = nlohmann::json::parse(read_file(entry.path() / "context.json"));
        // Real services normalize every non-s3 path, and sign every token they receive.
        if (!ctx["normalize"].get<bool>()) continue;
        SCOPED_TRACE(entry.path().filename().string());
        auto header_form = verify_request(incoming(read_file(entry.path() / "header-signed-request.txt")), lookup);
        auto query_form = verify_request(incoming(read_file(entry.path() / "query-signed-request.txt")), lookup);
        if (ctx.value("omit_session_token", false)) {
            // The header form signs only what SignedHeaders lists; the query
            // form signs every parameter, so an unsigned token breaks it.
            EXPECT_TRUE(header_form.ok());
            EXPECT_EQ(refusal(query_form), verify_code::kMismatch);
            continue;
        }
        ASSERT_TRUE(header_form.ok()) << header_form.error().to_string();
        EXPECT_EQ(header_form->access_key_id, kSuiteKey);
        EXPECT_EQ(header_form->date, "20150830");
        EXPECT_EQ(header_form->region, "us-east-1");
        EXPECT_EQ(header_form->service, "service");
        EXPECT_EQ(header_form->session_token, ctx["credentials"].value("token", ""));
        EXPECT_FALSE(header_form->presigned);
        ++header_count;
        ASSERT_TRUE(query_form.ok()) << query_form.error().to_string();
        EXPECT_TRUE(query_form->presigned);
        ++query_count;
    }
    for (const auto& entry : fs::recursive_directory_iterator(sigv4_suites() / "botocore-aws4_testsuite")) {
        fs::path base = entry.path() / entry.path().filename();
        if (!entry.is_directory() || !fs::exists(base.string() + ".sreq")) continue;
        SCOPED_TRACE(entry.path().filename().string());
        IncomingRequest in = incoming(read_file(base.string() + ".sreq"));
        // The .authz is the suite's answer; one .sreq (get-vanilla-with-session-token)
        // carries get-vanilla's signature instead.
        for (auto& [name, value] : in.headers) {
            if (name == "Authorization") value = read_file(base.string() + ".authz");
        }
        auto r = verify_request(in, lookup);
        ASSERT_TRUE(r.ok()) << r.error().to_string();
        ++botocore_count;
    }
    std::printf("sigv4 verify: %d aws-c-auth header, %d query, %d botocore signed requests\n", header_count,
                query_count, botocore_count);
    EXPECT_GE(header_count, 20);
    EXPECT_EQ(query_count, header_count);
    EXPECT_EQ(botocore_count, 34);
}

TEST(SigV4Verify, AcceptsOwnSignatureAndReportsScope) {
    auto t = at("2026-03-04T05:06:07Z");
    auto r = verify_request(signed_backup_request(t), lookup, VerifyOptions{.now = t + std::chrono::minutes(1)});
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->access_key_id, "test");
    EXPECT_EQ(r->date, "20260304");
    EXPECT_EQ(r->region, "eu-west-1");
    EXPECT_EQ(r->service, "backup");
    EXPECT_EQ(r->time, t);
    EXPECT_EQ(r->signed_headers, (std::vector<std::string>{"host", "x-amz-date"}));
}

TEST(SigV4Verify, WrongSecretIsASignatureMismatch) {
    auto r = verify_request(signed_backup_request(at("2026-03-04T05:06:07Z"), "not-the-secret"), lookup);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, verify_code::kMismatch);
    EXPECT_EQ(r.error().http_status, 403);
    EXPECT_EQ(r.error().message.find("not-the-secret"), std::string::npos);
}

TEST(SigV4Verify, TamperedRequestIsASignatureMismatch) {
    auto req = signed_backup_request(at("2026-03-04T05:06:07Z"));
    req.query = "maxResults=11";
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kMismatch);
    req = signed_backup_request(at("2026-03-04T05:06:07Z"));
    req.path = "/backup-vaults/other";
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kMismatch);
    req = signed_backup_request(at("2026-03-04T05:06:07Z"));
    req.body = "{}";
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kMismatch);
}

TEST(SigV4Verify, UnknownKeyMissingAndMalformed) {
    auto req = signed_backup_request(at("2026-03-04T05:06:07Z"));
    auto auth = std::find_if(req.headers.begin(), req.headers.end(), [](auto& h) { return h.first == "Authorization"; });
    ASSERT_NE(auth, req.headers.end());
    std::string good = auth->second;

    auth->second = std::string(good).replace(good.find("test/"), 4, "nobody");
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kUnknownKey);

    auth->second = "Basic dGVzdDp0ZXN0";
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kIncomplete);
    auth->second = "AWS4-HMAC-SHA256 Credential=test/20260304/eu-west-1/backup, SignedHeaders=host, Signature=00";
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kIncomplete);
    auth->second = "AWS4-HMAC-SHA256 Credential=test/20260304/eu-west-1/backup/aws4_request";
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kIncomplete);
    auth->second = "AWS4-HMAC-SHA256 ,,,===";
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kIncomplete);
    auth->second = std::string(good).replace(good.find("host;x-amz-date"), 15, "x-amz-date");
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kIncomplete);
    auth->second = std::string(good).replace(good.find("host;x-amz-date"), 15, "host;x-amz-date;x-missing");
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kIncomplete);

    req.headers.erase(auth);
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kMissing);

    req = signed_backup_request(at("2026-03-04T05:06:07Z"));
    std::erase_if(req.headers, [](auto& h) { return h.first == "X-Amz-Date"; });
    EXPECT_EQ(refusal(verify_request(req, lookup)), verify_code::kIncomplete);
}

TEST(SigV4Verify, SkewedClockAndExpiredPresign) {
    auto t = at("2026-03-04T05:06:07Z");
    auto req = signed_backup_request(t);
    EXPECT_EQ(refusal(verify_request(req, lookup, {t + std::chrono::minutes(4), std::chrono::minutes(5)})), "");
    auto late = verify_request(req, lookup, {t + std::chrono::minutes(6), std::chrono::minutes(5)});
    EXPECT_EQ(refusal(late), verify_code::kSkewed);
    EXPECT_EQ(refusal(verify_request(req, lookup, {t - std::chrono::minutes(6), std::chrono::minutes(5)})),
              verify_code::kSkewed);

    HttpRequest r;
    r.url = "http://127.0.0.1:4566/bucket/key";
    std::string url = presign_url(r, Credentials{"test", "test", "", {}, "t"}, params_for_service("s3", "us-east-1", t), 60);
    std::string query = url.substr(url.find('?') + 1);
    IncomingRequest in{"GET", "/bucket/key", query, {{"Host", "127.0.0.1:4566"}}, ""};
    EXPECT_EQ(refusal(verify_request(in, lookup, {.now = t + std::chrono::seconds(30)})), "");
    EXPECT_EQ(refusal(verify_request(in, lookup, {.now = t + std::chrono::seconds(61)})), verify_code::kExpired);
}

TEST(SigV4Verify, S3SignsThePayloadHashHeader) {
    auto t = at("2026-03-04T05:06:07Z");
    HttpRequest r;
    r.method = "PUT";
    r.url = "http://127.0.0.1:4566/media/a%20b.txt";
    r.body = "hello";
    sign_request(r, Credentials{"test", "test", "", {}, "t"}, params_for_service("s3", "us-east-1", t));
    IncomingRequest in{"PUT", "/media/a%20b.txt", "", r.headers, "hello"};
    auto ok = verify_request(in, lookup);
    ASSERT_TRUE(ok.ok()) << ok.error().to_string();
    EXPECT_EQ(ok->service, "s3");
    in.body = "hellO";
    EXPECT_EQ(refusal(verify_request(in, lookup)), verify_code::kMismatch);
}

TEST(SigV4Verify, ErrorCodesPerProtocol) {
    EXPECT_EQ(error_code_for(Protocol::RestJson, verify_code::kMismatch), "InvalidSignatureException");
    EXPECT_EQ(error_code_for(Protocol::RestJson, verify_code::kUnknownKey), "UnrecognizedClientException");
    EXPECT_EQ(error_code_for(Protocol::RestJson, verify_code::kMissing), "MissingAuthenticationTokenException");
    EXPECT_EQ(error_code_for(Protocol::Query, verify_code::kMismatch), "SignatureDoesNotMatch");
    EXPECT_EQ(error_code_for(Protocol::Query, verify_code::kUnknownKey), "InvalidClientTokenId");
    EXPECT_EQ(error_code_for(Protocol::RestXml, verify_code::kUnknownKey), "InvalidAccessKeyId");
    EXPECT_EQ(error_code_for(Protocol::RestXml, verify_code::kSkewed), "RequestTimeTooSkewed");
}

TEST(SigV4Verify, GarbageNeverCrashesAndNeverVerifies) {
    std::mt19937 rng(20260601);
    auto good = signed_backup_request(at("2026-03-04T05:06:07Z"));
    const std::string alphabet = "AWS4-HMAC-SHA256 Credential=/,;=%&?:abc0123456789\x01\xff ";
    auto scramble = [&](std::string s) {
        std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
        int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            size_t at = s.empty() ? 0 : rng() % (s.size() + 1);
            switch (rng() % 3) {
                case 0: s.insert(at, 1, alphabet[pick(rng)]); break;
                case 1: if (at < s.size()) s.erase(at, 1 + rng() % 8); break;
                default: if (at < s.size()) s[at] = alphabet[pick(rng)]; break;
            }
        }
        return s;
    };
    int verified = 0;
    for (int i = 0; i < 3000; ++i) {
        auto req = good;
        switch (i % 4) {
            case 0: for (auto& h : req.headers) if (h.first == "Authorization") h.second = scramble(h.second); break;
            case 1: req.query = scramble(req.query + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=test%2F20260304"); break;
            case 2: req.path = scramble(req.path); break;
            default: for (auto& h : req.headers) if (h.first == "X-Amz-Date") h.second = scramble(h.second); break;
        }
        auto r = verify_request(req, lookup, VerifyOptions{.now = at("2026-03-04T05:06:07Z")});
        if (r.ok()) ++verified;
        else EXPECT_FALSE(r.error().code.empty());
    }
    // A scramble can land on an equivalent request (e.g. "/a//b" normalizes like "/a/b"), but rarely.
    EXPECT_LT(verified, 30);
}
