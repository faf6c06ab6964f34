#include "backend/aws/credentials_sts.hpp"

#include <array>
#include <random>
#include <thread>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "backend/aws/sigv4.hpp"
#include "backend/core/time_format.hpp"

namespace vd::aws {

namespace {

// The first descendant element with this name, or an empty node.
pugi::xml_node find_element(const pugi::xml_node& root, const char* name) {
    return root.find_node([name](const pugi::xml_node& n) { return std::string_view(n.name()) == name; });
}

// True for answers worth another attempt: 5xx and throttling.
bool transient(int status, const std::string& code) {
    static const std::array<std::string_view, 8> kThrottles = {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "IDPCommunicationError"};
    for (auto t : kThrottles) {
        if (code == t) return true;
    }
    return status == 500 || status == 502 || status == 503 || status == 504;
}

// Sleeps a jittered, growing pause before attempt `attempt` (1-based).
void backoff(int attempt) {
    thread_local std::mt19937 rng{std::random_device{}()};
    std::uniform_real_distribution<double> jitter(0.0, 1.0);
    double cap_ms = std::min(2000.0, 50.0 * (1 << std::min(attempt, 6)));
    std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<long>(jitter(rng) * cap_ms)));
}

}  // namespace

std::string sts_form_body(const StsCall& call) {
    std::string body = "Action=" + sigv4::uri_encode(call.action, true) + "&Version=2011-06-15";
    for (const auto& [name, value] : call.params) {
        body += "&" + sigv4::uri_encode(name, true) + "=" + sigv4::uri_encode(value, true);
    }
    return body;
}

Result<Credentials> parse_sts_credentials(std::string_view xml, std::string_view provider) {
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size())) {
        return credentials_error(provider, "STS answered with something that is not XML", ErrorKind::Parse);
    }
    pugi::xml_node creds = find_element(doc, "Credentials");
    if (!creds) return credentials_error(provider, "the STS answer has no Credentials element", ErrorKind::Parse);
    Credentials c;
    c.access_key_id = creds.child("AccessKeyId").text().as_string();
    c.secret_access_key = creds.child("SecretAccessKey").text().as_string();
    c.session_token = creds.child("SessionToken").text().as_string();
    if (c.access_key_id.empty() || c.secret_access_key.empty()) {
        return credentials_error(provider, "the STS answer lacks AccessKeyId or SecretAccessKey", ErrorKind::Parse);
    }
    std::string exp = creds.child("Expiration").text().as_string();
    if (!exp.empty()) {
        auto t = parse_time(exp);
        if (!t) return credentials_error(provider, fmt::format("cannot read the STS Expiration '{}'", exp), ErrorKind::Parse);
        c.expiration = *t;
    }
    c.source = std::string(provider);
    return c;
}

Error parse_sts_error(int status, std::string_view xml, std::string_view provider, std::string_view what,
                      std::string_view action) {
    pugi::xml_document doc;
    std::string code;
    std::string message;
    std::string request_id;
    if (doc.load_buffer(xml.data(), xml.size())) {
        pugi::xml_node err = find_element(doc, "Error");
        code = err.child("Code").text().as_string();
        message = err.child("Message").text().as_string();
        request_id = find_element(doc, "RequestId").text().as_string();
    }
    std::string detail = code.empty() ? fmt::format("HTTP {}", status) : (message.empty() ? code : code + ": " + message);
    Error e = make_error(code.empty() ? ErrorKind::Http : ErrorKind::Aws,
                         fmt::format("{}: STS {} for {} failed: {}", provider, action, what, detail), code);
    e.http_status = status;
    e.request_id = request_id;
    e.retryable = transient(status, code);
    return e;
}

Result<Credentials> call_sts(const CredentialsContext& ctx, const StsCall& call, std::string_view provider) {
    if (!ctx.transport) return credentials_error(provider, "no HTTP transport to reach STS", ErrorKind::Internal);
    std::string endpoint = ctx.endpoint("sts", ctx.region);
    auto clock = ctx.clock_or_system();
    int attempts = std::max(1, ctx.retry.max_attempts);
    Error last = make_error(ErrorKind::Internal, "no attempt made");
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        if (attempt > 1) backoff(attempt - 1);
        HttpRequest req;
        req.method = "POST";
        req.url = endpoint + "/";
        req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        req.body = sts_form_body(call);
        req.timeout = std::chrono::seconds(30);
        if (call.signer) {
            sigv4::SigningParams p;
            p.region = ctx.region.empty() ? "us-east-1" : ctx.region;
            p.service = "sts";
            p.time = clock->now();
            sigv4::sign_request(req, *call.signer, p);
        }
        auto res = ctx.transport->send(req);
        if (!res) {
            last = res.error();
            last.message = fmt::format("{}: cannot reach STS at {}: {}", provider, endpoint, last.message);
            continue;
        }
        if (res->status >= 200 && res->status < 300) return parse_sts_credentials(res->body, provider);
        last = parse_sts_error(res->status, res->body, provider, call.what, call.action);
        if (!last.retryable) return last;
    }
    return last;
}

std::string default_role_session_name(const Clock& clock) {
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
    return fmt::format("vaultdeck-session-{}", secs);
}

}  // namespace vd::aws
