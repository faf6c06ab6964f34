// A session resolves profile, region, credentials and endpoints the way the
// AWS CLI v2 does, and hands out one AwsClient per service.
#pragma once

#include <memory>
#include <string>

#include "backend/aws/client.hpp"
#include "backend/aws/credentials.hpp"
#include "backend/aws/http.hpp"
#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::aws {

struct SessionOptions {
    std::string profile;        // --profile; empty: AWS_PROFILE, then default
    std::string region;         // --region; empty: AWS_REGION, AWS_DEFAULT_REGION, profile, IMDS
    std::string endpoint_url;   // --endpoint-url; empty: the env and profile chain, then AWS
    bool read_only = false;
    std::shared_ptr<HttpTransport> transport;  // empty: libcurl
    std::shared_ptr<const Clock> clock;        // empty: the system clock
};

class Session {
public:
    virtual ~Session() = default;
    virtual const std::string& profile() const = 0;
    // Whether the profile was named (--profile or AWS_PROFILE) rather than
    // the default chain's "default": credentials from the environment or an
    // instance role come with an unnamed one.
    virtual bool profile_named() const = 0;
    virtual const std::string& region() const = 0;
    // The endpoint URL for a service ("backup", "rds", "sts", "s3").
    virtual std::string endpoint_for(const std::string& service) const = 0;
    virtual std::shared_ptr<CredentialsProvider> credentials() const = 0;
    // A client for one service in this session's region (or another region).
    virtual std::shared_ptr<AwsClient> client_for(const std::string& service, const std::string& region = {}) const = 0;
};

// Resolves everything; errors: unknown profile, no region.
Result<std::shared_ptr<Session>> make_session(const SessionOptions& options);

}  // namespace vd::aws
