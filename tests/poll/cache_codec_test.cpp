// The disk cache's binary encoding: every field survives, shared strings are
// written once, and damaged or foreign bytes are refused, never misread.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "backend/poll/cache_codec.hpp"
#include "backend/poll/snapshot_cache.hpp"
#include "tests/support/field_filler.hpp"

namespace vd::poll {
namespace {

Snapshot full_snapshot() {
    Snapshot s;
    s.taken = TimePoint(std::chrono::seconds(1'800'000'000));
    s.generation = 42;
    s.regions.resize(2);
    testing::FieldFiller filler([](int n) { return "text-" + std::to_string(n); }, [](int n) { return n % kKindCount; });
    for (auto& r : s.regions) filler.fill(r);
    filler.fill(s.drills);
    return s;
}

TEST(CacheCodec, EveryFieldSurvivesARoundTrip) {
    const Snapshot s = full_snapshot();
    const std::string bytes = encode_snapshot(s);
    auto decoded = decode_snapshot(bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    EXPECT_EQ(encode_snapshot(*decoded), bytes);

    // Spot checks, among them fields the JSON cache of earlier versions forgot.
    const auto& r = decoded->regions.at(1);
    ASSERT_EQ(r.db_instances.size(), 2u);
    EXPECT_EQ(r.db_instances[1].security_groups, s.regions[1].db_instances[1].security_groups);
    EXPECT_FALSE(r.db_instances[1].security_groups.empty());
    EXPECT_EQ(r.db_instances[0].master_username, s.regions[1].db_instances[0].master_username);
    EXPECT_EQ(r.recovery_points[1].arn, s.regions[1].recovery_points[1].arn);
    EXPECT_EQ(r.recovery_points[1].extra, s.regions[1].recovery_points[1].extra);
    EXPECT_EQ(r.recovery_points[0].calculated.delete_at, s.regions[1].recovery_points[0].calculated.delete_at);
    EXPECT_EQ(r.status.size(), s.regions[1].status.size());
    ASSERT_EQ(decoded->drills.size(), 2u);
    EXPECT_EQ(decoded->drills[1].rto_seconds, s.drills[1].rto_seconds);
    EXPECT_EQ(decoded->drills[1].pending, s.drills[1].pending);
    EXPECT_EQ(decoded->taken, s.taken);
    EXPECT_EQ(decoded->generation, 42u);
}

TEST(CacheCodec, AStringThatManyPointsShareIsWrittenOnce) {
    const std::string vault_arn = "arn:aws:backup:us-east-1:123456789012:backup-vault:payments-prod-vault";
    auto with_vault = [](const std::string& arn) {
        Snapshot s;
        s.regions.resize(1);
        std::vector<model::RecoveryPoint> points(1000);
        for (size_t i = 0; i < points.size(); ++i) {
            points[i].vault_arn = arn;
            points[i].arn = "rp-" + std::to_string(i);
        }
        s.regions[0].recovery_points = std::move(points);
        return s;
    };
    const std::string bytes = encode_snapshot(with_vault(vault_arn));
    const std::string without = encode_snapshot(with_vault(""));
    // Once in full, then a one- or two-byte reference per point.
    EXPECT_LT(bytes.size() - without.size(), vault_arn.size() + 2 * 1000);
    auto decoded = decode_snapshot(bytes);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->regions[0].recovery_points[999].vault_arn, vault_arn);
    EXPECT_EQ(decoded->regions[0].recovery_points[999].arn, "rp-999");
}

TEST(CacheCodec, EveryTruncationIsRefusedNotMisread) {
    const std::string bytes = encode_snapshot(full_snapshot());
    for (size_t size = 0; size < bytes.size(); ++size) {
        auto decoded = decode_snapshot(std::string_view(bytes).substr(0, size));
        EXPECT_FALSE(decoded.ok()) << "a cache cut at byte " << size << " of " << bytes.size() << " was accepted";
    }
    EXPECT_FALSE(decode_snapshot(bytes + "x").ok());
}

TEST(CacheCodec, AnotherFormatIsNamedInTheError) {
    std::string bytes = encode_snapshot(full_snapshot());
    bytes[8] = static_cast<char>(kCacheFormat + 1);
    auto decoded = decode_snapshot(bytes);
    ASSERT_FALSE(decoded.ok());
    const std::string expected = "cache format " + std::to_string(kCacheFormat + 1) + ", this version reads " +
                                 std::to_string(kCacheFormat);
    EXPECT_NE(decoded.error().message.find(expected), std::string::npos)
        << decoded.error().message;

    auto json = decode_snapshot(R"({"format":1,"regions":[]})");
    ASSERT_FALSE(json.ok());
    EXPECT_EQ(json.error().message, "not a vaultdeck cache");
}

TEST(SnapshotCache, AnOldJsonCacheIsIgnoredWithAMessageAndRemovedOnTheNextSave) {
    auto dir = std::filesystem::temp_directory_path() / ("vaultdeck-cache-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto json = dir / "snapshot-demo.json";
    std::ofstream(json) << R"({"format":1,"regions":[]})";
    auto loaded = load_snapshot_cache(json);
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error().message.find("ignored: not a vaultdeck cache"), std::string::npos) << loaded.error().message;

    auto file = dir / "snapshot-demo.cache";
    ASSERT_TRUE(save_snapshot_cache(file, full_snapshot()).ok());
    EXPECT_FALSE(std::filesystem::exists(json));
    EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    auto again = load_snapshot_cache(file);
    ASSERT_TRUE(again.ok()) << again.error().to_string();
    EXPECT_EQ(again->regions.size(), 2u);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace vd::poll
