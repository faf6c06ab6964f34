#include <gtest/gtest.h>

#include <atomic>
#include <sys/stat.h>
#include <thread>

#include "backend/aws/credentials_cache.hpp"
#include "backend/aws/credentials_chain.hpp"
#include "backend/core/time_format.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;

namespace {

// A provider that counts its calls and answers from a script.
class ScriptedProvider final : public CredentialsProvider {
public:
    explicit ScriptedProvider(std::string name) : name_(std::move(name)) {}
    Result<Credentials> credentials() override {
        int n = ++calls;
        if (delay.count() > 0) std::this_thread::sleep_for(delay);
        if (fail) return credentials_error(name_, "broken");
        if (not_configured_) return not_configured(name_, "nothing here");
        Credentials c;
        c.access_key_id = name_ + "-" + std::to_string(n);
        c.secret_access_key = "s";
        c.expiration = expiration;
        c.source = name_;
        return c;
    }
    std::string name() const override { return name_; }

    std::atomic<int> calls{0};
    std::atomic<bool> fail{false};
    bool not_configured_ = false;
    std::optional<TimePoint> expiration;
    std::chrono::milliseconds delay{0};

private:
    std::string name_;
};

TimePoint t0() { return *parse_time("2026-11-22T03:00:00Z"); }

// A context over the temporary HOME's files.
CredentialsContext context_for(const std::string& profile) {
    auto cfg = load_default_profile_config();
    EXPECT_TRUE(cfg.ok());
    CredentialsContext ctx;
    ctx.config = std::make_shared<ProfileConfig>(cfg.ok() ? std::move(cfg.value()) : ProfileConfig{});
    ctx.profile = profile;
    ctx.transport = std::make_shared<test_support::HttplibTransport>();
    return ctx;
}

}  // namespace

TEST(Chain, FirstProviderWithCredentialsWinsAndIsRemembered) {
    auto a = std::make_shared<ScriptedProvider>("a");
    a->not_configured_ = true;
    auto b = std::make_shared<ScriptedProvider>("b");
    auto c = std::make_shared<ScriptedProvider>("c");
    auto chain = make_chain_provider({a, b, c});
    auto first = chain->credentials();
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->source, "b");
    EXPECT_EQ(a->calls.load(), 1);
    EXPECT_EQ(c->calls.load(), 0);
    ASSERT_TRUE(chain->credentials().ok());
    EXPECT_EQ(a->calls.load(), 1);  // went straight to b
    EXPECT_EQ(b->calls.load(), 2);
}

TEST(Chain, AConfiguredProviderThatFailsStopsTheChain) {
    auto a = std::make_shared<ScriptedProvider>("a");
    a->fail = true;
    auto b = std::make_shared<ScriptedProvider>("b");
    auto r = make_chain_provider({a, b})->credentials();
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("a: broken"), std::string::npos);
    EXPECT_EQ(b->calls.load(), 0);
}

TEST(Chain, DefaultChainListsEveryProviderWhenNothingIsFound) {
    test_support::TempAwsHome home;
    auto r = make_default_chain(context_for("default"))->credentials();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Credentials);
    EXPECT_NE(r.error().message.find("tried environment, assume-role, web-identity, sso, shared-credentials-file, "
                                     "credential-process, config-file, container, ec2-imds"),
              std::string::npos)
        << r.error().message;
}

TEST(Chain, OrderFollowsTheCli) {
    test_support::TempAwsHome home;
    auto exe = home.write("bin/helper", "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIDPROC\",\"SecretAccessKey\":\"s\"}'\n");
    ::chmod(exe.c_str(), 0755);
    home.write_credentials("[p]\naws_access_key_id = AKIDCREDS\naws_secret_access_key = s\n");
    home.write_config("[profile p]\ncredential_process = " + exe.string() +
                      "\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = s\n");
    home.set("AWS_ACCESS_KEY_ID", "AKIDENV");
    home.set("AWS_SECRET_ACCESS_KEY", "s");

    // The environment first, unless --profile named the profile explicitly.
    EXPECT_EQ(make_default_chain(context_for("p"))->credentials()->access_key_id, "AKIDENV");
    ChainOptions explicit_profile;
    explicit_profile.explicit_profile = true;
    // Then the credentials file before credential_process before the config file's keys.
    EXPECT_EQ(make_default_chain(context_for("p"), explicit_profile)->credentials()->access_key_id, "AKIDCREDS");
    home.write_credentials("");
    EXPECT_EQ(make_default_chain(context_for("p"), explicit_profile)->credentials()->access_key_id, "AKIDPROC");
    home.write_config("[profile p]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = s\n");
    EXPECT_EQ(make_default_chain(context_for("p"), explicit_profile)->credentials()->access_key_id, "AKIDCONFIG");
}

TEST(Cache, LongTermCredentialsAreFetchedOnce) {
    auto inner = std::make_shared<ScriptedProvider>("static");
    auto clock = std::make_shared<FixedClock>(t0());
    auto cache = make_cached_provider(inner, {std::chrono::minutes(5), clock});
    EXPECT_EQ(cache->name(), "static");
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(cache->credentials().ok());
    clock->advance(std::chrono::hours(24 * 365));
    ASSERT_TRUE(cache->credentials().ok());
    EXPECT_EQ(inner->calls.load(), 1);
}

TEST(Cache, RefreshesFiveMinutesBeforeExpiry) {
    auto inner = std::make_shared<ScriptedProvider>("sts");
    inner->expiration = t0() + std::chrono::hours(1);
    auto clock = std::make_shared<FixedClock>(t0());
    auto cache = make_cached_provider(inner, {std::chrono::minutes(5), clock});
    EXPECT_EQ(cache->credentials()->access_key_id, "sts-1");
    clock->advance(std::chrono::minutes(54));
    EXPECT_EQ(cache->credentials()->access_key_id, "sts-1");
    EXPECT_EQ(inner->calls.load(), 1);
    clock->advance(std::chrono::minutes(1) + std::chrono::seconds(1));  // 4m59s left
    inner->expiration = t0() + std::chrono::hours(2);
    EXPECT_EQ(cache->credentials()->access_key_id, "sts-2");
    EXPECT_EQ(cache->credentials()->access_key_id, "sts-2");
    EXPECT_EQ(inner->calls.load(), 2);
}

TEST(Cache, AFailedRefreshKeepsValidCredentialsUntilTheyExpire) {
    auto inner = std::make_shared<ScriptedProvider>("sts");
    inner->expiration = t0() + std::chrono::hours(1);
    auto clock = std::make_shared<FixedClock>(t0());
    auto cache = make_cached_provider(inner, {std::chrono::minutes(5), clock});
    ASSERT_TRUE(cache->credentials().ok());
    inner->fail = true;
    clock->advance(std::chrono::minutes(57));
    auto still = cache->credentials();
    ASSERT_TRUE(still.ok());
    EXPECT_EQ(still->access_key_id, "sts-1");
    clock->advance(std::chrono::minutes(4));
    auto expired = cache->credentials();
    ASSERT_FALSE(expired.ok());
    EXPECT_NE(expired.error().message.find("broken"), std::string::npos);
    inner->fail = false;
    EXPECT_EQ(cache->credentials()->access_key_id, "sts-4");  // errors are not cached
}

TEST(Cache, ConcurrentCallersShareOneRefresh) {
    auto inner = std::make_shared<ScriptedProvider>("slow");
    inner->delay = std::chrono::milliseconds(100);
    inner->expiration = t0() + std::chrono::hours(1);
    auto clock = std::make_shared<FixedClock>(t0());
    auto cache = make_cached_provider(inner, {std::chrono::minutes(5), clock});
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            if (cache->credentials().ok()) ++ok;
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(ok.load(), 8);
    EXPECT_EQ(inner->calls.load(), 1);
}

TEST(Cache, CallersKeepUsingValidCredentialsWhileOneRefreshes) {
    auto inner = std::make_shared<ScriptedProvider>("slow");
    inner->expiration = t0() + std::chrono::hours(1);
    auto clock = std::make_shared<FixedClock>(t0());
    auto cache = make_cached_provider(inner, {std::chrono::minutes(5), clock});
    ASSERT_TRUE(cache->credentials().ok());
    clock->advance(std::chrono::minutes(57));
    inner->delay = std::chrono::milliseconds(300);
    std::thread refresher([&] { EXPECT_EQ(cache->credentials()->access_key_id, "slow-2"); });
    while (inner->calls.load() < 2) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    auto start = std::chrono::steady_clock::now();
    auto during = cache->credentials();
    auto waited = std::chrono::steady_clock::now() - start;
    refresher.join();
    ASSERT_TRUE(during.ok());
    EXPECT_EQ(during->access_key_id, "slow-1");
    EXPECT_LT(waited, std::chrono::milliseconds(200));
}
