// Threading: a Session is built once and then shared; endpoint_for and
// credentials only read immutable state, and client_for guards its map of
// clients with a mutex that is never held while calling out.
#include "backend/aws/session.hpp"

#include <charconv>
#include <map>
#include <mutex>
#include <system_error>

#include <fmt/format.h>

#include "backend/aws/credentials_cache.hpp"
#include "backend/aws/credentials_chain.hpp"
#include "backend/aws/curl_transport.hpp"
#include "backend/aws/endpoints.hpp"
#include "backend/aws/profile_config.hpp"
#include "backend/aws/region.hpp"

namespace vd::aws {

namespace {

// Everything resolved once, shared by the session and its clients.
struct SessionState {
    std::string profile;
    bool profile_named = false;  // --profile or AWS_PROFILE, not the default chain
    std::string region;
    std::string endpoint_url;  // --endpoint-url
    std::shared_ptr<const ProfileConfig> config;
    std::shared_ptr<CredentialsProvider> credentials;
    std::shared_ptr<HttpTransport> transport;
    std::shared_ptr<const Clock> clock;
    RetryOptions retry;
    bool read_only = false;
};

// A setting from the environment, else from the profile, with where it came from.
std::optional<std::pair<std::string, std::string>> setting(const char* env, const ConfigSection* profile, const char* key) {
    if (auto v = env_value(env)) return std::make_pair(*v, std::string(env));
    if (profile) {
        if (auto v = profile->get(key); v && !v->empty()) return std::make_pair(*v, fmt::format("{} in the profile", key));
    }
    return std::nullopt;
}

// AWS_MAX_ATTEMPTS / max_attempts and AWS_RETRY_MODE / retry_mode.
Result<RetryOptions> retry_options(const ConfigSection* profile) {
    RetryOptions out;
    if (auto v = setting("AWS_MAX_ATTEMPTS", profile, "max_attempts")) {
        int n = 0;
        const std::string& text = v->first;
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec != std::errc() || ptr != text.data() + text.size() || n < 1) {
            return make_error(ErrorKind::Config, fmt::format("{} must be a whole number of at least 1, not '{}'", v->second, text),
                              "InvalidConfig");
        }
        out.max_attempts = n;
    }
    if (auto v = setting("AWS_RETRY_MODE", profile, "retry_mode")) {
        if (v->first != "standard" && v->first != "legacy" && v->first != "adaptive") {
            return make_error(ErrorKind::Config,
                              fmt::format("{} must be standard, legacy or adaptive, not '{}'", v->second, v->first),
                              "InvalidConfig");
        }
        out.mode = v->first;
    }
    return out;
}

// AWS_CA_BUNDLE / ca_bundle, checked to exist; empty for the system store.
Result<std::string> ca_bundle(const ConfigSection* profile) {
    auto v = setting("AWS_CA_BUNDLE", profile, "ca_bundle");
    if (!v) return std::string();
    auto path = expand_home(v->first);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        return make_error(ErrorKind::Config, fmt::format("the CA bundle {} ({}) is not a readable file", path.string(), v->second),
                          "InvalidConfig");
    }
    return path.string();
}

// One account, profile and region; hands out one client per service and region.
class SessionImpl final : public Session {
public:
    explicit SessionImpl(SessionState state) : s_(std::move(state)) {}

    const std::string& profile() const override { return s_.profile; }
    bool profile_named() const override { return s_.profile_named; }
    const std::string& region() const override { return s_.region; }

    std::string endpoint_for(const std::string& service) const override { return endpoint_in(service, s_.region); }

    std::shared_ptr<CredentialsProvider> credentials() const override { return s_.credentials; }

    std::shared_ptr<AwsClient> client_for(const std::string& service, const std::string& region) const override {
        const std::string& r = region.empty() ? s_.region : region;
        std::string key = service + "|" + r;
        {
            std::lock_guard<std::mutex> lock(mu_);
            if (auto it = clients_.find(key); it != clients_.end()) return it->second;
        }
        ClientOptions o;
        o.region = r;
        o.endpoint_url = endpoint_in(service, r);
        o.credentials = s_.credentials;
        o.transport = s_.transport;
        o.clock = s_.clock;
        o.retry = s_.retry;
        o.read_only = s_.read_only;
        auto client = make_aws_client(std::move(o));
        std::lock_guard<std::mutex> lock(mu_);
        return clients_.emplace(key, std::move(client)).first->second;
    }

private:
    // The endpoint of a service in a region, --endpoint-url first.
    std::string endpoint_in(const std::string& service, const std::string& region) const {
        EndpointInputs in;
        in.service = service;
        in.region = region;
        in.explicit_url = s_.endpoint_url;
        in.config = s_.config.get();
        in.profile = s_.profile;
        return resolve_endpoint(in).url;
    }

    SessionState s_;
    mutable std::mutex mu_;
    mutable std::map<std::string, std::shared_ptr<AwsClient>> clients_;
};

}  // namespace

Result<std::shared_ptr<Session>> make_session(const SessionOptions& options) {
    SessionState s;
    bool named = !options.profile.empty();
    s.profile = options.profile;
    if (s.profile.empty()) {
        if (auto v = env_value("AWS_PROFILE")) {
            s.profile = *v;
            named = true;
        }
    }
    if (s.profile.empty()) s.profile = "default";
    s.profile_named = named;

    auto loaded = load_default_profile_config();
    if (!loaded) return loaded.error();
    s.config = std::make_shared<const ProfileConfig>(std::move(loaded.value()));
    const ConfigSection* profile = s.config->profile(s.profile);
    if (named && !profile) {
        return make_error(ErrorKind::Config,
                          fmt::format("profile {} not found in {}", s.profile, s.config->files_description()), "ProfileNotFound");
    }

    auto retry = retry_options(profile);
    if (!retry) return retry.error();
    s.retry = *retry;
    auto bundle = ca_bundle(profile);
    if (!bundle) return bundle.error();
    s.clock = options.clock ? options.clock : system_clock();
    s.read_only = options.read_only;
    s.endpoint_url = options.endpoint_url;
    std::shared_ptr<HttpTransport> metadata = options.transport;
    s.transport = options.transport;
    if (!s.transport) {
        s.transport = make_curl_transport(CurlOptions{*bundle, false});
        metadata = make_curl_transport(CurlOptions{*bundle, true});  // IMDS and ECS speak plain http to link-local hosts
    }

    CredentialsContext ctx;
    ctx.config = s.config;
    ctx.profile = s.profile;
    ctx.transport = s.transport;
    ctx.metadata_transport = metadata;
    ctx.clock = s.clock;
    ctx.retry = s.retry;
    auto config = s.config;
    std::string profile_name = s.profile;
    ctx.endpoint_for = [config, profile_name](const std::string& service, const std::string& region) {
        EndpointInputs in;
        in.service = service;
        in.region = region;
        in.config = config.get();
        in.profile = profile_name;
        ResolvedEndpoint e = resolve_endpoint(in);
        return e.source == "aws" ? std::string() : e.url;
    };

    auto region = resolve_region(options.region, ctx);
    if (!region) return region.error();
    s.region = region->region;
    ctx.region = s.region;

    ChainOptions chain;
    chain.explicit_profile = !options.profile.empty();
    CacheOptions cache;
    cache.clock = s.clock;
    s.credentials = make_cached_provider(make_default_chain(ctx, chain), cache);
    return std::shared_ptr<Session>(std::make_shared<SessionImpl>(std::move(s)));
}

}  // namespace vd::aws
