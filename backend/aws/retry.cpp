#include "backend/aws/retry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <thread>

#include "backend/core/time_format.hpp"

namespace vd::aws {
namespace {

constexpr std::array<std::string_view, 14> kThrottlingCodes = {
    "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
    "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
    "PriorRequestNotComplete", "EC2ThrottledException"};

constexpr std::array<std::string_view, 3> kTransientCodes = {"RequestTimeout", "RequestTimeoutException",
                                                             "InternalError"};

// A uniform number in [0, 1) from a per-thread generator.
double default_random() {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

}  // namespace

bool is_throttling_code(std::string_view code) {
    return std::find(kThrottlingCodes.begin(), kThrottlingCodes.end(), code) != kThrottlingCodes.end();
}

bool is_transient_code(std::string_view code) {
    return std::find(kTransientCodes.begin(), kTransientCodes.end(), code) != kTransientCodes.end();
}

RetryClass classify(const Error& error) {
    if (error.kind == ErrorKind::Timeout) return RetryClass::Timeout;
    if (error.kind == ErrorKind::Network) return error.retryable ? RetryClass::Transient : RetryClass::None;
    if (is_throttling_code(error.code)) return RetryClass::Throttling;
    if (is_transient_code(error.code)) return RetryClass::Transient;
    int s = error.http_status;
    if (s == 500 || s == 502 || s == 503 || s == 504) return RetryClass::Transient;
    return RetryClass::None;
}

std::optional<int> RetryQuota::acquire(RetryClass why) {
    int cost = why == RetryClass::Timeout ? kTimeoutCost : kRetryCost;
    std::lock_guard lock(mu_);
    if (tokens_ < cost) return std::nullopt;
    tokens_ -= cost;
    return cost;
}

void RetryQuota::on_success(int last_retry_cost) {
    std::lock_guard lock(mu_);
    tokens_ = std::min(capacity_, tokens_ + (last_retry_cost > 0 ? last_retry_cost : kNoRetryIncrement));
}

int RetryQuota::available() const {
    std::lock_guard lock(mu_);
    return tokens_;
}

RetryPolicy::RetryPolicy(RetryOptions options)
    : options_(std::move(options)), max_attempts_(std::max(1, options_.max_attempts)) {}

RetryDecision RetryPolicy::on_failure(const Error& error, int attempt) {
    RetryClass why = classify(error);
    if (why == RetryClass::None || attempt >= max_attempts_) return {};
    auto cost = quota_.acquire(why);
    if (!cost) return {};
    return RetryDecision{true, backoff(attempt), *cost};
}

std::chrono::milliseconds RetryPolicy::backoff(int attempt) const {
    double r = options_.random ? options_.random() : default_random();
    r = std::clamp(r, 0.0, 1.0);
    double base_ms = 1000.0 * std::pow(2.0, std::clamp(attempt - 1, 0, 30));
    double capped = std::min(base_ms, 1000.0 * static_cast<double>(kMaxBackoff.count()));
    return std::chrono::milliseconds(static_cast<long long>(r * capped));
}

void RetryPolicy::sleep(std::chrono::milliseconds delay) const {
    if (options_.sleep) {
        options_.sleep(delay);
    } else if (delay.count() > 0) {
        std::this_thread::sleep_for(delay);
    }
}

std::optional<std::chrono::seconds> skew_correction(const Error& error, const Headers& response_headers,
                                                    TimePoint local_now) {
    auto date = find_header(response_headers, "date");
    // Only the RFC 1123 form ("Sun, 22 Nov 2026 03:00:00 GMT") with a plausible year is trusted.
    bool shaped = date && date->size() == 29 && date->compare(12, 4, "1970") >= 0 && date->compare(12, 4, "2199") <= 0;
    auto server = shaped ? parse_time(*date) : std::nullopt;
    if (!server) return std::nullopt;
    auto offset = std::chrono::duration_cast<std::chrono::seconds>(*server - local_now);
    const auto& c = error.code;
    bool time_error = c == "RequestTimeTooSkewed" || c == "RequestExpired" || c == "RequestInTheFuture";
    bool signature_error = c == "InvalidSignatureException" || c == "SignatureDoesNotMatch" || c == "AuthFailure";
    bool far = std::chrono::abs(offset) >= std::chrono::minutes(4);
    if (time_error || (signature_error && far)) return offset;
    return std::nullopt;
}

}  // namespace vd::aws
