// AWS Signature Version 4, as staged pure functions: canonical request ->
// string to sign -> signing key -> signature -> Authorization header.
// The time is always passed in; nothing here reads a clock.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "backend/aws/credentials.hpp"
#include "backend/aws/http.hpp"
#include "backend/core/clock.hpp"

namespace vd::aws::sigv4 {

struct SigningParams {
    std::string region;
    std::string service;           // signing name: backup, rds, sts, s3
    TimePoint time;
    bool double_encode_path = true;   // false for s3
    bool normalize_path = true;       // false for s3
    bool sign_content_sha256 = false; // true for s3: add and sign x-amz-content-sha256
    bool omit_session_token = false;  // presign: add the token after signing
};

// The parameters real services expect for a signing name: s3 encodes the
// path once, never normalizes it, and signs x-amz-content-sha256.
SigningParams params_for_service(std::string service, std::string region, TimePoint time);

// A request broken into the parts that signing looks at.
struct CanonicalInput {
    std::string method;
    std::string path;   // raw path as it appears on the wire (may be %-encoded)
    std::string query;  // raw query string without '?'
    Headers headers;    // must include host
    std::string payload_hash;  // hex sha256 of the body, or UNSIGNED-PAYLOAD
    // Non-empty: sign exactly these lower-case header names (a verifier
    // replaying SignedHeaders); empty: every header but the unsignable ones.
    std::vector<std::string> sign_only;
};

std::string sha256_hex(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);  // raw bytes
std::string hex(std::string_view bytes);
// RFC 3986 percent-encoding; '/' kept when encode_slash is false.
std::string uri_encode(std::string_view s, bool encode_slash);
// Decodes %XX escapes; a malformed escape is kept as written.
std::string uri_decode(std::string_view s);

// The canonical URI: normalized (dot segments, empty segments) and encoded
// per the params; "/" for an empty path.
std::string canonical_path(std::string_view raw_path, const SigningParams& p);
// The canonical query: every name and value decoded, RFC 3986 encoded, sorted.
std::string canonical_query(std::string_view raw_query);
// "20150830/us-east-1/service/aws4_request".
std::string credential_scope(const SigningParams& p);

// Stage 1: the canonical request text and the signed-headers list.
struct CanonicalRequest {
    std::string text;
    std::string signed_headers;  // "host;x-amz-date"
};
CanonicalRequest canonical_request(const CanonicalInput& in, const SigningParams& p);
// Stage 2: the string to sign.
std::string string_to_sign(const CanonicalRequest& creq, const SigningParams& p);
// Stage 3: the signing key (raw bytes) for date/region/service.
std::string signing_key(std::string_view secret, const SigningParams& p);
// Stage 4: the hex signature.
std::string signature(std::string_view signing_key, std::string_view string_to_sign);
// Stage 5: the Authorization header value.
std::string authorization_header(const Credentials& c, const CanonicalRequest& creq,
                                 const SigningParams& p, std::string_view signature);

// Every stage of one signing, for callers and tests that look inside.
struct SignedParts {
    Headers added;  // x-amz-date, x-amz-security-token, x-amz-content-sha256, authorization
    CanonicalRequest creq;
    std::string string_to_sign;
    std::string signature;
};
// Header form over parts: the headers to add to the request.
SignedParts sign_headers(const CanonicalInput& in, const Credentials& c, const SigningParams& p);

// Every stage of one presigning.
struct PresignedParts {
    std::string query;  // the request's query followed by the X-Amz-* parameters
    CanonicalRequest creq;
    std::string string_to_sign;
    std::string signature;
};
// Query form over parts: the full query string of the presigned request.
PresignedParts presign(const CanonicalInput& in, const Credentials& c, const SigningParams& p,
                       int expires_seconds);

// Signs an HTTP request in place: adds host (when missing), x-amz-date,
// x-amz-security-token (when the credentials have one), x-amz-content-sha256
// (s3), and Authorization.
void sign_request(HttpRequest& request, const Credentials& c, const SigningParams& p);

// Builds a presigned URL (query form) valid for expires_seconds.
std::string presign_url(const HttpRequest& request, const Credentials& c,
                        const SigningParams& p, int expires_seconds);

}  // namespace vd::aws::sigv4
