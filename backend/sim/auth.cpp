#include "backend/sim/auth.hpp"

#include <fmt/format.h>

#include "backend/aws/sigv4_verify.hpp"
#include "backend/core/time_format.hpp"
#include "backend/sim/form.hpp"

namespace vd::sim {
namespace {

using namespace std::chrono;

// The protocol a service speaks, for the names of its errors.
aws::Protocol protocol_of(const std::string& service) {
    if (service == "backup") return aws::Protocol::RestJson;
    if (service == "s3") return aws::Protocol::RestXml;
    return aws::Protocol::Query;
}

Error refusal(int status, std::string code, std::string message) {
    Error e = make_error(ErrorKind::Aws, std::move(message), std::move(code));
    e.http_status = status;
    return e;
}

// The Credential=AK/date/region/service/aws4_request part of a request, if any.
std::vector<std::string> credential_parts(const WireRequest& request) {
    std::string credential;
    if (auto auth = aws::find_header(request.headers, "authorization")) {
        auto at = auth->find("Credential=");
        if (at != std::string::npos) {
            credential = auth->substr(at + 11);
            credential = credential.substr(0, credential.find_first_of(", "));
        }
    } else if (auto q = param(parse_form(request.query), "X-Amz-Credential")) {
        credential = *q;
    }
    std::vector<std::string> parts;
    if (credential.empty()) return parts;
    std::string_view rest = credential;
    while (true) {
        auto slash = rest.find('/');
        parts.emplace_back(rest.substr(0, slash));
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    return parts;
}

// Guesses the service of an unsigned request from its path and parameters.
std::string guess_service(const WireRequest& request) {
    static const char* backup_prefixes[] = {"/backup-vaults", "/backup-jobs", "/restore-jobs", "/copy-jobs", "/backup/",
                                            "/resources", "/restore-testing", "/audit/"};
    for (const char* p : backup_prefixes) {
        if (request.path.rfind(p, 0) == 0) return "backup";
    }
    std::string action = param(parse_form(request.query), "Action").value_or("");
    if (action.empty() && request.method == "POST") action = param(parse_form(request.body), "Action").value_or("");
    if (action == "GetCallerIdentity" || action == "AssumeRole") return "sts";
    if (!action.empty()) return "rds";
    return "s3";
}

// The signing-time check: rest-json services allow 5 minutes, query services
// 15; S3 answers RequestTimeTooSkewed.
Status check_signing_time(const std::string& service, TimePoint signed_at, TimePoint now) {
    minutes window = service == "backup" ? minutes(5) : minutes(15);
    if (signed_at >= now - window && signed_at <= now + window) return ok_status();
    if (service == "s3") {
        return refusal(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.");
    }
    std::string code = service == "backup" ? "InvalidSignatureException" : "SignatureDoesNotMatch";
    long m = window.count();
    if (signed_at < now - window) {
        return refusal(403, code, fmt::format("Signature expired: {} is now earlier than {} ({} - {} min.)",
                                              format_amz_date(signed_at), format_amz_date(now - window), format_amz_date(now), m));
    }
    return refusal(403, code, fmt::format("Signature not yet current: {} is still later than {} ({} + {} min.)",
                                          format_amz_date(signed_at), format_amz_date(now + window), format_amz_date(now), m));
}

}  // namespace

Scope request_scope(const WireRequest& request, const std::string& default_region) {
    Scope s;
    auto parts = credential_parts(request);
    if (parts.size() == 5) {
        s.access_key = parts[0];
        s.region = parts[2];
        s.service = parts[3];
    }
    if (s.service.empty()) s.service = guess_service(request);
    if (s.region.empty()) s.region = default_region;
    return s;
}

Result<Caller> authenticate(const WireRequest& request, const Scope& scope, const World& world, const AuthOptions& options) {
    aws::Protocol protocol = protocol_of(scope.service);
    auto principal_of = [&](const std::string& key) -> const Principal* {
        auto it = world.principals.find(key);
        return it == world.principals.end() ? nullptr : &it->second;
    };
    if (!options.verify) {
        const Principal* p = principal_of(scope.access_key);
        return Caller{scope.access_key, p ? p->account_id : world.default_account};
    }
    aws::sigv4::IncomingRequest incoming{request.method, request.path, request.query, request.headers, request.body};
    auto verified = aws::sigv4::verify_request(
        incoming,
        [&](const std::string& key) -> std::optional<std::string> {
            const Principal* p = principal_of(key);
            return p ? std::optional<std::string>(p->secret_key) : std::nullopt;
        },
        aws::sigv4::VerifyOptions{});
    if (!verified) {
        const Error& e = verified.error();
        return refusal(403, aws::sigv4::error_code_for(protocol, e.code), e.message);
    }
    const Principal* p = principal_of(verified->access_key_id);
    if (!p->session_token.empty() || !verified->session_token.empty()) {
        if (verified->session_token != p->session_token) {
            std::string code = protocol == aws::Protocol::RestJson ? "UnrecognizedClientException"
                               : protocol == aws::Protocol::RestXml ? "InvalidToken"
                                                                    : "InvalidClientTokenId";
            return refusal(403, code, "The security token included in the request is invalid.");
        }
        if (p->expiration && options.sim_now >= *p->expiration) {
            std::string code = protocol == aws::Protocol::RestJson ? "ExpiredTokenException"
                               : protocol == aws::Protocol::RestXml ? "ExpiredToken"
                                                                    : "ExpiredToken";
            return refusal(403, code, "The security token included in the request is expired");
        }
    }
    if (!verified->presigned) {
        if (auto ok = check_signing_time(scope.service, verified->time, options.wall_now); !ok) return ok.error();
    }
    return Caller{p->access_key, p->account_id};
}

}  // namespace vd::sim
