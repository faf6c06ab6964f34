// Standard retry mode: classification, backoff, the quota bucket and the
// clock-skew correction, with the jitter and the sleep injected.
#include <gtest/gtest.h>

#include "backend/aws/retry.hpp"
#include "backend/core/time_format.hpp"

using namespace vd;
using namespace vd::aws;
using std::chrono::milliseconds;

namespace {

Error aws_error(std::string code, int status) {
    Error e = make_error(ErrorKind::Aws, "m", std::move(code));
    e.http_status = status;
    return e;
}

RetryOptions fixed_jitter(double r, int attempts = 3) {
    RetryOptions o;
    o.max_attempts = attempts;
    o.random = [r] { return r; };
    o.sleep = [](milliseconds) {};
    return o;
}

}  // namespace

TEST(Retry, ClassifiesThrottlingTransientTimeoutAndTheRest) {
    for (const char* code : {"ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException",
                             "TooManyRequestsException", "ProvisionedThroughputExceededException",
                             "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
                             "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
                             "EC2ThrottledException"}) {
        EXPECT_EQ(classify(aws_error(code, 400)), RetryClass::Throttling) << code;
    }
    for (int status : {500, 502, 503, 504}) EXPECT_EQ(classify(aws_error("", status)), RetryClass::Transient) << status;
    EXPECT_EQ(classify(aws_error("RequestTimeout", 400)), RetryClass::Transient);
    EXPECT_EQ(classify(aws_error("AccessDeniedException", 403)), RetryClass::None);
    EXPECT_EQ(classify(aws_error("ValidationException", 400)), RetryClass::None);
    EXPECT_EQ(classify(aws_error("", 501)), RetryClass::None);
    EXPECT_EQ(classify(aws_error("", 404)), RetryClass::None);

    Error refused = make_error(ErrorKind::Network, "could not connect");
    refused.retryable = true;
    EXPECT_EQ(classify(refused), RetryClass::Transient);
    refused.retryable = false;  // a TLS failure
    EXPECT_EQ(classify(refused), RetryClass::None);
    Error slow = make_error(ErrorKind::Timeout, "timed out");
    slow.retryable = true;
    EXPECT_EQ(classify(slow), RetryClass::Timeout);
    EXPECT_EQ(classify(make_error(ErrorKind::ReadOnly, "no")), RetryClass::None);
    EXPECT_EQ(classify(make_error(ErrorKind::Credentials, "no")), RetryClass::None);
}

TEST(Retry, BackoffIsJitterTimesDoublingCappedAtTwentySeconds) {
    RetryPolicy half(fixed_jitter(0.5));
    EXPECT_EQ(half.backoff(1), milliseconds(500));
    EXPECT_EQ(half.backoff(2), milliseconds(1000));
    EXPECT_EQ(half.backoff(3), milliseconds(2000));
    EXPECT_EQ(half.backoff(5), milliseconds(8000));
    EXPECT_EQ(half.backoff(6), milliseconds(10000));  // 0.5 × min(32 s, 20 s)
    EXPECT_EQ(half.backoff(60), milliseconds(10000));
    RetryPolicy none(fixed_jitter(0.0));
    EXPECT_EQ(none.backoff(4), milliseconds(0));
    RetryPolicy almost(fixed_jitter(0.999));
    EXPECT_LT(almost.backoff(10), milliseconds(20000));
    EXPECT_GT(almost.backoff(10), milliseconds(19900));

    RetryOptions real;
    RetryPolicy random(real);
    for (int i = 0; i < 50; ++i) {
        auto d = random.backoff(2);
        EXPECT_GE(d, milliseconds(0));
        EXPECT_LT(d, milliseconds(2000));
    }
}

TEST(Retry, StopsAtMaxAttemptsAndOnNonRetryableErrors) {
    RetryPolicy p(fixed_jitter(0.25, 3));
    EXPECT_EQ(p.max_attempts(), 3);
    auto first = p.on_failure(aws_error("", 503), 1);
    EXPECT_TRUE(first.retry);
    EXPECT_EQ(first.delay, milliseconds(250));
    EXPECT_EQ(first.cost, 5);
    EXPECT_TRUE(p.on_failure(aws_error("", 503), 2).retry);
    EXPECT_FALSE(p.on_failure(aws_error("", 503), 3).retry);
    EXPECT_FALSE(p.on_failure(aws_error("ValidationException", 400), 1).retry);
    EXPECT_EQ(RetryPolicy(fixed_jitter(0.5, 0)).max_attempts(), 1);
    EXPECT_FALSE(RetryPolicy(fixed_jitter(0.5, 1)).on_failure(aws_error("", 500), 1).retry);
}

TEST(Retry, QuotaCostsFivePerRetryTenPerTimeoutAndRefundsOnSuccess) {
    RetryQuota q;
    EXPECT_EQ(q.available(), 500);
    EXPECT_EQ(q.acquire(RetryClass::Throttling), 5);
    EXPECT_EQ(q.acquire(RetryClass::Timeout), 10);
    EXPECT_EQ(q.available(), 485);
    q.on_success(10);
    EXPECT_EQ(q.available(), 495);
    q.on_success(0);
    EXPECT_EQ(q.available(), 496);
    q.on_success(5);
    q.on_success(0);
    EXPECT_EQ(q.available(), 500) << "never above capacity";

    int retries = 0;
    while (q.acquire(RetryClass::Transient)) ++retries;
    EXPECT_EQ(retries, 100);
    EXPECT_EQ(q.available(), 0);

    RetryPolicy p(fixed_jitter(0.5, 1000));
    int granted = 0;
    for (int attempt = 1; attempt < 1000; ++attempt) {
        if (p.on_failure(aws_error("", 500), attempt).retry) ++granted;
    }
    EXPECT_EQ(granted, 100) << "an empty bucket stops retrying even below max attempts";
    EXPECT_EQ(p.quota().available(), 0);
    p.on_success(5);
    EXPECT_TRUE(p.on_failure(aws_error("", 500), 1).retry);
}

TEST(Retry, SleepGoesThroughTheSeam) {
    std::vector<milliseconds> slept;
    RetryOptions o = fixed_jitter(0.5);
    o.sleep = [&](milliseconds d) { slept.push_back(d); };
    RetryPolicy p(o);
    p.sleep(milliseconds(1234));
    ASSERT_EQ(slept.size(), 1u);
    EXPECT_EQ(slept[0], milliseconds(1234));
}

TEST(Retry, SkewCorrectionFromTheServerDate) {
    TimePoint local = parse_time("2026-05-01T12:00:00Z").value();
    Headers ten_ahead{{"date", format_http_date(local + std::chrono::minutes(10))}};
    Headers one_ahead{{"date", format_http_date(local + std::chrono::minutes(1))}};
    Headers five_behind{{"date", format_http_date(local - std::chrono::minutes(5))}};

    auto skewed = skew_correction(aws_error("RequestTimeTooSkewed", 403), one_ahead, local);
    ASSERT_TRUE(skewed.has_value());
    EXPECT_EQ(*skewed, std::chrono::seconds(60));

    auto sig = skew_correction(aws_error("InvalidSignatureException", 403), ten_ahead, local);
    ASSERT_TRUE(sig.has_value());
    EXPECT_EQ(*sig, std::chrono::seconds(600));
    EXPECT_EQ(skew_correction(aws_error("SignatureDoesNotMatch", 403), five_behind, local),
              std::optional<std::chrono::seconds>(-300));

    EXPECT_FALSE(skew_correction(aws_error("InvalidSignatureException", 403), one_ahead, local).has_value())
        << "a signature error with a close clock is a real signature error";
    EXPECT_FALSE(skew_correction(aws_error("AccessDeniedException", 403), ten_ahead, local).has_value());
    EXPECT_FALSE(skew_correction(aws_error("RequestTimeTooSkewed", 403), {}, local).has_value()) << "no Date";
    EXPECT_FALSE(skew_correction(aws_error("RequestTimeTooSkewed", 403), {{"date", "yesterday"}}, local).has_value());
    EXPECT_FALSE(skew_correction(aws_error("RequestTimeTooSkewed", 403), {{"date", "Sun, 22 Nov 9999 03:00:00 GMT"}},
                                 local).has_value())
        << "an absurd year is not trusted";
}
