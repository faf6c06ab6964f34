// The request pipeline every service client goes through: resolve the
// endpoint, sign, send, retry (standard mode), correct clock skew, and turn
// error responses into Error values. Refuses mutating calls when read-only.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "backend/aws/credentials.hpp"
#include "backend/aws/http.hpp"
#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::aws {

enum class Protocol { RestJson, Query, RestXml };

// One API call before signing.
struct ServiceRequest {
    std::string service;      // signing name and endpoint prefix: backup, rds, sts, s3
    std::string operation;    // ListBackupVaults, for errors and the audit log
    Protocol protocol = Protocol::RestJson;
    std::string method = "GET";
    std::string path = "/";   // already percent-encoded per segment
    std::vector<std::pair<std::string, std::string>> query;  // raw (unencoded) names and values
    Headers headers;          // extra headers (content-type is set by the pipeline when a body exists)
    std::string body;
    bool mutating = false;    // refused when the client is read-only
};

struct RetryOptions {
    int max_attempts = 3;           // AWS_MAX_ATTEMPTS
    std::string mode = "standard";  // AWS_RETRY_MODE (standard, legacy, adaptive treated as standard)
    // Seams for tests: how to wait between attempts (empty: really sleep) and
    // where the backoff jitter comes from (empty: a PRNG; must return [0, 1)).
    std::function<void(std::chrono::milliseconds)> sleep;
    std::function<double()> random;
};

struct ClientOptions {
    std::string region;
    std::string endpoint_url;  // resolved already (endpoints.hpp); empty: the real regional endpoint
    std::shared_ptr<CredentialsProvider> credentials;
    std::shared_ptr<HttpTransport> transport;
    std::shared_ptr<const Clock> clock;
    RetryOptions retry;
    bool read_only = false;
};

// Sends service requests for one account and region.
class AwsClient {
public:
    virtual ~AwsClient() = default;
    // Sends the request with retries; a non-2xx answer becomes an Error.
    virtual Result<HttpResponse> call(const ServiceRequest& request) = 0;
    virtual const ClientOptions& options() const = 0;
};

// The production pipeline over the given options.
std::shared_ptr<AwsClient> make_aws_client(ClientOptions options);

}  // namespace vd::aws
