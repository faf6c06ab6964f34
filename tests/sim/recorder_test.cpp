// --record: one JSON line per answer with service, operation, status and
// body, and no STS secret in the file.
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "backend/sim/recorder.hpp"
#include "sim/support/sim_fixture.hpp"

namespace vd::sim {
namespace {

TEST(Recorder, WritesOneLinePerAnswerWithoutSecrets) {
    std::string path = ::testing::TempDir() + "/vaultdeck-record-test.jsonl";
    std::remove(path.c_str());
    auto recorder = ResponseRecorder::open(path);
    ASSERT_TRUE(recorder.ok()) << recorder.error().message;
    auto t = testing::make_sim("small");
    WireResponse vaults = t.call("backup", "GET", "/backup-vaults/");
    vaults.service = "backup";
    vaults.operation = "ListBackupVaults";
    (*recorder)->record(vaults);
    WireResponse assumed = t.query("sts", "AssumeRole", {{"RoleArn", "arn:aws:iam::210987654321:role/A"}, {"RoleSessionName", "rec"}});
    std::string secret = assumed.body.substr(assumed.body.find("<SecretAccessKey>") + 17, 40);
    (*recorder)->record(assumed);
    recorder->reset();

    std::ifstream in(path);
    std::string line;
    std::vector<nlohmann::json> lines;
    while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0]["service"], "backup");
    EXPECT_EQ(lines[0]["operation"], "ListBackupVaults");
    EXPECT_EQ(lines[0]["status"], 200);
    EXPECT_EQ(lines[0]["content_type"], "application/json");
    EXPECT_EQ(nlohmann::json::parse(lines[0]["body"].get<std::string>())["BackupVaultList"].size(), 2u);
    std::string body = lines[1]["body"];
    EXPECT_EQ(body.find(secret), std::string::npos);
    EXPECT_NE(body.find("<SecretAccessKey>REDACTED</SecretAccessKey>"), std::string::npos);
    EXPECT_NE(body.find("<SessionToken>REDACTED</SessionToken>"), std::string::npos);
}

TEST(Recorder, RefusesAFileItCannotOpen) {
    auto recorder = ResponseRecorder::open("/nonexistent-folder/record.jsonl");
    ASSERT_FALSE(recorder.ok());
    EXPECT_NE(recorder.error().message.find("record file"), std::string::npos);
}

}  // namespace
}  // namespace vd::sim
