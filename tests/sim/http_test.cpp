// The simulator over real HTTP on 127.0.0.1 with SigV4-signed requests:
// signatures are checked, refusals come in each protocol's format, faults
// reach the wire, keep-alive connections serve many requests concurrently.
#include <atomic>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "backend/aws/sigv4.hpp"
#include "backend/sim/embedded.hpp"
#include "backend/sim/simulator.hpp"

namespace vd::sim {
namespace {

struct Answer {
    int status = 0;  // 0: no answer (connection dropped or truncated)
    std::string body;
    std::string error_type;
    std::string date;
};

// Signs a request for service/region with the given secret and sends it.
Answer send(int port, const std::string& service, const std::string& method, const std::string& path_and_query,
            const std::string& body = {}, const std::string& secret = "test", const std::string& region = "us-east-1",
            TimePoint signed_at = std::chrono::system_clock::now()) {
    aws::HttpRequest req;
    req.method = method;
    req.url = "http://127.0.0.1:" + std::to_string(port) + path_and_query;
    req.body = body;
    if ((service == "rds" || service == "sts") && method == "POST") {
        req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    }
    if (service == "backup" && !body.empty()) req.headers.emplace_back("Content-Type", "application/json");
    aws::Credentials creds;
    creds.access_key_id = "test";
    creds.secret_access_key = secret;
    aws::sigv4::sign_request(req, creds, aws::sigv4::params_for_service(service, region, signed_at));
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);
    httplib::Headers headers;
    std::string content_type;
    for (const auto& [k, v] : req.headers) {
        if (strcasecmp(k.c_str(), "content-type") == 0) content_type = v;
        else if (strcasecmp(k.c_str(), "host") != 0) headers.emplace(k, v);
    }
    headers.emplace("Host", "127.0.0.1:" + std::to_string(port));
    httplib::Result res = method == "GET"  ? client.Get(path_and_query.c_str(), headers)
                          : method == "PUT" ? client.Put(path_and_query.c_str(), headers, body, content_type.c_str())
                                            : client.Post(path_and_query.c_str(), headers, body, content_type.c_str());
    Answer a;
    if (!res) return a;
    a.status = res->status;
    a.body = res->body;
    a.error_type = res->get_header_value("x-amzn-ErrorType");
    a.date = res->get_header_value("Date");
    return a;
}

std::string xml_code(const std::string& body) {
    pugi::xml_document doc;
    doc.load_string(body.c_str());
    return doc.child("ErrorResponse").child("Error").child_value("Code");
}

class HttpTest : public ::testing::Test {
protected:
    void start(const std::string& faults = {}) {
        SimOptions o;
        o.scenario = "small";
        o.faults = faults;
        sim_ = std::make_unique<EmbeddedSimulator>(o);
        auto port = sim_->start();
        ASSERT_TRUE(port.ok()) << port.error().message;
        port_ = *port;
    }
    std::unique_ptr<EmbeddedSimulator> sim_;
    int port_ = 0;
};

TEST_F(HttpTest, SignedRequestsAreServed) {
    start();
    auto vaults = send(port_, "backup", "GET", "/backup-vaults/");
    ASSERT_EQ(vaults.status, 200) << vaults.body;
    EXPECT_EQ(nlohmann::json::parse(vaults.body)["BackupVaultList"].size(), 2u);
    EXPECT_FALSE(vaults.date.empty());
    auto dbs = send(port_, "rds", "POST", "/", "Action=DescribeDBInstances&Version=2014-10-31");
    EXPECT_EQ(dbs.status, 200) << dbs.body;
    auto get_form = send(port_, "rds", "GET", "/?Action=DescribeDBClusters&Version=2014-10-31");
    EXPECT_EQ(get_form.status, 200) << get_form.body;
    auto point = nlohmann::json::parse(send(port_, "backup", "GET", "/backup-vaults/small-vault/recovery-points/?maxResults=1").body);
    std::string arn = point["RecoveryPoints"][0]["RecoveryPointArn"];
    auto described = send(port_, "backup", "GET", "/backup-vaults/small-vault/recovery-points/" + aws::sigv4::uri_encode(arn, true));
    EXPECT_EQ(described.status, 200) << described.body;
    auto buckets = send(port_, "s3", "GET", "/");
    EXPECT_EQ(buckets.status, 200) << buckets.body;
    EXPECT_EQ(send(port_, "s3", "GET", "/small-media?lifecycle").status, 200);
}

TEST_F(HttpTest, WrongSecretIsRefusedInEachProtocolsFormat) {
    start();
    auto backup = send(port_, "backup", "GET", "/backup-vaults/", {}, "wrong");
    EXPECT_EQ(backup.status, 403);
    EXPECT_EQ(backup.error_type, "InvalidSignatureException");
    EXPECT_EQ(nlohmann::json::parse(backup.body)["__type"], "InvalidSignatureException");
    auto query = send(port_, "rds", "POST", "/", "Action=DescribeDBInstances&Version=2014-10-31", "wrong");
    EXPECT_EQ(query.status, 403);
    EXPECT_EQ(xml_code(query.body), "SignatureDoesNotMatch");
    auto sts = send(port_, "sts", "POST", "/", "Action=GetCallerIdentity&Version=2011-06-15", "wrong");
    EXPECT_EQ(xml_code(sts.body), "SignatureDoesNotMatch");
    auto s3 = send(port_, "s3", "GET", "/", {}, "wrong");
    EXPECT_EQ(s3.status, 403);
    EXPECT_NE(s3.body.find("<Code>SignatureDoesNotMatch</Code>"), std::string::npos);

    httplib::Client client("127.0.0.1", port_);
    auto unsigned_request = client.Get("/backup-vaults/");
    ASSERT_TRUE(unsigned_request);
    EXPECT_EQ(unsigned_request->status, 403);
    EXPECT_EQ(unsigned_request->get_header_value("x-amzn-ErrorType"), "MissingAuthenticationTokenException");
    auto html_free = client.Get("/nothing/here");
    ASSERT_TRUE(html_free);
    EXPECT_EQ(html_free->body.find("<html"), std::string::npos);
}

TEST_F(HttpTest, OldSignaturesAreExpired) {
    start();
    auto old = std::chrono::system_clock::now() - std::chrono::minutes(20);
    auto backup = send(port_, "backup", "GET", "/backup-vaults/", {}, "test", "us-east-1", old);
    EXPECT_EQ(backup.status, 403);
    auto body = nlohmann::json::parse(backup.body);
    EXPECT_EQ(body["__type"], "InvalidSignatureException");
    EXPECT_NE(body["message"].get<std::string>().find("Signature expired"), std::string::npos);
    auto query = send(port_, "sts", "POST", "/", "Action=GetCallerIdentity&Version=2011-06-15", "test", "us-east-1", old);
    EXPECT_EQ(xml_code(query.body), "SignatureDoesNotMatch");
}

TEST_F(HttpTest, SkewedServerClockRefusesFreshSignaturesAndSaysWhyInDate) {
    start("skew=900s");
    auto backup = send(port_, "backup", "GET", "/backup-vaults/");
    EXPECT_EQ(backup.status, 403);
    EXPECT_NE(backup.body.find("Signature expired"), std::string::npos);
    EXPECT_FALSE(backup.date.empty());
    // Signing with the server's own clock is accepted.
    auto skewed = std::chrono::system_clock::now() + std::chrono::seconds(900);
    EXPECT_EQ(send(port_, "backup", "GET", "/backup-vaults/", {}, "test", "us-east-1", skewed).status, 200);
}

TEST_F(HttpTest, ThrottlingAndServerErrorsUseTheServiceFormat) {
    start("throttle=1");
    auto backup = send(port_, "backup", "GET", "/backup-vaults/");
    EXPECT_EQ(backup.error_type, "ThrottlingException");
    EXPECT_EQ(xml_code(send(port_, "rds", "POST", "/", "Action=DescribeDBInstances&Version=2014-10-31").body), "Throttling");
    sim_->stop();
    start("error5xx=1");
    int status = send(port_, "backup", "GET", "/backup-vaults/").status;
    EXPECT_TRUE(status == 500 || status == 503) << status;
}

TEST_F(HttpTest, ResetAndTruncateBreakTheAnswer) {
    start("reset=1");
    EXPECT_EQ(send(port_, "backup", "GET", "/backup-vaults/").status, 0);
    sim_->stop();
    start("truncate=1");
    auto cut = send(port_, "backup", "GET", "/backup-vaults/");
    EXPECT_TRUE(cut.status == 0 || nlohmann::json::parse(cut.body, nullptr, false).is_discarded());
}

TEST_F(HttpTest, ConcurrentClientsOnKeptAliveConnections) {
    start();
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&] {
            for (int n = 0; n < 10; ++n) ok += send(port_, "backup", "GET", "/backup-jobs/?maxResults=5").status == 200;
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(ok.load(), 40);
    httplib::Client keep("127.0.0.1", port_);
    keep.set_keep_alive(true);
    int served = 0;
    for (int i = 0; i < 5; ++i) {
        auto r = keep.Get("/backup-vaults/");
        served += r && r->status == 403;  // unsigned, but answered on the same connection
    }
    EXPECT_EQ(served, 5);
}

TEST(Embedded, RefusesBadOptionsWithAClearMessage) {
    SimOptions o;
    o.faults = "throttle=7";
    EmbeddedSimulator a(o);
    auto r = a.start();
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("throttle"), std::string::npos);
    SimOptions p;
    p.scenario = "nope";
    EXPECT_FALSE(EmbeddedSimulator(p).start().ok());
}

}  // namespace
}  // namespace vd::sim
