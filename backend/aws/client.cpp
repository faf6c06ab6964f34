// Threading: one AwsClient is shared by the poller's workers. call() keeps
// its state on the stack; the retry quota locks itself and the clock-skew
// offset is atomic, so concurrent calls need no further locking.
#include "backend/aws/client.hpp"

#include <atomic>
#include <cstdint>

#include "backend/aws/aws_error.hpp"
#include "backend/aws/iam_permissions.hpp"
#include "backend/aws/curl_transport.hpp"
#include "backend/aws/endpoints.hpp"
#include "backend/aws/retry.hpp"
#include "backend/aws/sigv4.hpp"
#include "backend/aws/url.hpp"

namespace vd::aws {
namespace {

constexpr std::string_view kUserAgent = "vaultdeck/" VAULTDECK_VERSION;  // VAULTDECK_VERSION comes from CMake

// True for 2xx statuses.
bool success(int status) { return status >= 200 && status < 300; }

// The content type each protocol sends its body with.
std::string_view content_type_for(Protocol protocol) {
    switch (protocol) {
        case Protocol::RestJson: return "application/json";
        case Protocol::Query: return "application/x-www-form-urlencoded; charset=utf-8";
        case Protocol::RestXml: return "application/xml";
    }
    return "application/octet-stream";
}

class Pipeline final : public AwsClient {
public:
    explicit Pipeline(ClientOptions options) : options_(std::move(options)), retry_(options_.retry) {
        if (!options_.clock) options_.clock = system_clock();
        if (!options_.transport) options_.transport = make_curl_transport();
    }

    // Sends with retries; see AwsClient::call.
    Result<HttpResponse> call(const ServiceRequest& request) override {
        if (request.mutating && options_.read_only) {
            return make_error(ErrorKind::ReadOnly,
                              request.operation + " changes AWS and the session is read-only", "ReadOnly");
        }
        if (!options_.credentials) {
            return make_error(ErrorKind::Credentials, "no credentials provider for " + request.service, "NoCredentials");
        }
        auto built = build(request);
        if (!built) return built.error();
        return send_with_retries(request, built.value());
    }

    const ClientOptions& options() const override { return options_; }

private:
    // The unsigned HTTP request: URL, encoded query or form body, headers.
    Result<HttpRequest> build(const ServiceRequest& request) const {
        if (options_.region.empty()) {
            return make_error(ErrorKind::Config,
                              "no region for " + request.service + ": pass --region or set AWS_REGION, or try vaultdeck --demo", "NoRegion");
        }
        std::string endpoint = options_.endpoint_url.empty() ? aws_endpoint(request.service, options_.region)
                                                             : options_.endpoint_url;
        auto url = parse_url(endpoint);
        if (!url) {
            return make_error(ErrorKind::Config, "the endpoint URL '" + endpoint + "' is not an http(s) URL",
                              "BadEndpoint");
        }
        std::string prefix = url->path;
        while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
        std::string path = request.path.empty() || request.path.front() != '/' ? "/" + request.path : request.path;

        HttpRequest http;
        http.method = request.method;
        http.headers = request.headers;
        http.body = request.body;
        std::string query = encode_query(request.query);
        if (request.protocol == Protocol::Query) {
            // As the AWS CLI does: the query protocol's parameters travel in a POST form body.
            http.method = "POST";
            if (!query.empty()) http.body = http.body.empty() ? query : http.body + "&" + query;
            query.clear();
        }
        http.url = url->origin() + prefix + path + (query.empty() ? "" : "?" + query);
        if (!find_header(http.headers, "user-agent")) http.headers.emplace_back("User-Agent", std::string(kUserAgent));
        if (!http.body.empty() && !find_header(http.headers, "content-type")) {
            http.headers.emplace_back("Content-Type", std::string(content_type_for(request.protocol)));
        }
        return http;
    }

    // Signs and sends until success, a final error, or the attempts run out.
    Result<HttpResponse> send_with_retries(const ServiceRequest& request, const HttpRequest& unsigned_request) {
        bool skew_corrected = false;
        int last_retry_cost = 0;
        for (int attempt = 1;; ++attempt) {
            auto credentials = options_.credentials->credentials();  // the provider caches; refetch per attempt
            if (!credentials) return credentials.error();
            HttpRequest http = unsigned_request;
            auto now = options_.clock->now() + std::chrono::seconds(skew_seconds_.load());
            sigv4::sign_request(http, credentials.value(), sigv4::params_for_service(request.service, options_.region, now));

            auto sent = options_.transport->send(http);
            if (sent && success(sent->status)) {
                retry_.on_success(last_retry_cost);
                return sent;
            }
            Error failure = sent ? parse_error_response(*sent, request.protocol, request.operation) : sent.error();
            if (sent && !skew_corrected) {
                if (auto offset = skew_correction(failure, sent->headers, options_.clock->now())) {
                    skew_seconds_.store(offset->count());
                    skew_corrected = true;
                    --attempt;  // the corrected retry is free, once
                    continue;
                }
            }
            RetryDecision decision = retry_.on_failure(failure, attempt);
            if (!decision.retry) {
                if (attempt > 1) failure.message += " (gave up after " + std::to_string(attempt) + " attempts)";
                return explain_access_denied(std::move(failure), request.service, request.operation);
            }
            last_retry_cost = decision.cost;
            retry_.sleep(decision.delay);
        }
    }

    ClientOptions options_;
    RetryPolicy retry_;
    std::atomic<std::int64_t> skew_seconds_{0};  // server time minus local time
};

}  // namespace

std::shared_ptr<AwsClient> make_aws_client(ClientOptions options) {
    return std::make_shared<Pipeline>(std::move(options));
}

}  // namespace vd::aws
