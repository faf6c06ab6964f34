// The AWS SDKs' "standard" retry mode: which failures are worth another
// attempt, the capped exponential backoff with full jitter, the per-client
// retry quota, and the clock-skew correction from the server's Date header.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string_view>

#include "backend/aws/client.hpp"
#include "backend/aws/http.hpp"
#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::aws {

// Why a failure may be retried.
enum class RetryClass {
    None,        // not retryable
    Transient,   // 500/502/503/504, connection errors, transient codes
    Throttling,  // the throttling codes
    Timeout,     // the request timed out (costs more quota)
};

// True for the error codes AWS SDKs treat as throttling.
bool is_throttling_code(std::string_view code);
// True for the error codes AWS SDKs treat as transient (RequestTimeout, ...).
bool is_transient_code(std::string_view code);
// Classifies a failed attempt (transport error or parsed AWS error).
RetryClass classify(const Error& error);

// The retry quota bucket: 500 tokens, 5 per retry, 10 per timeout retry,
// the cost refunded when the retried request succeeds, 1 token back for a
// first-attempt success. Thread-safe; one per client.
class RetryQuota {
public:
    static constexpr int kCapacity = 500;
    static constexpr int kRetryCost = 5;
    static constexpr int kTimeoutCost = 10;
    static constexpr int kNoRetryIncrement = 1;

    explicit RetryQuota(int capacity = kCapacity) : capacity_(capacity), tokens_(capacity) {}
    // Takes the cost of one retry; nullopt when the bucket cannot pay it.
    std::optional<int> acquire(RetryClass why);
    // The request succeeded; last_retry_cost is what its last retry took (0: no retry).
    void on_success(int last_retry_cost);
    // Tokens left.
    int available() const;

private:
    mutable std::mutex mu_;
    int capacity_;
    int tokens_;
};

// What to do after a failed attempt.
struct RetryDecision {
    bool retry = false;
    std::chrono::milliseconds delay{0};
    int cost = 0;  // quota taken for this retry
};

// Standard mode over RetryOptions (max attempts, seams) and a quota.
class RetryPolicy {
public:
    static constexpr std::chrono::seconds kMaxBackoff{20};

    explicit RetryPolicy(RetryOptions options);
    int max_attempts() const { return max_attempts_; }
    // After attempt `attempt` (1-based) failed with `error`: retry, and after how long.
    RetryDecision on_failure(const Error& error, int attempt);
    // The request succeeded; last_retry_cost as in RetryQuota::on_success.
    void on_success(int last_retry_cost) { quota_.on_success(last_retry_cost); }
    // rand × min(2^(attempt-1) s, 20 s): the wait after attempt `attempt` failed.
    std::chrono::milliseconds backoff(int attempt) const;
    // Waits through the sleep seam.
    void sleep(std::chrono::milliseconds delay) const;
    const RetryQuota& quota() const { return quota_; }

private:
    RetryOptions options_;
    int max_attempts_;
    RetryQuota quota_;
};

// Clock skew: when the error says the request time was off
// (RequestTimeTooSkewed, RequestExpired, RequestInTheFuture), or is a
// signature error while the server's Date differs from local_now by 4
// minutes or more, the offset to add to the local clock (server - local).
std::optional<std::chrono::seconds> skew_correction(const Error& error, const Headers& response_headers,
                                                    TimePoint local_now);

}  // namespace vd::aws
