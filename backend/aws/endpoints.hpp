// Endpoint resolution as the AWS CLI v2 does it: --endpoint-url, then
// AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's services
// section, the profile's endpoint_url, then the real regional endpoint.
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile's
// ignore_configured_endpoint_urls) skips the environment and profile steps.
#pragma once

#include <string>

#include "backend/aws/profile_config.hpp"

namespace vd::aws {

struct EndpointInputs {
    std::string service;       // backup, rds, sts, s3, sso (the service id in lower case)
    std::string region;
    std::string explicit_url;  // --endpoint-url; empty when not given
    const ProfileConfig* config = nullptr;   // may be null: no profile settings
    std::string profile;                     // the resolved profile name
};

struct ResolvedEndpoint {
    std::string url;     // scheme://host[:port][/path], no trailing slash
    std::string source;  // where it came from: "--endpoint-url", "AWS_ENDPOINT_URL_RDS", "aws", ...
};

// The endpoint for one service.
ResolvedEndpoint resolve_endpoint(const EndpointInputs& in);

// AWS's own endpoint: https://backup.eu-west-1.amazonaws.com; the SSO portal
// is https://portal.sso.<region>.amazonaws.com; China regions use amazonaws.com.cn;
// STS without a region is the global https://sts.amazonaws.com.
std::string aws_endpoint(const std::string& service, const std::string& region);

// The service part of AWS_ENDPOINT_URL_<SERVICE>: upper case, spaces and dashes as '_'.
std::string endpoint_env_suffix(const std::string& service);

}  // namespace vd::aws
