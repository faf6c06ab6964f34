// The libcurl transport against loopback servers: round trips, connection
// reuse, compression, TLS verification, plain-http policy, proxies,
// timeouts and concurrent use.
#include <gtest/gtest.h>
#include <httplib.h>

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "aws/support/loopback_server.hpp"
#include "backend/aws/curl_transport.hpp"

using namespace vd::aws;
using vd::aws::testdata::closed_port;
using vd::aws::testdata::LoopbackServer;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) {
            setenv(name, value, 1);
        } else {
            unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            setenv(name_.c_str(), old_->c_str(), 1);
        } else {
            unsetenv(name_.c_str());
        }
    }

private:
    std::string name_;
    std::optional<std::string> old_;
};

// Clears the proxy variables so a developer's proxy cannot change the result.
struct NoProxyEnv {
    ScopedEnv a{"http_proxy", nullptr}, b{"HTTP_PROXY", nullptr}, c{"https_proxy", nullptr},
        d{"HTTPS_PROXY", nullptr}, e{"all_proxy", nullptr}, f{"ALL_PROXY", nullptr}, g{"no_proxy", nullptr},
        h{"NO_PROXY", nullptr}, i{"AWS_CA_BUNDLE", nullptr};
};

HttpRequest get(const std::string& url) {
    HttpRequest r;
    r.url = url;
    return r;
}

}  // namespace

TEST(CurlTransport, RoundTripKeepsStatusHeadersAndBody) {
    NoProxyEnv env;
    httplib::Server server;
    server.Post("/echo", [](const httplib::Request& req, httplib::Response& res) {
        res.status = 201;
        res.set_header("X-Amzn-RequestId", "req-1");
        res.set_content(req.get_header_value("Content-Type") + "|" + req.get_header_value("X-Custom") + "|" + req.body,
                        "text/plain");
    });
    server.Get("/missing", [](const httplib::Request&, httplib::Response& res) {
        res.status = 404;
        res.set_content("{\"message\":\"nope\"}", "application/json");
    });
    LoopbackServer running(server);
    auto transport = make_curl_transport();

    HttpRequest post;
    post.method = "POST";
    post.url = running.url("/echo");
    post.headers = {{"Content-Type", "application/json"}, {"X-Custom", "v1"}};
    post.body = "{\"a\":1}";
    auto r = transport->send(post);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->status, 201);
    EXPECT_EQ(r->body, "application/json|v1|{\"a\":1}");
    EXPECT_EQ(find_header(r->headers, "x-amzn-requestid").value_or(""), "req-1");
    for (const auto& header : r->headers) {
        const std::string& name = header.first;
        EXPECT_EQ(name, [&] {
            std::string l = name;
            for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return l;
        }()) << "header names are lower-cased";
    }

    auto missing = transport->send(get(running.url("/missing")));
    ASSERT_TRUE(missing.ok()) << "an HTTP error status is still a response";
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(missing->body, "{\"message\":\"nope\"}");
}

TEST(CurlTransport, ReusesTheConnectionAcrossRequests) {
    NoProxyEnv env;
    httplib::Server server;
    std::mutex mu;
    std::set<int> client_ports;
    int requests = 0;
    server.Get("/", [&](const httplib::Request& req, httplib::Response& res) {
        std::lock_guard lock(mu);
        client_ports.insert(req.remote_port);
        ++requests;
        res.set_content("ok", "text/plain");
    });
    LoopbackServer running(server);
    auto transport = make_curl_transport();
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(transport->send(get(running.url())).ok());
    EXPECT_EQ(requests, 5);
    EXPECT_EQ(client_ports.size(), 1u) << "five requests on one thread share one connection";
}

TEST(CurlTransport, AcceptsCompressedResponses) {
    NoProxyEnv env;
    httplib::Server server;
    std::string accept_encoding;
    const std::string big(20000, 'x');
    server.Get("/", [&](const httplib::Request& req, httplib::Response& res) {
        accept_encoding = req.get_header_value("Accept-Encoding");
        res.set_content("{\"v\":\"" + big + "\"}", "application/json");
    });
    LoopbackServer running(server);
    auto r = make_curl_transport()->send(get(running.url()));
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_NE(accept_encoding.find("gzip"), std::string::npos) << accept_encoding;
    EXPECT_TRUE(find_header(r->headers, "content-encoding").has_value()) << "the server compressed the answer";
    EXPECT_EQ(r->body, "{\"v\":\"" + big + "\"}") << "and the transport decompressed it";
}

TEST(CurlTransport, PlainHttpOnlyToLoopback) {
    NoProxyEnv env;
    auto transport = make_curl_transport();
    for (const char* url : {"http://10.255.255.1/", "http://backup.eu-west-1.amazonaws.com/", "http://127.0.0.1.nip.io/"}) {
        auto r = transport->send(get(url));
        ASSERT_FALSE(r.ok()) << url;
        EXPECT_EQ(r.error().kind, vd::ErrorKind::InvalidInput) << url;
        EXPECT_EQ(r.error().code, "PlainHttpRefused") << url;
        EXPECT_FALSE(r.error().retryable);
    }
    auto bad = transport->send(get("ftp://127.0.0.1/x?X-Amz-Signature=abc"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, vd::ErrorKind::InvalidInput);
    EXPECT_EQ(bad.error().message.find("X-Amz-Signature"), std::string::npos);
}

TEST(CurlTransport, ClosedPortIsARetryableNetworkError) {
    NoProxyEnv env;
    auto r = make_curl_transport()->send(get("http://127.0.0.1:" + std::to_string(closed_port()) + "/?secret=1"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, vd::ErrorKind::Network);
    EXPECT_TRUE(r.error().retryable);
    EXPECT_NE(r.error().message.find("127.0.0.1"), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().message.find("secret"), std::string::npos) << r.error().message;
}

TEST(CurlTransport, SlowServerIsARetryableTimeout) {
    NoProxyEnv env;
    httplib::Server server;
    server.Get("/", [](const httplib::Request&, httplib::Response& res) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        res.set_content("late", "text/plain");
    });
    LoopbackServer running(server);
    HttpRequest r = get(running.url());
    r.timeout = std::chrono::milliseconds(300);
    auto answer = make_curl_transport()->send(r);
    ASSERT_FALSE(answer.ok());
    EXPECT_EQ(answer.error().kind, vd::ErrorKind::Timeout);
    EXPECT_TRUE(answer.error().retryable);
}

TEST(CurlTransport, HonoursProxyVariablesAndNoProxy) {
    NoProxyEnv env;
    httplib::Server origin, proxy;
    std::atomic<int> origin_hits{0};
    std::string proxied_target;
    origin.Get("/via", [&](const httplib::Request&, httplib::Response& res) {
        ++origin_hits;
        res.set_content("origin", "text/plain");
    });
    proxy.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
        proxied_target = req.target;
        res.set_content("proxy", "text/plain");
    });
    LoopbackServer o(origin), p(proxy);
    auto transport = make_curl_transport();
    {
        ScopedEnv http_proxy("http_proxy", ("http://127.0.0.1:" + std::to_string(p.port())).c_str());
        auto r = transport->send(get(o.url("/via")));
        ASSERT_TRUE(r.ok()) << r.error().to_string();
        EXPECT_EQ(r->body, "proxy");
        EXPECT_EQ(proxied_target, o.url("/via")) << "the proxy got the absolute URL";
        EXPECT_EQ(origin_hits, 0);

        ScopedEnv no_proxy("NO_PROXY", "127.0.0.1");
        auto direct = transport->send(get(o.url("/via")));
        ASSERT_TRUE(direct.ok()) << direct.error().to_string();
        EXPECT_EQ(direct->body, "origin");
        EXPECT_EQ(origin_hits, 1);
    }
}

TEST(CurlTransport, VerifiesTlsAgainstTheConfiguredCaBundle) {
    NoProxyEnv env;
    fs::path dir = fs::temp_directory_path() / ("vd-tls-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string cert = (dir / "cert.pem").string(), key = (dir / "key.pem").string();
    std::string cmd = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
                      "-subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " +
                      key + " -out " + cert + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << "openssl could not make a test certificate";

    httplib::SSLServer server(cert.c_str(), key.c_str());
    ASSERT_TRUE(server.is_valid());
    server.Get("/", [](const httplib::Request&, httplib::Response& res) { res.set_content("secure", "text/plain"); });
    LoopbackServer running(server);
    std::string url = "https://127.0.0.1:" + std::to_string(running.port()) + "/";

    auto untrusted = make_curl_transport()->send(get(url));
    ASSERT_FALSE(untrusted.ok()) << "a self-signed certificate is refused by default";
    EXPECT_EQ(untrusted.error().code, "TlsError");
    EXPECT_FALSE(untrusted.error().retryable);

    auto trusted = make_curl_transport(CurlOptions{cert, false})->send(get(url));
    ASSERT_TRUE(trusted.ok()) << trusted.error().to_string();
    EXPECT_EQ(trusted->body, "secure");

    ScopedEnv bundle("AWS_CA_BUNDLE", cert.c_str());
    auto from_env = make_curl_transport()->send(get(url));
    ASSERT_TRUE(from_env.ok()) << from_env.error().to_string();
    fs::remove_all(dir);
}

TEST(CurlTransport, SafeToShareAcrossThreads) {
    NoProxyEnv env;
    httplib::Server server;
    std::atomic<int> hits{0};
    server.Get(R"(/n/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
        ++hits;
        res.set_content(req.matches[1].str(), "text/plain");
    });
    LoopbackServer running(server);
    auto transport = make_curl_transport();
    std::atomic<int> correct{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 15; ++i) {
                std::string n = std::to_string(t * 100 + i);
                auto r = transport->send(get(running.url("/n/" + n)));
                if (r.ok() && r->status == 200 && r->body == n) ++correct;
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(correct, 60);
    EXPECT_EQ(hits, 60);
}
