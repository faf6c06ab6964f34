#include "backend/aws/credentials_container.hpp"

#include <array>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "backend/aws/url.hpp"
#include "backend/core/files.hpp"

namespace vd::aws {

namespace {

constexpr const char* kName = "container";

// The Authorization header value, from the token file (first) or the variable; empty when none.
Result<std::string> authorization_token() {
    std::string token;
    if (auto file = env_value("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")) {
        auto text = read_file(expand_home(*file));
        if (!text) return credentials_error(kName, fmt::format("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE {}", *file));
        token = *text;
        while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
    } else if (auto value = env_value("AWS_CONTAINER_AUTHORIZATION_TOKEN")) {
        token = *value;
    }
    if (token.find_first_of("\r\n") != std::string::npos) {
        return credentials_error(kName, "the container authorization token contains a line break", ErrorKind::Config);
    }
    return token;
}

// Asks the container credentials endpoint.
class ContainerProvider final : public CredentialsProvider {
public:
    ContainerProvider(CredentialsContext context, ContainerOptions options)
        : ctx_(std::move(context)), opts_(std::move(options)) {}

    Result<Credentials> credentials() override {
        auto relative = env_value("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        auto full = env_value("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        if (!relative && !full) {
            return not_configured(kName, "no AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI");
        }
        std::string url;
        if (relative) {
            url = opts_.relative_host + (relative->front() == '/' ? "" : "/") + *relative;
        } else {
            auto ok = check_container_full_uri(*full);
            if (!ok) return ok.error();
            url = *full;
        }
        auto token = authorization_token();
        if (!token) return token.error();
        auto transport = ctx_.metadata();
        if (!transport) return credentials_error(kName, "no HTTP transport for the container endpoint", ErrorKind::Internal);

        Error last = make_error(ErrorKind::Internal, "no attempt made");
        for (int attempt = 1; attempt <= std::max(1, opts_.attempts); ++attempt) {
            if (attempt > 1) std::this_thread::sleep_for(opts_.retry_pause);
            HttpRequest req;
            req.url = url;
            req.connect_timeout = opts_.timeout;
            req.timeout = opts_.timeout;
            req.headers.emplace_back("Accept", "application/json");
            if (!token->empty()) req.headers.emplace_back("Authorization", *token);
            auto res = transport->send(req);
            if (!res) {
                last = credentials_error(kName, fmt::format("cannot reach {}: {}", url, res.error().message), res.error().kind);
                continue;
            }
            if (res->status == 200) return parse_credentials_json(res->body, "Token", kName);
            last = refusal(url, *res);
            if (res->status < 500) return last;
        }
        return last;
    }
    std::string name() const override { return kName; }

private:
    // An error for a non-200 answer, with the endpoint's code and message when it gave them.
    static Error refusal(const std::string& url, const HttpResponse& res) {
        auto doc = nlohmann::json::parse(res.body, nullptr, false);
        std::string detail;
        if (doc.is_object()) {
            std::string code = doc.contains("code") && doc["code"].is_string() ? doc["code"].get<std::string>() : "";
            std::string msg = doc.contains("message") && doc["message"].is_string() ? doc["message"].get<std::string>() : "";
            detail = code.empty() ? msg : (msg.empty() ? code : code + ": " + msg);
        }
        Error e = credentials_error(kName, fmt::format("{} answered HTTP {}{}{}", url, res.status, detail.empty() ? "" : ": ",
                                                       detail));
        e.http_status = res.status;
        return e;
    }

    CredentialsContext ctx_;
    ContainerOptions opts_;
};

}  // namespace

Status check_container_full_uri(const std::string& uri) {
    auto url = parse_url(uri);
    if (!url) return credentials_error(kName, fmt::format("AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL: {}", uri), ErrorKind::Config);
    if (url->scheme == "https") return ok_status();
    static const std::array<std::string_view, 4> kContainerHosts = {"169.254.170.2", "169.254.170.23", "fd00:ec2::23",
                                                                   "localhost"};
    if (url->scheme == "http") {
        if (is_loopback_host(url->host)) return ok_status();
        for (auto host : kContainerHosts) {
            if (url->host == host) return ok_status();
        }
    }
    return credentials_error(kName, fmt::format("AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback "
                                                "address or the container agent, not {}", uri), ErrorKind::Config);
}

std::shared_ptr<CredentialsProvider> make_container_provider(CredentialsContext context, ContainerOptions options) {
    return std::make_shared<ContainerProvider>(std::move(context), std::move(options));
}

}  // namespace vd::aws
