#include "backend/aws/sigv4.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "backend/aws/url.hpp"
#include "backend/core/time_format.hpp"

namespace vd::aws::sigv4 {
namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

// Lower-cases ASCII letters.
std::string lower(std::string_view s) {
    std::string out(s);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

// Headers an SDK never signs (proxies and transports may change them).
bool unsignable(const std::string& lower_name) {
    static const char* const kSkip[] = {"authorization", "user-agent", "x-amzn-trace-id", "expect",
                                        "transfer-encoding", "connection", "accept-encoding"};
    return std::any_of(std::begin(kSkip), std::end(kSkip),
                       [&](const char* s) { return lower_name == s; });
}

// Trims the value and folds every run of whitespace into one space.
std::string canonical_value(std::string_view v) {
    std::string out;
    bool pending_space = false;
    for (char ch : v) {
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(ch);
    }
    return out;
}

struct CanonicalHeaders {
    std::string text;    // "name:value\n" lines
    std::string signed_headers;
};

// The canonical header block and signed-header list for these headers.
CanonicalHeaders canonical_headers(const Headers& headers, const std::vector<std::string>& sign_only) {
    std::map<std::string, std::string> merged;
    for (const auto& [name, value] : headers) {
        std::string key = lower(name);
        bool wanted = sign_only.empty()
                          ? !unsignable(key)
                          : std::find(sign_only.begin(), sign_only.end(), key) != sign_only.end();
        if (!wanted) continue;
        auto [it, inserted] = merged.try_emplace(key, canonical_value(value));
        if (!inserted) it->second += "," + canonical_value(value);
    }
    CanonicalHeaders out;
    for (const auto& [name, value] : merged) {
        out.text += name + ":" + value + "\n";
        if (!out.signed_headers.empty()) out.signed_headers += ";";
        out.signed_headers += name;
    }
    return out;
}

// Removes every header with this name (case-insensitive).
void erase_header(Headers& headers, std::string_view name) {
    std::string key = lower(name);
    std::erase_if(headers, [&](const auto& h) { return lower(h.first) == key; });
}

// The yyyymmdd part of the amz date.
std::string short_date(TimePoint t) { return format_amz_date(t).substr(0, 8); }

}  // namespace

SigningParams params_for_service(std::string service, std::string region, TimePoint time) {
    SigningParams p;
    p.region = std::move(region);
    p.time = time;
    bool s3 = service == "s3";
    p.double_encode_path = !s3;
    p.normalize_path = !s3;
    p.sign_content_sha256 = s3;
    p.service = std::move(service);
    return p;
}

std::string sha256_hex(std::string_view data) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
    return hex(std::string_view(reinterpret_cast<const char*>(md), len));
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), md, &len);
    return std::string(reinterpret_cast<const char*>(md), len);
}

std::string hex(std::string_view bytes) {
    static const char* const kDigits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0xf]);
    }
    return out;
}

std::string uri_encode(std::string_view s, bool encode_slash) {
    static const char* const kDigits = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (unsigned char ch : s) {
        if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~' || (ch == '/' && !encode_slash)) {
            out.push_back(static_cast<char>(ch));
        } else {
            out.push_back('%');
            out.push_back(kDigits[ch >> 4]);
            out.push_back(kDigits[ch & 0xf]);
        }
    }
    return out;
}

std::string uri_decode(std::string_view s) {
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            int hi = nibble(s[i + 1]);
            int lo = nibble(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(s[i]);
    }
    return out;
}

std::string canonical_path(std::string_view raw_path, const SigningParams& p) {
    std::string path(raw_path.empty() ? "/" : raw_path);
    if (p.normalize_path) {
        std::vector<std::string_view> segments;
        std::string_view rest(path);
        while (!rest.empty()) {
            size_t slash = rest.find('/');
            std::string_view seg = rest.substr(0, slash);
            if (seg == "..") {
                if (!segments.empty()) segments.pop_back();
            } else if (!seg.empty() && seg != ".") {
                segments.push_back(seg);
            }
            if (slash == std::string_view::npos) break;
            rest.remove_prefix(slash + 1);
        }
        std::string normalized;
        for (auto seg : segments) normalized += "/" + std::string(seg);
        bool trailing = path.back() == '/';
        if (normalized.empty()) {
            normalized = "/";
        } else if (trailing) {
            normalized += "/";
        }
        path = std::move(normalized);
    }
    if (p.double_encode_path) return uri_encode(path, false);
    return path;
}

std::string canonical_query(std::string_view raw_query) {
    std::vector<std::pair<std::string, std::string>> pairs;
    std::string_view rest = raw_query;
    while (!rest.empty()) {
        size_t amp = rest.find('&');
        std::string_view item = rest.substr(0, amp);
        if (!item.empty()) {
            size_t eq = item.find('=');
            std::string_view name = item.substr(0, eq);
            std::string_view value = eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1);
            pairs.emplace_back(uri_decode(name), uri_decode(value));
        }
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
    }
    return encode_query(pairs);
}

std::string credential_scope(const SigningParams& p) {
    return short_date(p.time) + "/" + p.region + "/" + p.service + "/aws4_request";
}

CanonicalRequest canonical_request(const CanonicalInput& in, const SigningParams& p) {
    CanonicalHeaders ch = canonical_headers(in.headers, in.sign_only);
    CanonicalRequest out;
    out.text = in.method + "\n" + canonical_path(in.path, p) + "\n" + canonical_query(in.query) + "\n" +
               ch.text + "\n" + ch.signed_headers + "\n" + in.payload_hash;
    out.signed_headers = std::move(ch.signed_headers);
    return out;
}

std::string string_to_sign(const CanonicalRequest& creq, const SigningParams& p) {
    return std::string(kAlgorithm) + "\n" + format_amz_date(p.time) + "\n" + credential_scope(p) + "\n" +
           sha256_hex(creq.text);
}

std::string signing_key(std::string_view secret, const SigningParams& p) {
    std::string k = hmac_sha256("AWS4" + std::string(secret), short_date(p.time));
    k = hmac_sha256(k, p.region);
    k = hmac_sha256(k, p.service);
    return hmac_sha256(k, "aws4_request");
}

std::string signature(std::string_view signing_key, std::string_view string_to_sign) {
    return hex(hmac_sha256(signing_key, string_to_sign));
}

std::string authorization_header(const Credentials& c, const CanonicalRequest& creq, const SigningParams& p,
                                 std::string_view signature) {
    return std::string(kAlgorithm) + " Credential=" + c.access_key_id + "/" + credential_scope(p) +
           ", SignedHeaders=" + creq.signed_headers + ", Signature=" + std::string(signature);
}

SignedParts sign_headers(const CanonicalInput& in, const Credentials& c, const SigningParams& p) {
    CanonicalInput work = in;
    erase_header(work.headers, "authorization");
    erase_header(work.headers, "x-amz-date");
    SignedParts out;
    out.added.emplace_back("X-Amz-Date", format_amz_date(p.time));
    bool token = !c.session_token.empty();
    if (token) erase_header(work.headers, "x-amz-security-token");
    if (token && !p.omit_session_token) out.added.emplace_back("X-Amz-Security-Token", c.session_token);
    if (p.sign_content_sha256) {
        erase_header(work.headers, "x-amz-content-sha256");
        out.added.emplace_back("x-amz-content-sha256", in.payload_hash);
    }
    work.headers.insert(work.headers.end(), out.added.begin(), out.added.end());
    out.creq = canonical_request(work, p);
    out.string_to_sign = string_to_sign(out.creq, p);
    out.signature = signature(signing_key(c.secret_access_key, p), out.string_to_sign);
    if (token && p.omit_session_token) out.added.emplace_back("X-Amz-Security-Token", c.session_token);
    out.added.emplace_back("Authorization", authorization_header(c, out.creq, p, out.signature));
    return out;
}

PresignedParts presign(const CanonicalInput& in, const Credentials& c, const SigningParams& p,
                       int expires_seconds) {
    CanonicalInput work = in;
    erase_header(work.headers, "authorization");
    erase_header(work.headers, "x-amz-date");
    std::string signed_headers = canonical_headers(work.headers, work.sign_only).signed_headers;
    bool token = !c.session_token.empty();
    auto param = [](std::string_view name, std::string_view value) {
        return "&" + std::string(name) + "=" + uri_encode(value, true);
    };
    std::string auth_params = param("X-Amz-Algorithm", kAlgorithm) +
                              param("X-Amz-Credential", c.access_key_id + "/" + credential_scope(p)) +
                              param("X-Amz-Date", format_amz_date(p.time)) +
                              param("X-Amz-SignedHeaders", signed_headers) +
                              param("X-Amz-Expires", std::to_string(expires_seconds));
    std::string token_param = token ? param("X-Amz-Security-Token", c.session_token) : std::string{};
    if (!p.omit_session_token) auth_params += token_param;
    std::string with_auth = in.query.empty() ? auth_params.substr(1) : in.query + auth_params;

    PresignedParts out;
    work.query = with_auth;
    out.creq = canonical_request(work, p);
    out.string_to_sign = string_to_sign(out.creq, p);
    out.signature = signature(signing_key(c.secret_access_key, p), out.string_to_sign);
    // An omitted token still travels, unsigned, just before the signature.
    out.query = with_auth + (p.omit_session_token ? token_param : std::string{}) +
                param("X-Amz-Signature", out.signature);
    return out;
}

namespace {

// The signing parts of an HTTP request (host from the URL when not given).
CanonicalInput input_from_request(const HttpRequest& request, UrlParts& url) {
    url = parse_url(request.url).value_or(UrlParts{});
    CanonicalInput in;
    in.method = request.method;
    in.path = url.path;
    in.query = url.query;
    in.headers = request.headers;
    if (!find_header(in.headers, "host")) in.headers.emplace(in.headers.begin(), "Host", url.host_header());
    in.payload_hash = sha256_hex(request.body);
    return in;
}

}  // namespace

void sign_request(HttpRequest& request, const Credentials& c, const SigningParams& p) {
    UrlParts url;
    CanonicalInput in = input_from_request(request, url);
    SignedParts parts = sign_headers(in, c, p);
    for (const char* name : {"authorization", "x-amz-date", "x-amz-security-token"}) erase_header(request.headers, name);
    if (p.sign_content_sha256) erase_header(request.headers, "x-amz-content-sha256");
    if (!find_header(request.headers, "host")) request.headers.emplace_back("Host", url.host_header());
    request.headers.insert(request.headers.end(), parts.added.begin(), parts.added.end());
}

std::string presign_url(const HttpRequest& request, const Credentials& c, const SigningParams& p,
                        int expires_seconds) {
    UrlParts url;
    CanonicalInput in = input_from_request(request, url);
    if (p.sign_content_sha256) in.payload_hash = "UNSIGNED-PAYLOAD";  // s3 presigns never cover the body
    PresignedParts parts = presign(in, c, p, expires_seconds);
    return url.origin() + url.path + "?" + parts.query;
}

}  // namespace vd::aws::sigv4
