#include <gtest/gtest.h>

#include <mutex>

#include "backend/aws/session.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;

namespace {

// A loopback AWS Backup endpoint that checks SigV4 and records who signed.
class FakeBackup {
public:
    FakeBackup() {
        server_.server.Get("/backup-vaults/", [this](const httplib::Request& req, httplib::Response& res) {
            auto scope = sigv4::verify_request(test_support::incoming(req), [](const std::string& key) -> std::optional<std::string> {
                if (key == "AKIDFILE") return "file-secret";
                if (key == "AKIDENV") return "env-secret";
                if (key.rfind("ASIA-", 0) == 0) return "secret-" + key.substr(5);
                return std::nullopt;
            });
            if (!scope.ok()) {
                res.status = 403;
                res.set_header("x-amzn-ErrorType", "InvalidSignatureException");
                res.set_content(R"({"message":")" + scope.error().code + R"("})", "application/json");
                return;
            }
            std::lock_guard<std::mutex> lock(mu_);
            signers_.push_back(scope->access_key_id + "@" + scope->region);
            res.set_content(R"({"BackupVaultList":[]})", "application/json");
        });
        server_.start();
    }
    std::string url() const { return server_.url(); }
    std::vector<std::string> signers() const {
        std::lock_guard<std::mutex> lock(mu_);
        return signers_;
    }

private:
    mutable std::mutex mu_;
    std::vector<std::string> signers_;
    test_support::LoopbackServer server_;
};

// ListBackupVaults, the smallest signed call.
ServiceRequest list_vaults() {
    ServiceRequest r;
    r.service = "backup";
    r.operation = "ListBackupVaults";
    r.method = "GET";
    r.path = "/backup-vaults/";
    return r;
}

const char* kFileKeys = "aws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n";

}  // namespace

TEST(Session, ProfileFromAwsProfileRegionFromTheProfileEndpointFromTheEnvironment) {
    test_support::TempAwsHome home;
    FakeBackup backup;
    home.write_credentials(std::string("[ops]\n") + kFileKeys);
    home.write_config("[profile ops]\nregion = eu-west-2\n");
    home.set("AWS_PROFILE", "ops");
    home.set("AWS_ENDPOINT_URL_BACKUP", backup.url());
    auto session = make_session({});
    ASSERT_TRUE(session.ok()) << session.error().message;
    auto& s = *session.value();
    EXPECT_EQ(s.profile(), "ops");
    EXPECT_EQ(s.region(), "eu-west-2");
    EXPECT_EQ(s.endpoint_for("backup"), backup.url());
    EXPECT_EQ(s.endpoint_for("rds"), "https://rds.eu-west-2.amazonaws.com");
    auto res = s.client_for("backup")->call(list_vaults());
    ASSERT_TRUE(res.ok()) << res.error().to_string();
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(backup.signers(), std::vector<std::string>{"AKIDFILE@eu-west-2"});
    EXPECT_EQ(s.client_for("backup").get(), s.client_for("backup").get());
    EXPECT_EQ(s.client_for("backup", "us-east-1")->options().region, "us-east-1");
}

TEST(Session, EndpointFlagAndRegionFlagWin) {
    test_support::TempAwsHome home;
    FakeBackup backup;
    home.write_credentials(std::string("[default]\n") + kFileKeys);
    home.write_config("[default]\nregion = eu-west-2\nendpoint_url = http://127.0.0.1:1\n");
    home.set("AWS_REGION", "eu-central-1");
    SessionOptions o;
    o.region = "ap-northeast-1";
    o.endpoint_url = backup.url();
    auto session = make_session(o);
    ASSERT_TRUE(session.ok()) << session.error().message;
    EXPECT_EQ(session.value()->region(), "ap-northeast-1");
    auto res = session.value()->client_for("backup")->call(list_vaults());
    ASSERT_TRUE(res.ok()) << res.error().to_string();
    EXPECT_EQ(backup.signers(), std::vector<std::string>{"AKIDFILE@ap-northeast-1"});
}

TEST(Session, AnExplicitProfileSkipsEnvironmentKeysButAwsProfileDoesNot) {
    test_support::TempAwsHome home;
    FakeBackup backup;
    home.write_credentials(std::string("[p]\n") + kFileKeys);
    home.set("AWS_ACCESS_KEY_ID", "AKIDENV");
    home.set("AWS_SECRET_ACCESS_KEY", "env-secret");
    home.set("AWS_REGION", "us-west-2");
    home.set("AWS_ENDPOINT_URL", backup.url());
    SessionOptions flag;
    flag.profile = "p";
    auto by_flag = make_session(flag);
    ASSERT_TRUE(by_flag.ok()) << by_flag.error().message;
    EXPECT_EQ(by_flag.value()->credentials()->credentials()->access_key_id, "AKIDFILE");
    home.set("AWS_PROFILE", "p");
    auto by_env = make_session({});
    ASSERT_TRUE(by_env.ok());
    EXPECT_EQ(by_env.value()->credentials()->credentials()->access_key_id, "AKIDENV");
    ASSERT_TRUE(by_env.value()->client_for("backup")->call(list_vaults()).ok());
    EXPECT_EQ(backup.signers(), std::vector<std::string>{"AKIDENV@us-west-2"});
}

TEST(Session, UnknownNamedProfileIsAnErrorNamingTheFiles) {
    test_support::TempAwsHome home;
    home.set("AWS_REGION", "eu-west-1");
    SessionOptions o;
    o.profile = "ghost";
    auto s = make_session(o);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, ErrorKind::Config);
    EXPECT_EQ(s.error().message, "profile ghost not found in " + home.config_path().string() + " and " +
                                     home.credentials_path().string());
    home.set("AWS_PROFILE", "ghost");
    EXPECT_FALSE(make_session({}).ok());
    home.unset("AWS_PROFILE");
    EXPECT_TRUE(make_session({}).ok());  // a missing default profile is fine
}

TEST(Session, NoRegionIsAnError) {
    test_support::TempAwsHome home;
    auto s = make_session({});
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message, "no region: use --region, AWS_REGION or set region in the profile, or try vaultdeck --demo (no AWS account needed)");
}

TEST(Session, AMalformedConfigFileIsAnError) {
    test_support::TempAwsHome home;
    home.write_config("[default]\nregion\n");
    auto s = make_session({});
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find(home.config_path().string() + " line 2"), std::string::npos);
}

TEST(Session, RetryOptionsFromTheEnvironmentThenTheProfile) {
    test_support::TempAwsHome home;
    home.write_config("[default]\nregion = eu-west-1\nmax_attempts = 7\nretry_mode = legacy\n");
    auto from_profile = make_session({});
    ASSERT_TRUE(from_profile.ok()) << from_profile.error().message;
    EXPECT_EQ(from_profile.value()->client_for("rds")->options().retry.max_attempts, 7);
    EXPECT_EQ(from_profile.value()->client_for("rds")->options().retry.mode, "legacy");
    home.set("AWS_MAX_ATTEMPTS", "2");
    home.set("AWS_RETRY_MODE", "adaptive");
    auto from_env = make_session({});
    ASSERT_TRUE(from_env.ok());
    EXPECT_EQ(from_env.value()->client_for("rds")->options().retry.max_attempts, 2);
    EXPECT_EQ(from_env.value()->client_for("rds")->options().retry.mode, "adaptive");
    home.set("AWS_MAX_ATTEMPTS", "zero");
    auto bad = make_session({});
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("AWS_MAX_ATTEMPTS"), std::string::npos);
    home.set("AWS_MAX_ATTEMPTS", "3");
    home.set("AWS_RETRY_MODE", "yolo");
    EXPECT_FALSE(make_session({}).ok());
}

TEST(Session, CaBundleMustExist) {
    test_support::TempAwsHome home;
    home.set("AWS_REGION", "eu-west-1");
    home.set("AWS_CA_BUNDLE", (home.dir() / "missing.pem").string());
    auto missing = make_session({});
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("missing.pem"), std::string::npos);
    home.unset("AWS_CA_BUNDLE");
    home.write("ca.pem", "-----BEGIN CERTIFICATE-----\n");
    home.write_config("[default]\nca_bundle = ~/ca.pem\n");
    EXPECT_TRUE(make_session({}).ok());
}

TEST(Session, ReadOnlyReachesTheClients) {
    test_support::TempAwsHome home;
    home.set("AWS_REGION", "eu-west-1");
    SessionOptions o;
    o.read_only = true;
    auto s = make_session(o);
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(s.value()->client_for("backup")->options().read_only);
}

TEST(Session, AssumesARoleThroughALoopbackStsAndSignsWithIt) {
    test_support::TempAwsHome home;
    FakeBackup backup;
    test_support::FakeSts sts;
    sts.secrets["AKIDFILE"] = "file-secret";
    home.write_credentials(std::string("[base]\n") + kFileKeys);
    home.write_config("[profile restore]\nrole_arn = arn:aws:iam::123456789012:role/RestoreOperator\nsource_profile = base\n"
                      "region = eu-west-1\n");
    home.set("AWS_ENDPOINT_URL_STS", sts.url());
    home.set("AWS_ENDPOINT_URL_BACKUP", backup.url());
    SessionOptions o;
    o.profile = "restore";
    auto s = make_session(o);
    ASSERT_TRUE(s.ok()) << s.error().message;
    auto res = s.value()->client_for("backup")->call(list_vaults());
    ASSERT_TRUE(res.ok()) << res.error().to_string();
    ASSERT_TRUE(s.value()->client_for("backup")->call(list_vaults()).ok());
    std::vector<std::string> want = {"ASIA-RestoreOperator@eu-west-1", "ASIA-RestoreOperator@eu-west-1"};
    EXPECT_EQ(backup.signers(), want);
    EXPECT_EQ(sts.bodies().size(), 1u);  // cached between calls
    EXPECT_EQ(sts.signers(), std::vector<std::string>{"AKIDFILE"});
}

TEST(Session, NoCredentialsIsOneLineListingTheProvidersTried) {
    test_support::TempAwsHome home;
    FakeBackup backup;
    home.set("AWS_REGION", "eu-west-1");
    home.set("AWS_ENDPOINT_URL", backup.url());
    auto s = make_session({});
    ASSERT_TRUE(s.ok());
    auto res = s.value()->client_for("backup")->call(list_vaults());
    ASSERT_FALSE(res.ok());
    EXPECT_EQ(res.error().kind, ErrorKind::Credentials);
    EXPECT_NE(res.error().message.find("ec2-imds"), std::string::npos);
    EXPECT_EQ(res.error().message.find('\n'), std::string::npos);
    EXPECT_TRUE(backup.signers().empty());
}
