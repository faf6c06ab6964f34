// The verifier accepts what the official AWS CLI signs (rest-json, query,
// s3 and session tokens), so the simulator accepts the CLI too; and a wrong
// secret in the CLI is refused.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <mutex>

#include "aws/support/loopback_server.hpp"
#include "backend/aws/sigv4_verify.hpp"

using namespace vd::aws;
using vd::aws::testdata::LoopbackServer;
namespace fs = std::filesystem;

namespace {

struct Verified {
    std::string target;
    std::string error;  // "" when verified
    sigv4::SignatureScope scope;
};

// A server that records whether each request's signature verifies for test/test.
class VerifyingServer {
public:
    VerifyingServer() {
        auto handler = [this](const httplib::Request& req, httplib::Response& res) {
            size_t q = req.target.find('?');
            sigv4::IncomingRequest in{req.method, req.target.substr(0, q),
                                      q == std::string::npos ? "" : req.target.substr(q + 1), {}, req.body};
            for (const auto& [name, value] : req.headers) in.headers.emplace_back(name, value);
            auto r = sigv4::verify_request(in, [](const std::string& k) {
                return k == "test" ? std::optional<std::string>("test") : std::nullopt;
            });
            std::lock_guard lock(mu_);
            seen_.push_back({req.target, r.ok() ? "" : r.error().code + ": " + r.error().message,
                             r.ok() ? r.value() : sigv4::SignatureScope{}});
            res.status = 400;  // the CLI's parsing of the answer is not under test
            res.set_content("{}", "application/json");
        };
        server_.Get(".*", handler);
        server_.Post(".*", handler);
        running_ = std::make_unique<LoopbackServer>(server_);
    }
    ~VerifyingServer() { running_.reset(); }
    std::string url() const { return running_->url(""); }
    std::vector<Verified> seen() {
        std::lock_guard lock(mu_);
        return seen_;
    }

private:
    httplib::Server server_;
    std::unique_ptr<LoopbackServer> running_;
    std::mutex mu_;
    std::vector<Verified> seen_;
};

// Runs the AWS CLI against the server with isolated configuration.
void run_cli(const std::string& url, const std::string& args, const std::string& secret = "test",
             const std::string& token = "") {
    fs::path home = fs::temp_directory_path() / ("vd-awscli-" + std::to_string(::getpid()));
    fs::create_directories(home);
    std::string cmd = "env -i PATH=\"$PATH\" HOME=" + home.string() +
                      " AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null"
                      " AWS_EC2_METADATA_DISABLED=true AWS_MAX_ATTEMPTS=1 AWS_ACCESS_KEY_ID=test"
                      " AWS_SECRET_ACCESS_KEY=" + secret + (token.empty() ? "" : " AWS_SESSION_TOKEN=" + token) +
                      " aws --endpoint-url " + url + " --region eu-west-1 " + args + " >/dev/null 2>&1";
    [[maybe_unused]] int rc = std::system(cmd.c_str());  // fails: the server answers 400 on purpose
    fs::remove_all(home);
}

}  // namespace

TEST(SigV4AwsCli, EveryProtocolTheCliSignsVerifies) {
    VerifyingServer server;
    run_cli(server.url(), "backup list-backup-vaults --max-results 5");
    run_cli(server.url(), "backup list-recovery-points-by-resource --resource-arn arn:aws:rds:eu-west-1:123456789012:db:orders");
    run_cli(server.url(), "rds describe-db-snapshots --db-instance-identifier orders-db");
    run_cli(server.url(), "sts get-caller-identity", "test", "FwoGZXIvYXdzEBYaDH+/token==");
    run_cli(server.url(), "s3api get-bucket-lifecycle-configuration --bucket media-bucket");
    auto seen = server.seen();
    ASSERT_EQ(seen.size(), 5u) << "is the awscli package installed?";
    const char* services[] = {"backup", "backup", "rds", "sts", "s3"};
    for (size_t i = 0; i < seen.size(); ++i) {
        EXPECT_EQ(seen[i].error, "") << seen[i].target;
        EXPECT_EQ(seen[i].scope.service, services[i]) << seen[i].target;
        EXPECT_EQ(seen[i].scope.region, "eu-west-1");
    }
    EXPECT_NE(seen[1].target.find("arn%3Aaws%3Ards"), std::string::npos) << "the ARN travels encoded in the path";
    EXPECT_EQ(seen[3].scope.session_token, "FwoGZXIvYXdzEBYaDH+/token==");
}

TEST(SigV4AwsCli, WrongSecretIsRefused) {
    VerifyingServer server;
    run_cli(server.url(), "backup list-backup-vaults", "not-test");
    auto seen = server.seen();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].error.rfind(std::string(sigv4::verify_code::kMismatch), 0), 0u) << seen[0].error;
}
