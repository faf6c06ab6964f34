#include "backend/aws/sigv4_verify.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "backend/aws/sigv4.hpp"
#include "backend/core/time_format.hpp"

namespace vd::aws::sigv4 {
namespace {

// A refusal with one of the verify_code codes.
Error refuse(std::string_view code, std::string message) {
    Error e = make_error(ErrorKind::Credentials, std::move(message), std::string(code));
    e.http_status = 403;
    return e;
}

// Splits text on a separator, keeping empty pieces.
std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> out;
    while (true) {
        size_t at = text.find(sep);
        out.push_back(text.substr(0, at));
        if (at == std::string_view::npos) return out;
        text.remove_prefix(at + 1);
    }
}

// Strips spaces at both ends.
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The decoded query parameters, in order.
std::vector<std::pair<std::string, std::string>> query_params(std::string_view raw) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto item : split(raw, '&')) {
        if (item.empty()) continue;
        size_t eq = item.find('=');
        out.emplace_back(uri_decode(item.substr(0, eq)),
                         eq == std::string_view::npos ? std::string{} : uri_decode(item.substr(eq + 1)));
    }
    return out;
}

// The raw query without the X-Amz-Signature parameter.
std::string query_without_signature(std::string_view raw) {
    std::string out;
    for (auto item : split(raw, '&')) {
        if (item.empty() || uri_decode(item.substr(0, item.find('='))) == "X-Amz-Signature") continue;
        if (!out.empty()) out += "&";
        out += std::string(item);
    }
    return out;
}

// What the Authorization header or the presigned query claims.
struct Claim {
    SignatureScope scope;
    std::string signature;
    long expires = 0;
};

// Parses "Credential=AK/date/region/service/aws4_request" into the scope.
std::optional<std::string> parse_credential(std::string_view credential, SignatureScope& scope) {
    auto parts = split(credential, '/');
    if (parts.size() != 5 || parts[4] != "aws4_request") {
        return "Credential should be scoped to a valid region, service and aws4_request";
    }
    if (parts[0].empty()) return "Credential has no access key id";
    if (parts[1].size() != 8 || !std::all_of(parts[1].begin(), parts[1].end(), [](unsigned char c) { return std::isdigit(c); })) {
        return "Credential date is not yyyymmdd";
    }
    if (parts[2].empty() || parts[3].empty()) return "Credential has an empty region or service";
    scope.access_key_id = std::string(parts[0]);
    scope.date = std::string(parts[1]);
    scope.region = std::string(parts[2]);
    scope.service = std::string(parts[3]);
    return std::nullopt;
}

// Parses the Authorization header of the header form.
Result<Claim> parse_authorization(std::string_view value) {
    constexpr std::string_view kPrefix = "AWS4-HMAC-SHA256 ";
    if (value.substr(0, kPrefix.size()) != kPrefix) {
        return refuse(verify_code::kIncomplete, "Authorization header must start with AWS4-HMAC-SHA256");
    }
    Claim claim;
    bool have_credential = false, have_signed = false;
    for (auto part : split(value.substr(kPrefix.size()), ',')) {
        part = trim(part);
        size_t eq = part.find('=');
        std::string_view name = part.substr(0, eq);
        std::string_view v = eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1);
        if (name == "Credential") {
            if (auto why = parse_credential(v, claim.scope)) return refuse(verify_code::kIncomplete, *why);
            have_credential = true;
        } else if (name == "SignedHeaders") {
            for (auto h : split(v, ';')) claim.scope.signed_headers.emplace_back(h);
            have_signed = !v.empty();
        } else if (name == "Signature") {
            claim.signature = std::string(v);
        }
    }
    if (!have_credential || !have_signed || claim.signature.empty()) {
        return refuse(verify_code::kIncomplete,
                      "Authorization header requires Credential, SignedHeaders and Signature");
    }
    return claim;
}

// Parses the X-Amz-* parameters of the presigned form.
Result<Claim> parse_presigned(const std::vector<std::pair<std::string, std::string>>& params) {
    auto get = [&](std::string_view name) -> std::optional<std::string> {
        for (const auto& [k, v] : params) {
            if (k == name) return v;
        }
        return std::nullopt;
    };
    Claim claim;
    claim.scope.presigned = true;
    if (get("X-Amz-Algorithm") != std::optional<std::string>("AWS4-HMAC-SHA256")) {
        return refuse(verify_code::kIncomplete, "X-Amz-Algorithm must be AWS4-HMAC-SHA256");
    }
    auto credential = get("X-Amz-Credential");
    auto signed_headers = get("X-Amz-SignedHeaders");
    auto sig = get("X-Amz-Signature");
    auto expires = get("X-Amz-Expires");
    if (!credential || !signed_headers || !sig || !expires || !get("X-Amz-Date")) {
        return refuse(verify_code::kIncomplete,
                      "a presigned request requires X-Amz-Credential, X-Amz-Date, X-Amz-Expires, "
                      "X-Amz-SignedHeaders and X-Amz-Signature");
    }
    if (auto why = parse_credential(*credential, claim.scope)) return refuse(verify_code::kIncomplete, *why);
    for (auto h : split(*signed_headers, ';')) claim.scope.signed_headers.emplace_back(h);
    auto [ptr, ec] = std::from_chars(expires->data(), expires->data() + expires->size(), claim.expires);
    if (ec != std::errc{} || ptr != expires->data() + expires->size() || claim.expires <= 0) {
        return refuse(verify_code::kIncomplete, "X-Amz-Expires must be a positive number of seconds");
    }
    claim.signature = *sig;
    claim.scope.session_token = get("X-Amz-Security-Token").value_or("");
    return claim;
}

// Parses the signing time (yyyymmddThhmmssZ) and checks it against the scope date.
std::optional<std::string> parse_signing_time(const std::optional<std::string>& text, SignatureScope& scope) {
    if (!text) return "the request has no X-Amz-Date";
    const std::string& d = *text;
    auto digits = [&](size_t from, size_t n) {
        return std::all_of(d.begin() + static_cast<long>(from), d.begin() + static_cast<long>(from + n),
                           [](unsigned char c) { return std::isdigit(c); });
    };
    // The shape and a plausible year (1970-2199) are checked before any date arithmetic.
    bool shaped = d.size() == 16 && digits(0, 8) && d[8] == 'T' && digits(9, 6) && d[15] == 'Z' &&
                  d.compare(0, 4, "1970") >= 0 && d.compare(0, 4, "2199") <= 0;
    auto t = shaped ? parse_time(d) : std::nullopt;
    if (!t) return "X-Amz-Date '" + d + "' is not in the yyyymmddThhmmssZ form";
    if (text->substr(0, 8) != scope.date) return "Credential date does not match X-Amz-Date";
    scope.time = *t;
    return std::nullopt;
}

// Compares two hex signatures in constant time.
bool same_signature(const std::string& a, const std::string& b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

Result<SignatureScope> verify_request(const IncomingRequest& request, const SecretLookup& secrets,
                                      const VerifyOptions& options) {
    auto params = query_params(request.query);
    auto authorization = find_header(request.headers, "authorization");
    bool presigned = !authorization && std::any_of(params.begin(), params.end(),
                                                   [](const auto& p) { return p.first == "X-Amz-Algorithm"; });
    if (!authorization && !presigned) {
        return refuse(verify_code::kMissing, "the request has no Authorization header or presigned query");
    }
    Result<Claim> parsed = presigned ? parse_presigned(params) : parse_authorization(trim(*authorization));
    if (!parsed) return parsed.error();
    Claim claim = std::move(parsed.value());
    SignatureScope& scope = claim.scope;

    std::optional<std::string> date_text;
    if (presigned) {
        for (const auto& [k, v] : params) {
            if (k == "X-Amz-Date") date_text = v;
        }
    } else {
        if (auto d = find_header(request.headers, "x-amz-date")) date_text = std::string(trim(*d));
        scope.session_token = find_header(request.headers, "x-amz-security-token").value_or("");
    }
    if (auto why = parse_signing_time(date_text, scope)) return refuse(verify_code::kIncomplete, *why);

    auto& names = scope.signed_headers;
    if (std::find(names.begin(), names.end(), "host") == names.end()) {
        return refuse(verify_code::kIncomplete, "SignedHeaders must include host");
    }
    if (!presigned && std::find(names.begin(), names.end(), "x-amz-date") == names.end()) {
        return refuse(verify_code::kIncomplete, "SignedHeaders must include x-amz-date");
    }
    for (const auto& name : names) {
        bool lower_case = !name.empty() && std::none_of(name.begin(), name.end(), [](unsigned char c) {
            return std::isupper(c) || std::isspace(c);
        });
        if (!lower_case) return refuse(verify_code::kIncomplete, "SignedHeaders must be lower-case header names");
        if (!find_header(request.headers, name)) {
            return refuse(verify_code::kIncomplete, "signed header '" + name + "' is missing from the request");
        }
    }

    auto secret = secrets ? secrets(scope.access_key_id) : std::nullopt;
    if (!secret) {
        return refuse(verify_code::kUnknownKey, "The security token included in the request is invalid "
                                                "(unknown access key " + scope.access_key_id + ")");
    }

    std::string body_hash = sha256_hex(request.body);
    auto declared = find_header(request.headers, "x-amz-content-sha256");
    std::string payload_hash = declared ? *declared : (presigned && scope.service == "s3" ? "UNSIGNED-PAYLOAD" : body_hash);
    bool hashed = payload_hash.size() == 64 &&
                  std::all_of(payload_hash.begin(), payload_hash.end(), [](unsigned char c) { return std::isxdigit(c); });
    if (declared && hashed && payload_hash != body_hash) {
        return refuse(verify_code::kMismatch, "x-amz-content-sha256 does not match the body");
    }

    SigningParams p = params_for_service(scope.service, scope.region, scope.time);
    CanonicalInput in{request.method, request.path,
                      presigned ? query_without_signature(request.query) : request.query,
                      request.headers, payload_hash, names};
    CanonicalRequest creq = canonical_request(in, p);
    std::string expected = signature(signing_key(*secret, p), string_to_sign(creq, p));
    if (!same_signature(expected, claim.signature)) {
        return refuse(verify_code::kMismatch, "The request signature we calculated does not match the signature "
                                              "you provided. Check your AWS Secret Access Key and signing method.");
    }

    if (options.now) {
        auto now = *options.now;
        if (presigned && now > scope.time + std::chrono::seconds(claim.expires)) {
            return refuse(verify_code::kExpired, "Request has expired (signed at " + format_amz_date(scope.time) +
                                                     ", valid for " + std::to_string(claim.expires) + " s)");
        }
        auto skew = now > scope.time ? now - scope.time : scope.time - now;
        if (!presigned && skew > options.max_skew) {
            return refuse(verify_code::kSkewed, "Signature expired: " + format_amz_date(scope.time) +
                                                    " is not within 5 minutes of the server time " +
                                                    format_amz_date(now));
        }
    }
    return scope;
}

std::string error_code_for(Protocol protocol, std::string_view code) {
    if (protocol == Protocol::RestJson) {
        if (code == verify_code::kMissing) return "MissingAuthenticationTokenException";
        if (code == verify_code::kIncomplete) return "IncompleteSignatureException";
        if (code == verify_code::kUnknownKey) return "UnrecognizedClientException";
        if (code == verify_code::kMismatch || code == verify_code::kSkewed) return "InvalidSignatureException";
        if (code == verify_code::kExpired) return "InvalidSignatureException";
    }
    if (protocol == Protocol::RestXml) {
        if (code == verify_code::kMissing) return "AccessDenied";
        if (code == verify_code::kIncomplete) return "AuthorizationHeaderMalformed";
        if (code == verify_code::kUnknownKey) return "InvalidAccessKeyId";
        if (code == verify_code::kExpired) return "AccessDenied";
    }
    if (protocol == Protocol::Query && code == verify_code::kSkewed) return "SignatureDoesNotMatch";
    return std::string(code);
}

}  // namespace vd::aws::sigv4
