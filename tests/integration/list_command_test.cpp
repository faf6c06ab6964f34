// `vaultdeck list` end to end against a loopback endpoint that checks every
// SigV4 signature: credentials from the environment or a profile, the three
// output forms, and one clear line on stderr with exit 1 for a wrong secret,
// an unreachable endpoint or a malformed answer.
#include <gtest/gtest.h>
#include <httplib.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "backend/aws/sigv4_verify.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A Backup and RDS endpoint on 127.0.0.1 that answers only requests signed
// with access key "test" and secret "s3cret".
class SignedEndpoint {
public:
    std::string vaults_body = read_file(fs::path(VAULTDECK_SOURCE_DIR) / "tests/services/fixtures/backup/list_backup_vaults.json");
    std::atomic<int> verified{0};

    SignedEndpoint() {
        server_.set_keep_alive_max_count(1);
        server_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
            if (!check(req, res, false)) return;
            if (req.path == "/backup-vaults/") res.set_content(vaults_body, "application/json");
            else res.status = 404;
        });
        server_.Post("/", [this](const httplib::Request& req, httplib::Response& res) {
            if (!check(req, res, true)) return;
            std::string file = req.body.find("Action=DescribeDBSnapshots") != std::string::npos
                                   ? "describe_db_snapshots.xml"
                                   : "describe_db_cluster_snapshots.xml";
            res.set_content(read_file(fs::path(VAULTDECK_SOURCE_DIR) / "tests/services/fixtures/rds" / file), "text/xml");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~SignedEndpoint() {
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    // Verifies the signature; answers 403 the way each protocol does when it is wrong.
    bool check(const httplib::Request& req, httplib::Response& res, bool query_protocol) {
        vd::aws::sigv4::IncomingRequest in;
        in.method = req.method;
        size_t q = req.target.find('?');
        in.path = req.target.substr(0, q);
        in.query = q == std::string::npos ? "" : req.target.substr(q + 1);
        for (const auto& [k, v] : req.headers) in.headers.emplace_back(k, v);
        in.body = req.body;
        auto scope = vd::aws::sigv4::verify_request(in, [](const std::string& key) -> std::optional<std::string> {
            return key == "test" ? std::optional<std::string>("s3cret") : std::nullopt;
        });
        if (scope) {
            ++verified;
            return true;
        }
        res.status = 403;
        if (query_protocol) {
            res.set_content("<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>"
                            "The request signature we calculated does not match</Message></Error><RequestId>r-1</RequestId></ErrorResponse>",
                            "text/xml");
        } else {
            res.set_header("x-amzn-ErrorType", "InvalidSignatureException");
            res.set_content(R"({"message":"The request signature we calculated does not match"})", "application/json");
        }
        return false;
    }

    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
};

struct CommandRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

class ListCommand : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("vaultdeck-list-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
        std::ofstream(dir_ / "credentials") << "[ops]\naws_access_key_id = test\naws_secret_access_key = s3cret\n";
        std::ofstream(dir_ / "config") << "[profile ops]\nregion = eu-west-1\n";
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Runs vaultdeck in a clean environment (no real AWS settings) plus `env`.
    CommandRun run(const std::string& args, const std::string& env) {
        std::string err_file = (dir_ / "stderr").string();
        std::string cmd = "env -i PATH=/usr/bin:/bin HOME=" + dir_.string() + " AWS_EC2_METADATA_DISABLED=true" +
                          " AWS_CONFIG_FILE=" + (dir_ / "config").string() +
                          " AWS_SHARED_CREDENTIALS_FILE=" + (dir_ / "credentials").string() + " " + env + " " +
                          VAULTDECK_BINARY + " " + args + " 2>" + err_file;
        CommandRun r;
        FILE* pipe = ::popen(cmd.c_str(), "r");
        if (pipe == nullptr) return r;
        std::array<char, 4096> buf{};
        size_t n = 0;
        while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
        int status = ::pclose(pipe);
        r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.err = read_file(err_file);
        return r;
    }

    fs::path dir_;
    SignedEndpoint endpoint_;
};

const char* kEnvCredentials = "AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=s3cret AWS_REGION=eu-west-1";

TEST_F(ListCommand, VaultsAsJsonWithCredentialsFromTheEnvironment) {
    CommandRun r = run("list vaults --endpoint-url " + endpoint_.url() + " --output json", kEnvCredentials);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    auto doc = nlohmann::json::parse(r.out);
    const auto& json = doc["BackupVaultList"];  // as `aws backup list-backup-vaults` prints it
    ASSERT_EQ(json.size(), 2u);
    EXPECT_EQ(json[0]["BackupVaultName"], "prod-primary");
    EXPECT_EQ(json[1]["BackupVaultName"], "produção-vault");
    EXPECT_EQ(json[0]["Locked"], true);
    EXPECT_EQ(json[0]["CreationDate"], "2024-06-01T00:00:00+00:00");
    EXPECT_EQ(json[0]["vaultdeck"]["region"], "eu-west-1");
    EXPECT_EQ(doc["vaultdeck"]["schema"], "vaultdeck.list/1");
    EXPECT_EQ(doc["vaultdeck"]["kind"], "vaults");
    EXPECT_GE(endpoint_.verified.load(), 1);
}

TEST_F(ListCommand, DbSnapshotsAsCsvAndTableWithCredentialsFromAProfile) {
    CommandRun csv = run("--profile ops list db-snapshots --endpoint-url " + endpoint_.url() + " --output csv", "");
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(csv.out.substr(0, csv.out.find("\r\n")),
              "snapshotCreateTime,dbSnapshotIdentifier,dbInstanceIdentifier,snapshotType,status,percentProgress,"
              "encrypted,sourceRegion,clusterSnapshot,engine,allocatedStorage,sourceDBSnapshotIdentifier,dbSnapshotArn");
    EXPECT_NE(csv.out.find("rds:orders-prod-2025-11-22-02-35,orders-prod,automated,available,100,true"), std::string::npos);
    EXPECT_NE(csv.out.find("rds:pedidos-cluster-2025-11-22-03-00"), std::string::npos);  // cluster snapshots too

    CommandRun table = run("list db-snapshots --profile ops --endpoint-url " + endpoint_.url(), "");
    ASSERT_EQ(table.exit_code, 0) << table.err;
    std::istringstream lines(table.out);
    std::string header, first;
    std::getline(lines, header);
    std::getline(lines, first);
    EXPECT_EQ(header.rfind("CREATED", 0), 0u);
    EXPECT_EQ(first.rfind("2025-11-22T04:10:00Z", 0), 0u);  // newest first
    EXPECT_EQ(header.find("SNAPSHOT"), first.find("orders-prod-dr-copy"));  // aligned
    EXPECT_GE(endpoint_.verified.load(), 4);
}

TEST_F(ListCommand, AWrongSecretIsOneLineAndExitOne) {
    CommandRun r = run("list vaults --endpoint-url " + endpoint_.url(),
                "AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=wrong AWS_REGION=eu-west-1");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("vaultdeck: InvalidSignatureException", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
    EXPECT_EQ(r.err.find("wrong"), std::string::npos);  // the secret never shows
    CommandRun rds = run("list db-instances --endpoint-url " + endpoint_.url(),
                  "AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=wrong AWS_REGION=eu-west-1");
    EXPECT_EQ(rds.exit_code, 1);
    EXPECT_EQ(rds.err.rfind("vaultdeck: SignatureDoesNotMatch", 0), 0u) << rds.err;
}

TEST_F(ListCommand, AnUnreachableEndpointOrBadInputIsOneLine) {
    CommandRun down = run("list vaults --endpoint-url http://127.0.0.1:1", std::string(kEnvCredentials) + " AWS_MAX_ATTEMPTS=1");
    EXPECT_EQ(down.exit_code, 1);
    EXPECT_EQ(down.out, "");
    EXPECT_EQ(down.err.rfind("vaultdeck: ", 0), 0u);
    EXPECT_EQ(std::count(down.err.begin(), down.err.end(), '\n'), 1);

    CommandRun usage = run("list plans --vault prod-primary --endpoint-url " + endpoint_.url(), kEnvCredentials);
    EXPECT_EQ(usage.exit_code, 64);
    EXPECT_EQ(usage.err, "vaultdeck: --vault does not apply to plans\n");

    CommandRun profile = run("list vaults --profile nobody --endpoint-url " + endpoint_.url(), "");
    EXPECT_EQ(profile.exit_code, 1);
    EXPECT_EQ(std::count(profile.err.begin(), profile.err.end(), '\n'), 1);
}

TEST_F(ListCommand, DemoListsTheEmbeddedSimulatorWithoutAnyAccount) {
    CommandRun r = run("list recovery-points --demo --output json", "AWS_ACCESS_KEY_ID=wrong AWS_SECRET_ACCESS_KEY=wrong");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto doc = nlohmann::json::parse(r.out);
    const auto& points = doc["RecoveryPoints"];
    ASSERT_TRUE(points.is_array());
    ASSERT_FALSE(points.empty());
    EXPECT_TRUE(points[0].contains("RecoveryPointArn"));
    std::set<std::string> classes, regions;
    for (const auto& p : points) {
        classes.insert(p["vaultdeck"]["storageClass"].get<std::string>());
        regions.insert(p["vaultdeck"]["region"].get<std::string>());
    }
    EXPECT_TRUE(classes.contains("WARM") || classes.contains("COLD"));
    EXPECT_FALSE(classes.contains(""));
    // The same regions as status and the console: the demo's primary and DR.
    EXPECT_EQ(regions, (std::set<std::string>{"us-east-1", "us-west-2"}));
    EXPECT_EQ(endpoint_.verified.load(), 0);  // nothing went to the other endpoint
}

TEST_F(ListCommand, AMalformedAnswerIsOneLineNotACrash) {
    endpoint_.vaults_body = R"({"BackupVaultList":[{"BackupVaultName":)";
    CommandRun r = run("list vaults --endpoint-url " + endpoint_.url() + " --output csv", kEnvCredentials);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("ListBackupVaults: the answer is not valid JSON"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

}  // namespace
