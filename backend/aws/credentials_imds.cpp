#include "backend/aws/credentials_imds.hpp"

#include <fmt/format.h>

namespace vd::aws {

namespace {

constexpr const char* kName = "ec2-imds";
constexpr const char* kRolePath = "/latest/meta-data/iam/security-credentials/";

// A setting from the environment, else from the profile.
std::optional<std::string> setting(const char* env, const ConfigSection* profile, const char* key) {
    if (auto v = env_value(env)) return v;
    if (profile) {
        if (auto v = profile->get(key); v && !v->empty()) return v;
    }
    return std::nullopt;
}

// Talks to one IMDS endpoint: a token, then GETs with or without it.
class ImdsClient {
public:
    ImdsClient(std::shared_ptr<HttpTransport> transport, ImdsSettings settings)
        : transport_(std::move(transport)), s_(std::move(settings)) {}

    // The IMDSv2 token, or nullopt when the service issues none (IMDSv1 only, or unreachable).
    std::optional<std::string> token() {
        for (int i = 0; i < std::max(1, s_.attempts); ++i) {
            HttpRequest req = request("PUT", "/latest/api/token");
            req.headers.emplace_back("x-aws-ec2-metadata-token-ttl-seconds", "21600");
            auto res = transport_->send(req);
            if (!res) {
                last_failure_ = res.error().message;
                if (res.error().kind == ErrorKind::Timeout) return std::nullopt;
                continue;
            }
            if (res->status == 200 && !res->body.empty()) return res->body;
            last_failure_ = fmt::format("the token request answered HTTP {}", res->status);
            return std::nullopt;
        }
        return std::nullopt;
    }

    // GETs a metadata path; the token when there is one, IMDSv1 otherwise (if allowed).
    Result<std::string> get(const std::string& path, const std::optional<std::string>& token) {
        if (!token && s_.v1_disabled) {
            return credentials_error(kName, fmt::format("no IMDSv2 token from {} ({}) and IMDSv1 is disabled "
                                                        "(AWS_EC2_METADATA_V1_DISABLED)", s_.endpoint, last_failure_));
        }
        for (int i = 0; i < std::max(1, s_.attempts); ++i) {
            HttpRequest req = request("GET", path);
            if (token) req.headers.emplace_back("x-aws-ec2-metadata-token", *token);
            auto res = transport_->send(req);
            if (!res) {
                last_failure_ = res.error().message;
                continue;
            }
            if (res->status == 200 && !res->body.empty()) return res->body;
            last_failure_ = fmt::format("{} answered HTTP {}", path, res->status);
        }
        return not_configured(kName, fmt::format("instance metadata at {} gave nothing: {}", s_.endpoint, last_failure_));
    }

private:
    HttpRequest request(const char* method, const std::string& path) const {
        HttpRequest req;
        req.method = method;
        req.url = s_.endpoint + path;
        req.connect_timeout = s_.timeout;
        req.timeout = s_.timeout;
        return req;
    }

    std::shared_ptr<HttpTransport> transport_;
    ImdsSettings s_;
    std::string last_failure_ = "no answer";
};

// The instance role's credentials.
class ImdsProvider final : public CredentialsProvider {
public:
    explicit ImdsProvider(CredentialsContext context) : ctx_(std::move(context)) {}

    Result<Credentials> credentials() override {
        ImdsSettings s = imds_settings(ctx_.profile_section());
        if (s.disabled) return not_configured(kName, "AWS_EC2_METADATA_DISABLED is true");
        auto transport = ctx_.metadata();
        if (!transport) return credentials_error(kName, "no HTTP transport for instance metadata", ErrorKind::Internal);
        ImdsClient client(transport, s);
        auto token = client.token();
        auto roles = client.get(kRolePath, token);
        if (!roles) return roles.error();
        std::string role = roles->substr(0, roles->find_first_of("\r\n"));
        if (role.empty()) return not_configured(kName, "the instance has no IAM role");
        auto doc = client.get(kRolePath + role, token);
        if (!doc) return doc.error();
        auto creds = parse_credentials_json(*doc, "Token", kName);
        if (!creds) return not_configured(kName, fmt::format("the instance role {} gave no usable credentials", role));
        return creds;
    }
    std::string name() const override { return kName; }

private:
    CredentialsContext ctx_;
};

}  // namespace

ImdsSettings imds_settings(const ConfigSection* profile) {
    ImdsSettings s;
    s.disabled = parse_bool(env_value("AWS_EC2_METADATA_DISABLED").value_or("")).value_or(false);
    s.v1_disabled =
        parse_bool(setting("AWS_EC2_METADATA_V1_DISABLED", profile, "ec2_metadata_v1_disabled").value_or("")).value_or(false);
    if (auto ep = setting("AWS_EC2_METADATA_SERVICE_ENDPOINT", profile, "ec2_metadata_service_endpoint")) {
        s.endpoint = *ep;
    } else {
        auto mode = setting("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", profile, "ec2_metadata_service_endpoint_mode");
        bool ipv6 = mode && (*mode == "IPv6" || *mode == "ipv6");
        s.endpoint = ipv6 ? "http://[fd00:ec2::254]" : "http://169.254.169.254";
    }
    while (s.endpoint.size() > 1 && s.endpoint.back() == '/') s.endpoint.pop_back();
    s.timeout = metadata_timeout();
    s.attempts = metadata_attempts();
    return s;
}

std::shared_ptr<CredentialsProvider> make_imds_provider(CredentialsContext context) {
    return std::make_shared<ImdsProvider>(std::move(context));
}

Result<std::string> imds_region(const CredentialsContext& context) {
    ImdsSettings s = imds_settings(context.profile_section());
    if (s.disabled) return not_configured(kName, "AWS_EC2_METADATA_DISABLED is true");
    auto transport = context.metadata();
    if (!transport) return make_error(ErrorKind::Internal, "no HTTP transport for instance metadata");
    ImdsClient client(transport, s);
    auto token = client.token();
    auto region = client.get("/latest/meta-data/placement/region", token);
    if (!region) return region.error();
    std::string r = region->substr(0, region->find_first_of("\r\n \t"));
    if (r.empty()) return not_configured(kName, "the instance metadata gave an empty region");
    return r;
}

}  // namespace vd::aws
