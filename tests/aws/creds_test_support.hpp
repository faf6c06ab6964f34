// Shared helpers for the credentials, region, endpoint and session tests: a
// temporary HOME with its own AWS files, an environment that is saved and
// restored, and an HttpTransport over cpp-httplib for loopback servers.
#pragma once

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <mutex>

#include "backend/aws/http.hpp"
#include "backend/aws/sigv4_verify.hpp"
#include "backend/core/result.hpp"

namespace vd::aws::test_support {

// Every variable the resolution code reads; tests start with all of them unset.
inline const std::vector<std::string>& aws_env_names() {
    static const std::vector<std::string> names = {
        "HOME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_CREDENTIAL_EXPIRATION",
        "AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_REGION", "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BACKUP", "AWS_ENDPOINT_URL_RDS", "AWS_ENDPOINT_URL_STS",
        "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_SSO", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
        "AWS_EC2_METADATA_DISABLED", "AWS_EC2_METADATA_V1_DISABLED", "AWS_EC2_METADATA_SERVICE_ENDPOINT",
        "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "AWS_METADATA_SERVICE_TIMEOUT",
        "AWS_METADATA_SERVICE_NUM_ATTEMPTS", "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_CA_BUNDLE",
    };
    return names;
}

// Sets or unsets one variable.
inline void set_env(const std::string& name, const std::optional<std::string>& value) {
    if (value) {
        ::setenv(name.c_str(), value->c_str(), 1);
    } else {
        ::unsetenv(name.c_str());
    }
}

// A temporary HOME with empty AWS config and credentials files pointed to by
// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE; IMDS disabled. Restores the
// whole environment and removes the folder when destroyed.
class TempAwsHome {
public:
    TempAwsHome() {
        for (const auto& name : aws_env_names()) {
            const char* v = std::getenv(name.c_str());
            saved_[name] = v ? std::optional<std::string>(v) : std::nullopt;
            ::unsetenv(name.c_str());
        }
        std::string templ = (std::filesystem::temp_directory_path() / "vd-creds-XXXXXX").string();
        std::vector<char> buf(templ.begin(), templ.end());
        buf.push_back('\0');
        dir_ = ::mkdtemp(buf.data());
        std::filesystem::create_directories(dir_ / ".aws");
        set("HOME", dir_.string());
        set("AWS_CONFIG_FILE", config_path().string());
        set("AWS_SHARED_CREDENTIALS_FILE", credentials_path().string());
        set("AWS_EC2_METADATA_DISABLED", "true");
    }
    ~TempAwsHome() {
        for (const auto& [name, value] : saved_) set_env(name, value);
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    TempAwsHome(const TempAwsHome&) = delete;
    TempAwsHome& operator=(const TempAwsHome&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path config_path() const { return dir_ / ".aws" / "config"; }
    std::filesystem::path credentials_path() const { return dir_ / ".aws" / "credentials"; }

    void set(const std::string& name, const std::string& value) { ::setenv(name.c_str(), value.c_str(), 1); }
    void unset(const std::string& name) { ::unsetenv(name.c_str()); }

    // Writes a file under the temporary HOME (parents created) and returns its path.
    std::filesystem::path write(const std::filesystem::path& relative, const std::string& text) const {
        auto path = relative.is_absolute() ? relative : dir_ / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    void write_config(const std::string& text) const { write(config_path(), text); }
    void write_credentials(const std::string& text) const { write(credentials_path(), text); }

private:
    std::filesystem::path dir_;
    std::map<std::string, std::optional<std::string>> saved_;
};

// An httplib server on 127.0.0.1 and an ephemeral port, stopped when destroyed.
class LoopbackServer {
public:
    httplib::Server server;

    // Binds and starts serving in a background thread. Connections close after
    // each answer, so a client that keeps idle connections cannot hold up stop().
    void start() {
        server.set_keep_alive_max_count(1);
        port_ = server.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server.listen_after_bind(); });
        while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LoopbackServer() {
        server.stop();
        if (thread_.joinable()) thread_.join();
    }
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    int port_ = 0;
    std::thread thread_;
};

// An HttpTransport over cpp-httplib, for loopback URLs only.
class HttplibTransport final : public HttpTransport {
public:
    Result<HttpResponse> send(const HttpRequest& request) override {
        ++calls;
        std::string url = request.url;
        const std::string scheme = "http://";
        if (url.rfind(scheme, 0) != 0) return make_error(ErrorKind::Network, "test transport speaks plain http only: " + url);
        size_t slash = url.find('/', scheme.size());
        std::string host_port = url.substr(scheme.size(), slash == std::string::npos ? std::string::npos : slash - scheme.size());
        std::string target = slash == std::string::npos ? "/" : url.substr(slash);
        httplib::Client client("http://" + host_port);
        auto to_timeval = [](std::chrono::milliseconds ms) {
            return std::pair<time_t, time_t>(ms.count() / 1000, (ms.count() % 1000) * 1000);
        };
        auto [cs, cus] = to_timeval(request.connect_timeout);
        auto [rs, rus] = to_timeval(request.timeout);
        client.set_connection_timeout(cs, cus);
        client.set_read_timeout(rs, rus);
        client.set_write_timeout(rs, rus);
        httplib::Request req;
        req.method = request.method;
        req.path = target;
        std::string content_type;
        for (const auto& [k, v] : request.headers) {
            if (k == "content-type" || k == "Content-Type") content_type = v;
            req.headers.emplace(k, v);
        }
        req.body = request.body;
        auto res = client.send(req);
        if (!res) {
            auto err = res.error();
            auto kind = err == httplib::Error::Read || err == httplib::Error::ConnectionTimeout ? ErrorKind::Timeout : ErrorKind::Network;
            return make_error(kind, "test transport: " + httplib::to_string(err));
        }
        HttpResponse out;
        out.status = res->status;
        for (const auto& [k, v] : res->headers) {
            std::string name = k;
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            out.headers.emplace_back(name, v);
        }
        out.body = res->body;
        return out;
    }
    std::atomic<int> calls{0};
};

// The value of a form field in an application/x-www-form-urlencoded body.
inline std::optional<std::string> form_field(const std::string& body, const std::string& name) {
    httplib::Params params;
    httplib::detail::parse_query_text(body, params);
    auto it = params.find(name);
    if (it == params.end()) return std::nullopt;
    return it->second;
}

// The request as the signature checker wants it.
inline sigv4::IncomingRequest incoming(const httplib::Request& req) {
    sigv4::IncomingRequest in;
    in.method = req.method;
    size_t q = req.target.find('?');
    in.path = req.target.substr(0, q);
    in.query = q == std::string::npos ? "" : req.target.substr(q + 1);
    for (const auto& [k, v] : req.headers) in.headers.emplace_back(k, v);
    in.body = req.body;
    return in;
}

// A loopback STS: checks SigV4 for AssumeRole against known keys, accepts
// AssumeRoleWithWebIdentity unsigned, records every form body, and answers
// with credentials named after the role (AccessKeyId "ASIA-<role name>").
class FakeSts {
public:
    std::map<std::string, std::string> secrets;  // access key id -> secret
    std::string fail_code;                       // when set, every call fails with it (HTTP fail_status)
    int fail_status = 403;
    int fail_first = 0;                          // fail this many calls with 503 first
    std::string expiration = "2030-01-01T00:00:00Z";

    FakeSts() {
        server_.server.Post("/", [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
        server_.start();
    }
    std::string url() const { return server_.url(); }
    std::vector<std::string> bodies() const {
        std::lock_guard<std::mutex> lock(mu_);
        return bodies_;
    }
    std::vector<std::string> signers() const {
        std::lock_guard<std::mutex> lock(mu_);
        return signers_;
    }

private:
    void handle(const httplib::Request& req, httplib::Response& res) {
        std::string action = form_field(req.body, "Action").value_or("");
        {
            std::lock_guard<std::mutex> lock(mu_);
            bodies_.push_back(req.body);
            if (fail_first > 0) {
                --fail_first;
                res.status = 503;
                res.set_content("<ErrorResponse><Error><Code>ServiceUnavailable</Code><Message>busy</Message></Error></ErrorResponse>",
                                "text/xml");
                return;
            }
        }
        if (action == "AssumeRole") {
            auto scope = sigv4::verify_request(incoming(req), [this](const std::string& key) -> std::optional<std::string> {
                std::lock_guard<std::mutex> lock(mu_);
                auto it = secrets.find(key);
                if (it == secrets.end()) return std::nullopt;
                return it->second;
            });
            if (!scope.ok()) {
                res.status = 403;
                res.set_content("<ErrorResponse><Error><Code>" + scope.error().code + "</Code><Message>" +
                                    scope.error().message + "</Message></Error><RequestId>req-sig</RequestId></ErrorResponse>",
                                "text/xml");
                return;
            }
            std::lock_guard<std::mutex> lock(mu_);
            signers_.push_back(scope->access_key_id);
        } else if (find_header_value(req, "Authorization")) {
            res.status = 400;
            res.set_content("<ErrorResponse><Error><Code>Signed</Code><Message>web identity calls are unsigned</Message></Error></ErrorResponse>", "text/xml");
            return;
        }
        if (!fail_code.empty()) {
            res.status = fail_status;
            res.set_content("<ErrorResponse><Error><Type>Sender</Type><Code>" + fail_code +
                                "</Code><Message>User is not authorized to perform sts:AssumeRole</Message></Error>"
                                "<RequestId>req-123</RequestId></ErrorResponse>",
                            "text/xml");
            return;
        }
        std::string role = form_field(req.body, "RoleArn").value_or("");
        std::string role_name = role.substr(role.rfind('/') + 1);
        std::string key = "ASIA-" + role_name;
        {
            std::lock_guard<std::mutex> lock(mu_);
            secrets[key] = "secret-" + role_name;
        }
        res.set_content("<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action +
                            "Result><Credentials><AccessKeyId>" + key + "</AccessKeyId><SecretAccessKey>secret-" +
                            role_name + "</SecretAccessKey><SessionToken>token-" + role_name +
                            "</SessionToken><Expiration>" + expiration + "</Expiration></Credentials></" + action +
                            "Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></" + action + "Response>",
                        "text/xml");
    }
    static std::optional<std::string> find_header_value(const httplib::Request& req, const std::string& name) {
        if (!req.has_header(name.c_str())) return std::nullopt;
        return req.get_header_value(name.c_str());
    }

    mutable std::mutex mu_;
    std::vector<std::string> bodies_;
    std::vector<std::string> signers_;
    LoopbackServer server_;  // last: stopped before the rest goes away
};

}  // namespace vd::aws::test_support
