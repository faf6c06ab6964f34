#include "backend/aws/credentials_common.hpp"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "backend/aws/endpoints.hpp"
#include "backend/core/time_format.hpp"

namespace vd::aws {

const ConfigSection* CredentialsContext::profile_section() const {
    return config ? config->profile(profile) : nullptr;
}

std::shared_ptr<const Clock> CredentialsContext::clock_or_system() const {
    return clock ? clock : system_clock();
}

std::shared_ptr<HttpTransport> CredentialsContext::metadata() const {
    return metadata_transport ? metadata_transport : transport;
}

std::string CredentialsContext::endpoint(const std::string& service, const std::string& in_region) const {
    if (endpoint_for) {
        std::string url = endpoint_for(service, in_region);
        if (!url.empty()) return url;
    }
    return aws_endpoint(service, in_region);
}

Error not_configured(std::string_view provider, std::string_view why) {
    Error e = make_error(ErrorKind::Credentials, fmt::format("{}: {}", provider, why), std::string(kNotConfigured));
    return e;
}

bool is_not_configured(const Error& error) { return error.code == kNotConfigured; }

Error credentials_error(std::string_view provider, std::string_view message, ErrorKind kind) {
    return make_error(kind, fmt::format("{}: {}", provider, message), "CredentialsError");
}

namespace {

// Returns the same credentials every time.
class StaticProvider final : public CredentialsProvider {
public:
    StaticProvider(Credentials c, std::string name) : creds_(std::move(c)), name_(std::move(name)) {
        if (creds_.source.empty()) creds_.source = name_;
    }
    Result<Credentials> credentials() override { return creds_; }
    std::string name() const override { return name_; }

private:
    Credentials creds_;
    std::string name_;
};

// A string member of a JSON object, or nullopt.
std::optional<std::string> string_field(const nlohmann::json& doc, std::string_view key) {
    auto it = doc.find(std::string(key));
    if (it == doc.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

// A positive integer from the environment, or the fallback.
int env_int(const char* name, int fallback) {
    auto v = env_value(name);
    if (!v) return fallback;
    int out = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || p != v->data() + v->size() || out <= 0) return fallback;
    return out;
}

}  // namespace

std::shared_ptr<CredentialsProvider> make_static_provider(Credentials credentials, std::string name) {
    return std::make_shared<StaticProvider>(std::move(credentials), std::move(name));
}

Result<Credentials> parse_credentials_json(std::string_view body, std::string_view token_field, std::string_view provider) {
    auto doc = nlohmann::json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return credentials_error(provider, "the credentials response is not a JSON object", ErrorKind::Parse);
    }
    Credentials c;
    auto key = string_field(doc, "AccessKeyId");
    auto secret = string_field(doc, "SecretAccessKey");
    if (!key || key->empty()) return credentials_error(provider, "the credentials response has no AccessKeyId", ErrorKind::Parse);
    if (!secret || secret->empty()) {
        return credentials_error(provider, "the credentials response has no SecretAccessKey", ErrorKind::Parse);
    }
    c.access_key_id = *key;
    c.secret_access_key = *secret;
    c.session_token = string_field(doc, token_field).value_or("");
    if (auto exp = string_field(doc, "Expiration")) {
        auto t = parse_time(*exp);
        if (!t) return credentials_error(provider, fmt::format("cannot read the Expiration time '{}'", *exp), ErrorKind::Parse);
        c.expiration = *t;
    }
    c.source = std::string(provider);
    return c;
}

std::chrono::milliseconds metadata_timeout() {
    return std::chrono::milliseconds(1000LL * env_int("AWS_METADATA_SERVICE_TIMEOUT", 1));
}

int metadata_attempts() { return env_int("AWS_METADATA_SERVICE_NUM_ATTEMPTS", 1); }

}  // namespace vd::aws
