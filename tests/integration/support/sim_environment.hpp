// A test fixture for code that talks to the embedded simulator: a temporary
// HOME, test credentials and AWS files of its own (never real AWS), and a
// poller over both scenario regions at the simulator's endpoint.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "backend/poll/poller.hpp"

namespace vd::test {

class SimEnvironment : public ::testing::Test {
protected:
    void SetUp() override {
        home_ = std::filesystem::temp_directory_path() / ("vaultdeck-it-" + std::to_string(::getpid()));
        std::filesystem::create_directories(home_);
        ::setenv("HOME", home_.c_str(), 1);
        ::setenv("AWS_ACCESS_KEY_ID", "test", 1);
        ::setenv("AWS_SECRET_ACCESS_KEY", "test", 1);
        ::setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
        ::setenv("AWS_CONFIG_FILE", (home_ / "config").c_str(), 1);
        ::setenv("AWS_SHARED_CREDENTIALS_FILE", (home_ / "credentials").c_str(), 1);
        ::unsetenv("AWS_PROFILE");
        ::unsetenv("AWS_SESSION_TOKEN");
    }
    void TearDown() override { std::filesystem::remove_all(home_); }

    // A poller over both scenario regions at the simulator's endpoint; with
    // `organization_view`, jobs of every account (accountId ANY); `clock`
    // (default: the system clock) signs requests and stamps snapshots.
    std::unique_ptr<poll::Poller> poller_for(const std::string& endpoint, std::filesystem::path cache = {},
                                             bool organization_view = false, std::shared_ptr<const Clock> clock = {}) {
        poll::PollerOptions o;
        o.clock = std::move(clock);
        o.fetch.organization_view = organization_view;
        o.targets.push_back({"test", "", "production", {"us-east-1", "us-west-2"}, endpoint});
        o.cache_file = std::move(cache);
        auto p = poll::make_poller(std::move(o));
        EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().to_string());
        return p.ok() ? std::move(*p) : nullptr;
    }

    std::filesystem::path home_;
};

}  // namespace vd::test
