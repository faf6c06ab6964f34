// What every credentials provider shares: the context it runs in, the
// "not configured here" signal the chain uses to move on, a provider that
// returns fixed keys, and the JSON credential document of ECS, IMDS and
// credential_process.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "backend/aws/client.hpp"
#include "backend/aws/credentials.hpp"
#include "backend/aws/http.hpp"
#include "backend/aws/profile_config.hpp"
#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::aws {

// Everything a provider may need; the session fills it once.
struct CredentialsContext {
    std::shared_ptr<const ProfileConfig> config;  // never null once built by the session
    std::string profile = "default";              // the resolved profile name
    std::string region;                           // region for STS and the default SSO region
    std::shared_ptr<HttpTransport> transport;           // STS and SSO (https)
    std::shared_ptr<HttpTransport> metadata_transport;  // IMDS and ECS (plain http); empty: transport
    std::shared_ptr<const Clock> clock;                 // empty: the system clock
    RetryOptions retry;
    // The endpoint URL of a service ("sts", "sso") in a region; empty: the real AWS endpoint.
    std::function<std::string(const std::string& service, const std::string& region)> endpoint_for;

    // The profile section, or nullptr when the profile is not in either file.
    const ConfigSection* profile_section() const;
    // The clock, or the system clock when none was given.
    std::shared_ptr<const Clock> clock_or_system() const;
    // The transport for metadata endpoints.
    std::shared_ptr<HttpTransport> metadata() const;
    // The endpoint for a service: endpoint_for when set and non-empty, else AWS's own.
    std::string endpoint(const std::string& service, const std::string& region) const;
};

// The error code a provider returns when it has nothing configured, so the
// chain moves on to the next provider instead of stopping.
inline constexpr std::string_view kNotConfigured = "CredentialsNotConfigured";

// "This provider has nothing configured" (the chain moves on).
Error not_configured(std::string_view provider, std::string_view why);
// True for an error made by not_configured.
bool is_not_configured(const Error& error);
// A failure of a configured provider (the chain stops): "<provider>: <message>".
Error credentials_error(std::string_view provider, std::string_view message, ErrorKind kind = ErrorKind::Credentials);

// A provider that always returns the same credentials.
std::shared_ptr<CredentialsProvider> make_static_provider(Credentials credentials, std::string name = "static");

// Parses {"AccessKeyId", "SecretAccessKey", <token_field>, "Expiration"}: the
// document of ECS and IMDS (token_field "Token") and credential_process
// ("SessionToken"). Errors never quote the document.
Result<Credentials> parse_credentials_json(std::string_view body, std::string_view token_field,
                                           std::string_view provider);

// How long an HTTP attempt may take for a metadata service, from
// AWS_METADATA_SERVICE_TIMEOUT (seconds), default 1 s.
std::chrono::milliseconds metadata_timeout();
// How many attempts for a metadata service, from AWS_METADATA_SERVICE_NUM_ATTEMPTS, default 1.
int metadata_attempts();

}  // namespace vd::aws
