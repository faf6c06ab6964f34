// The AwsClient pipeline against a loopback server that checks every
// signature with sigv4_verify: success, errors, retries, skew, read-only.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <mutex>

#include "aws/support/loopback_server.hpp"
#include "backend/aws/client.hpp"
#include "backend/aws/curl_transport.hpp"
#include "backend/aws/sigv4_verify.hpp"
#include "backend/core/time_format.hpp"

using namespace vd;
using namespace vd::aws;
using vd::aws::testdata::closed_port;
using vd::aws::testdata::LoopbackServer;
using std::chrono::milliseconds;

namespace {

const TimePoint kNow = parse_time("2026-06-01T10:00:00Z").value();

// Fixed keys; counts how often the pipeline asked.
class CountingProvider final : public CredentialsProvider {
public:
    CountingProvider(std::string key, std::string secret, std::string token = {})
        : creds_{std::move(key), std::move(secret), std::move(token), {}, "test"} {}
    Result<Credentials> credentials() override {
        ++calls;
        return creds_;
    }
    std::string name() const override { return "test"; }
    std::atomic<int> calls{0};

private:
    Credentials creds_;
};

// What the fake service saw of one request.
struct Seen {
    std::string method, path, query, body, content_type, user_agent;
    bool content_sha256 = false;
    std::string token;
    std::string verify_error;  // empty when the signature verified
};

// A loopback AWS look-alike: verifies the signature (key "test", secret
// "test") at its own clock, then answers with the scripted responses.
class FakeService {
public:
    using Script = std::function<void(int n, httplib::Response&)>;

    FakeService(Protocol protocol, Script script) : protocol_(protocol), script_(std::move(script)) {
        auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
        server_.Get(".*", handler);
        server_.Post(".*", handler);
        server_.Put(".*", handler);
        running_ = std::make_unique<LoopbackServer>(server_);
    }
    ~FakeService() { running_.reset(); }

    std::string url() const { return running_->url(""); }
    int requests() {
        std::lock_guard lock(mu_);
        return static_cast<int>(seen_.size());
    }
    Seen seen(size_t i) {
        std::lock_guard lock(mu_);
        return seen_.at(i);
    }
    // The server's clock at its n-th request (1-based).
    std::function<TimePoint(int n)> clock_at = [](int) { return kNow; };

private:
    void handle(const httplib::Request& req, httplib::Response& res) {
        Seen s;
        s.method = req.method;
        size_t q = req.target.find('?');
        s.path = req.target.substr(0, q);
        s.query = q == std::string::npos ? "" : req.target.substr(q + 1);
        s.body = req.body;
        s.content_type = req.get_header_value("Content-Type");
        s.user_agent = req.get_header_value("User-Agent");
        s.content_sha256 = req.has_header("x-amz-content-sha256");
        s.token = req.get_header_value("X-Amz-Security-Token");
        sigv4::IncomingRequest in{req.method, s.path, s.query, {}, req.body};
        for (const auto& [name, value] : req.headers) in.headers.emplace_back(name, value);
        int n = 0;
        {
            std::lock_guard lock(mu_);
            n = ++arrived_;
        }
        TimePoint now = clock_at(n);
        auto verified = sigv4::verify_request(
            in, [](const std::string& k) { return k == "test" ? std::optional<std::string>("test") : std::nullopt; },
            sigv4::VerifyOptions{.now = now});
        res.set_header("Date", format_http_date(now));
        res.set_header("x-amzn-RequestId", "rid-" + std::to_string(n));
        {
            std::lock_guard lock(mu_);
            if (!verified) s.verify_error = verified.error().code;
            seen_.push_back(s);
        }
        if (!verified) {
            res.status = 403;
            std::string code = sigv4::error_code_for(protocol_, verified.error().code);
            if (protocol_ == Protocol::RestJson) {
                res.set_content(R"({"__type":")" + code + R"(","message":")" + verified.error().message + "\"}",
                                "application/json");
            } else {
                res.set_content("<ErrorResponse><Error><Code>" + code + "</Code><Message>" + verified.error().message +
                                    "</Message></Error><RequestId>x</RequestId></ErrorResponse>",
                                "text/xml");
            }
            return;
        }
        script_(n, res);
    }

    Protocol protocol_;
    Script script_;
    httplib::Server server_;
    std::unique_ptr<LoopbackServer> running_;
    std::mutex mu_;
    int arrived_ = 0;
    std::vector<Seen> seen_;
};

// Always answers 200 with a small JSON body.
void ok_json(int, httplib::Response& res) { res.set_content(R"({"BackupVaultList":[]})", "application/json"); }

struct Harness {
    std::shared_ptr<CountingProvider> provider = std::make_shared<CountingProvider>("test", "test");
    std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(kNow);
    std::vector<milliseconds> sleeps;
    ClientOptions options;

    explicit Harness(const std::string& endpoint) {
        options.region = "eu-west-1";
        options.endpoint_url = endpoint;
        options.credentials = provider;
        options.clock = clock;
        options.transport = make_curl_transport();
        options.retry.random = [] { return 0.5; };
        options.retry.sleep = [this](milliseconds d) { sleeps.push_back(d); };
    }
    std::shared_ptr<AwsClient> client() { return make_aws_client(options); }
};

ServiceRequest list_vaults() {
    ServiceRequest r;
    r.service = "backup";
    r.operation = "ListBackupVaults";
    r.method = "GET";
    r.path = "/backup-vaults/";
    r.query = {{"maxResults", "10"}, {"byVaultType", "BACKUP VAULT"}, {"nextToken", "a/b+c="}};
    return r;
}

}  // namespace

TEST(AwsClient, SignedRestJsonRequestSucceeds) {
    FakeService svc(Protocol::RestJson, ok_json);
    Harness h(svc.url());
    auto r = h.client()->call(list_vaults());
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, R"({"BackupVaultList":[]})");
    ASSERT_EQ(svc.requests(), 1);
    Seen s = svc.seen(0);
    EXPECT_EQ(s.verify_error, "");
    EXPECT_EQ(s.method, "GET");
    EXPECT_EQ(s.path, "/backup-vaults/");
    EXPECT_EQ(s.query, "byVaultType=BACKUP%20VAULT&maxResults=10&nextToken=a%2Fb%2Bc%3D") << "RFC 3986, sorted";
    EXPECT_TRUE(s.user_agent.size() > 10 && s.user_agent.rfind("vaultdeck/", 0) == 0 &&
                std::isdigit(static_cast<unsigned char>(s.user_agent[10])))
        << "vaultdeck/<version>, got " << s.user_agent;
    EXPECT_FALSE(s.content_sha256) << "backup does not get x-amz-content-sha256";
    EXPECT_EQ(h.provider->calls, 1);
}

TEST(AwsClient, QueryProtocolSendsAFormBody) {
    FakeService svc(Protocol::Query, [](int, httplib::Response& res) {
        res.set_content("<DescribeDBSnapshotsResponse/>", "text/xml");
    });
    Harness h(svc.url());
    h.provider = std::make_shared<CountingProvider>("test", "test", "session-token-1");
    h.options.credentials = h.provider;
    ServiceRequest r;
    r.service = "rds";
    r.operation = "DescribeDBSnapshots";
    r.protocol = Protocol::Query;
    r.method = "GET";
    r.query = {{"Version", "2014-10-31"}, {"Action", "DescribeDBSnapshots"}, {"DBInstanceIdentifier", "orders db"}};
    auto answer = h.client()->call(r);
    ASSERT_TRUE(answer.ok()) << answer.error().to_string();
    Seen s = svc.seen(0);
    EXPECT_EQ(s.verify_error, "");
    EXPECT_EQ(s.method, "POST");
    EXPECT_EQ(s.query, "");
    EXPECT_EQ(s.body, "Action=DescribeDBSnapshots&DBInstanceIdentifier=orders%20db&Version=2014-10-31");
    EXPECT_EQ(s.content_type, "application/x-www-form-urlencoded; charset=utf-8");
    EXPECT_EQ(s.token, "session-token-1") << "the session token travels, signed";
    EXPECT_FALSE(s.content_sha256);
}

TEST(AwsClient, S3IsPathStyleAndSignsThePayloadHash) {
    FakeService svc(Protocol::RestXml, [](int, httplib::Response& res) {
        res.set_content("<LifecycleConfiguration/>", "application/xml");
    });
    Harness h(svc.url() + "/");
    ServiceRequest r;
    r.service = "s3";
    r.operation = "GetBucketLifecycleConfiguration";
    r.protocol = Protocol::RestXml;
    r.path = "/media-bucket";
    r.query = {{"lifecycle", ""}};
    auto answer = h.client()->call(r);
    ASSERT_TRUE(answer.ok()) << answer.error().to_string();
    Seen s = svc.seen(0);
    EXPECT_EQ(s.verify_error, "");
    EXPECT_EQ(s.path, "/media-bucket");
    EXPECT_EQ(s.query, "lifecycle=");
    EXPECT_TRUE(s.content_sha256);
}

TEST(AwsClient, WrongSecretGivesTheParsedSignatureError) {
    FakeService svc(Protocol::RestJson, ok_json);
    Harness h(svc.url());
    h.options.credentials = std::make_shared<CountingProvider>("test", "wrong-secret");
    auto r = h.client()->call(list_vaults());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Aws);
    EXPECT_EQ(r.error().code, "InvalidSignatureException");
    EXPECT_EQ(r.error().http_status, 403);
    EXPECT_EQ(r.error().request_id, "rid-1");
    EXPECT_FALSE(r.error().retryable);
    EXPECT_EQ(r.error().message.find("wrong-secret"), std::string::npos);
    EXPECT_EQ(svc.requests(), 1) << "a signature error with a close clock is not retried";
    EXPECT_TRUE(h.sleeps.empty());
}

TEST(AwsClient, ThrottlingIsRetriedWithBackoffThenSucceeds) {
    FakeService svc(Protocol::RestJson, [](int n, httplib::Response& res) {
        if (n <= 2) {
            res.status = 400;
            res.set_content(R"({"__type":"ThrottlingException","message":"Rate exceeded"})", "application/json");
        } else {
            ok_json(n, res);
        }
    });
    Harness h(svc.url());
    auto r = h.client()->call(list_vaults());
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(svc.requests(), 3);
    EXPECT_EQ(h.sleeps, (std::vector<milliseconds>{milliseconds(500), milliseconds(1000)}));
    EXPECT_EQ(h.provider->calls, 3) << "credentials are fetched for every attempt";
    for (int i = 0; i < 3; ++i) EXPECT_EQ(svc.seen(i).verify_error, "") << i;
}

TEST(AwsClient, ServerErrorsGiveUpAfterThreeAttempts) {
    FakeService svc(Protocol::RestJson, [](int, httplib::Response& res) {
        res.status = 500;
        res.set_content(R"({"__type":"ServiceUnavailableException","message":"try later"})", "application/json");
    });
    Harness h(svc.url());
    auto r = h.client()->call(list_vaults());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(svc.requests(), 3);
    EXPECT_EQ(r.error().http_status, 500);
    EXPECT_EQ(r.error().code, "ServiceUnavailableException");
    EXPECT_TRUE(r.error().retryable);
    EXPECT_NE(r.error().message.find("3 attempts"), std::string::npos) << r.error().message;
    EXPECT_EQ(h.sleeps.size(), 2u);

    h.options.retry.max_attempts = 5;
    auto five = h.client()->call(list_vaults());
    EXPECT_FALSE(five.ok());
    EXPECT_EQ(svc.requests(), 3 + 5) << "max attempts come from the options (AWS_MAX_ATTEMPTS)";
}

TEST(AwsClient, ClockSkewIsCorrectedFromTheServerDateAndKept) {
    FakeService svc(Protocol::RestJson, ok_json);
    svc.clock_at = [](int) { return kNow + std::chrono::minutes(17); };  // the local clock is 17 minutes slow
    Harness h(svc.url());
    auto client = h.client();
    auto r = client->call(list_vaults());
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    ASSERT_EQ(svc.requests(), 2);
    EXPECT_EQ(svc.seen(0).verify_error, sigv4::verify_code::kSkewed);
    EXPECT_EQ(svc.seen(1).verify_error, "");
    EXPECT_TRUE(h.sleeps.empty()) << "the corrected retry goes at once";

    auto again = client->call(list_vaults());
    ASSERT_TRUE(again.ok()) << again.error().to_string();
    EXPECT_EQ(svc.requests(), 3) << "the offset is kept for later requests";
    EXPECT_EQ(svc.seen(2).verify_error, "");
}

TEST(AwsClient, SkewIsCorrectedOnlyOnce) {
    FakeService svc(Protocol::RestJson, ok_json);
    // The server's clock runs away between the two attempts: a second skew error is final.
    svc.clock_at = [](int n) { return kNow + std::chrono::hours(n == 1 ? 1 : 3); };
    Harness h(svc.url());
    auto r = h.client()->call(list_vaults());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "InvalidSignatureException");
    EXPECT_EQ(svc.requests(), 2);
}

TEST(AwsClient, OneClientServesSeveralThreads) {
    FakeService svc(Protocol::RestJson, ok_json);
    Harness h(svc.url());
    auto client = h.client();
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 10; ++i) ok += client->call(list_vaults()).ok();
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(ok, 40);
    EXPECT_EQ(svc.requests(), 40);
    for (int i = 0; i < 40; ++i) EXPECT_EQ(svc.seen(i).verify_error, "") << i;
}

TEST(AwsClient, ReadOnlyRefusesMutatingCallsWithoutSending) {
    FakeService svc(Protocol::RestJson, ok_json);
    Harness h(svc.url());
    h.options.read_only = true;
    ServiceRequest start;
    start.service = "backup";
    start.operation = "StartRestoreJob";
    start.method = "PUT";
    start.path = "/restore-jobs";
    start.body = R"({"RecoveryPointArn":"arn:aws:backup:x"})";
    start.mutating = true;
    auto r = h.client()->call(start);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::ReadOnly);
    EXPECT_EQ(svc.requests(), 0);
    EXPECT_EQ(h.provider->calls, 0);

    auto reading = h.client()->call(list_vaults());
    EXPECT_TRUE(reading.ok()) << "reads still work when read-only";
}

TEST(AwsClient, ClosedPortIsANetworkErrorAfterRetries) {
    Harness h("http://127.0.0.1:" + std::to_string(closed_port()));
    auto r = h.client()->call(list_vaults());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Network);
    EXPECT_TRUE(r.error().retryable);
    EXPECT_EQ(h.sleeps.size(), 2u) << "three attempts";
    EXPECT_EQ(h.provider->calls, 3);
}

// Records requests without sending anything anywhere.
class RecordingTransport final : public HttpTransport {
public:
    Result<HttpResponse> send(const HttpRequest& request) override {
        sent.push_back(request);
        return HttpResponse{200, {}, "{}"};
    }
    std::vector<HttpRequest> sent;
};

TEST(AwsClient, RealEndpointsAreBuiltFromServiceAndRegion) {
    auto transport = std::make_shared<RecordingTransport>();
    Harness h("");
    h.options.transport = transport;
    auto client = h.client();
    ASSERT_TRUE(client->call(list_vaults()).ok());
    ServiceRequest s3;
    s3.service = "s3";
    s3.protocol = Protocol::RestXml;
    s3.path = "/media";
    s3.query = {{"lifecycle", ""}};
    ASSERT_TRUE(client->call(s3).ok());
    ServiceRequest sts;
    sts.service = "sts";
    sts.protocol = Protocol::Query;
    sts.query = {{"Action", "GetCallerIdentity"}, {"Version", "2011-06-15"}};
    ASSERT_TRUE(client->call(sts).ok());
    ASSERT_EQ(transport->sent.size(), 3u);
    EXPECT_EQ(transport->sent[0].url, "https://backup.eu-west-1.amazonaws.com/backup-vaults/"
                                      "?byVaultType=BACKUP%20VAULT&maxResults=10&nextToken=a%2Fb%2Bc%3D");
    EXPECT_EQ(transport->sent[1].url, "https://s3.eu-west-1.amazonaws.com/media?lifecycle=");
    EXPECT_EQ(transport->sent[2].url, "https://sts.eu-west-1.amazonaws.com/");
    EXPECT_EQ(transport->sent[2].body, "Action=GetCallerIdentity&Version=2011-06-15");
    EXPECT_EQ(find_header(transport->sent[2].headers, "host").value_or(""), "sts.eu-west-1.amazonaws.com");
    EXPECT_TRUE(find_header(transport->sent[1].headers, "x-amz-content-sha256").has_value());
}

TEST(AwsClient, ConfigurationProblemsAreClearErrors) {
    auto transport = std::make_shared<RecordingTransport>();
    Harness h("");
    h.options.transport = transport;
    h.options.region.clear();
    auto no_region = h.client()->call(list_vaults());
    ASSERT_FALSE(no_region.ok());
    EXPECT_EQ(no_region.error().kind, ErrorKind::Config);

    h.options.region = "eu-west-1";
    h.options.endpoint_url = "not a url";
    auto bad = h.client()->call(list_vaults());
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, ErrorKind::Config);
    EXPECT_TRUE(transport->sent.empty());
}
