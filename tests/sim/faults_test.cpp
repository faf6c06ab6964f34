// Parsing of --faults specifications.
#include <gtest/gtest.h>

#include "backend/sim/faults.hpp"

namespace vd::sim {
namespace {

TEST(Faults, ParsesTheDocumentedExample) {
    auto f = parse_faults("throttle=0.1,error5xx=0.05,latency=20-200ms,reset=0.01,truncate=0.01,skew=900s");
    ASSERT_TRUE(f.ok()) << f.error().message;
    EXPECT_DOUBLE_EQ(f->throttle, 0.1);
    EXPECT_DOUBLE_EQ(f->error5xx, 0.05);
    EXPECT_EQ(f->latency_min.count(), 20);
    EXPECT_EQ(f->latency_max.count(), 200);
    EXPECT_DOUBLE_EQ(f->reset, 0.01);
    EXPECT_DOUBLE_EQ(f->truncate, 0.01);
    EXPECT_EQ(f->skew.count(), 900);
    EXPECT_TRUE(f->any());
}

TEST(Faults, EmptyMeansNone) {
    auto f = parse_faults("");
    ASSERT_TRUE(f.ok());
    EXPECT_FALSE(f->any());
}

TEST(Faults, NegativeSkewAndSingleLatency) {
    auto f = parse_faults(" skew=-600s , latency=50ms ");
    ASSERT_TRUE(f.ok()) << f.error().message;
    EXPECT_EQ(f->skew.count(), -600);
    EXPECT_EQ(f->latency_min.count(), 50);
    EXPECT_EQ(f->latency_max.count(), 50);
}

TEST(Faults, RefusesBadInputWithAClearMessage) {
    for (const char* bad : {"throttle=2", "throttle=x", "latency=200-20ms", "skew=abc", "explode=0.5", "throttle"}) {
        auto f = parse_faults(bad);
        ASSERT_FALSE(f.ok()) << bad;
        EXPECT_NE(f.error().message.find("--faults"), std::string::npos) << f.error().message;
    }
}

}  // namespace
}  // namespace vd::sim
