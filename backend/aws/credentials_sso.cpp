#include "backend/aws/credentials_sso.hpp"

#include <openssl/evp.h>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "backend/aws/sigv4.hpp"
#include "backend/core/files.hpp"
#include "backend/core/time_format.hpp"

namespace vd::aws {

namespace {

constexpr const char* kName = "sso";

// The resolved SSO settings of one profile.
struct SsoSettings {
    std::string start_url;
    std::string region;
    std::string account_id;
    std::string role_name;
    std::string session_name;  // empty for the legacy form
};

// Exchanges the cached SSO access token for role credentials.
class SsoProvider final : public CredentialsProvider {
public:
    SsoProvider(CredentialsContext context, SsoOptions options) : ctx_(std::move(context)), opts_(std::move(options)) {}

    Result<Credentials> credentials() override {
        auto settings = resolve();
        if (!settings) return settings.error();
        auto token = access_token(*settings);
        if (!token) return token.error();
        return role_credentials(*settings, *token);
    }
    std::string name() const override { return kName; }

private:
    // The message every "log in again" case ends with.
    std::string login_hint() const { return fmt::format("run `aws sso login --profile {}`", ctx_.profile); }

    // Reads and checks the profile's SSO settings (merged with its sso-session).
    Result<SsoSettings> resolve() const {
        const ConfigSection* profile = ctx_.profile_section();
        if (!profile || (!profile->has("sso_role_name") && !profile->has("sso_account_id"))) {
            return not_configured(kName, "the profile has no sso_account_id or sso_role_name");
        }
        std::map<std::string, std::string> merged = profile->values;
        SsoSettings s;
        if (auto session = profile->get("sso_session"); session && !session->empty()) {
            const ConfigSection* section = ctx_.config->sso_session(*session);
            if (!section) {
                return credentials_error(kName, fmt::format("profile {} names sso_session {}, but there is no [sso-session {}]",
                                                            ctx_.profile, *session, *session), ErrorKind::Config);
            }
            for (const auto& [key, value] : section->values) {
                auto it = merged.find(key);
                if (it != merged.end() && it->second != value) {
                    return credentials_error(kName, fmt::format("{} differs between profile {} and [sso-session {}]", key,
                                                                ctx_.profile, *session), ErrorKind::Config);
                }
                merged[key] = value;
            }
            s.session_name = *session;
        }
        std::vector<std::string> missing;
        auto take = [&](const char* key, std::string& into) {
            auto it = merged.find(key);
            if (it == merged.end() || it->second.empty()) {
                missing.emplace_back(key);
            } else {
                into = it->second;
            }
        };
        take("sso_start_url", s.start_url);
        take("sso_region", s.region);
        take("sso_account_id", s.account_id);
        take("sso_role_name", s.role_name);
        if (!missing.empty()) {
            return credentials_error(kName, fmt::format("profile {} is set up for SSO but lacks {}", ctx_.profile,
                                                        fmt::join(missing, ", ")), ErrorKind::Config);
        }
        return s;
    }

    // The cached access token, if present and not expired.
    Result<std::string> access_token(const SsoSettings& s) const {
        std::filesystem::path dir = opts_.cache_dir.empty() ? home_dir() / ".aws" / "sso" / "cache" : opts_.cache_dir;
        std::string key = s.session_name.empty() ? s.start_url : s.session_name;
        auto path = dir / sso_cache_file_name(key);
        auto text = read_file(path);
        if (!text) return credentials_error(kName, fmt::format("no cached SSO token for {}; {}", key, login_hint()));
        SsoToken token = read_sso_token(*text, ctx_.clock_or_system()->now());
        if (token.state == SsoTokenState::Unreadable)
            return credentials_error(kName, fmt::format("the cached SSO token {} is unreadable; {}", path.string(), login_hint()));
        if (token.state == SsoTokenState::Expired)
            return credentials_error(kName, fmt::format("the SSO token for {} has expired; {}", key, login_hint()));
        return token.access_token;
    }

    // Calls GetRoleCredentials on the portal.
    Result<Credentials> role_credentials(const SsoSettings& s, const std::string& token) const {
        if (!ctx_.transport) return credentials_error(kName, "no HTTP transport to reach the SSO portal", ErrorKind::Internal);
        std::string endpoint = ctx_.endpoint("sso", s.region);
        HttpRequest req;
        req.method = "GET";
        req.url = fmt::format("{}/federation/credentials?role_name={}&account_id={}", endpoint,
                              sigv4::uri_encode(s.role_name, true), sigv4::uri_encode(s.account_id, true));
        req.headers.emplace_back("x-amz-sso_bearer_token", token);
        req.timeout = std::chrono::seconds(30);
        auto res = ctx_.transport->send(req);
        if (!res) {
            return credentials_error(kName, fmt::format("cannot reach the SSO portal at {}: {}", endpoint, res.error().message),
                                     res.error().kind);
        }
        auto doc = nlohmann::json::parse(res->body, nullptr, false);
        if (res->status == 401 || res->status == 403) {
            return credentials_error(kName, fmt::format("the SSO portal refused the cached token for account {} role {}; {}",
                                                        s.account_id, s.role_name, login_hint()));
        }
        if (res->status < 200 || res->status >= 300) {
            std::string code = find_header(res->headers, "x-amzn-errortype").value_or("");
            code = code.substr(0, code.find(':'));
            std::string message = doc.is_object() && doc.contains("message") && doc["message"].is_string()
                                      ? doc["message"].get<std::string>() : "";
            Error e = credentials_error(kName, fmt::format("GetRoleCredentials for account {} role {} failed: HTTP {}{}{}{}",
                                                           s.account_id, s.role_name, res->status,
                                                           code.empty() ? "" : " ", code,
                                                           message.empty() ? "" : ": " + message), ErrorKind::Aws);
            e.code = code;
            e.http_status = res->status;
            return e;
        }
        if (!doc.is_object() || !doc.contains("roleCredentials") || !doc["roleCredentials"].is_object()) {
            return credentials_error(kName, "the SSO portal answer has no roleCredentials", ErrorKind::Parse);
        }
        const auto& rc = doc["roleCredentials"];
        Credentials c;
        c.access_key_id = rc.value("accessKeyId", "");
        c.secret_access_key = rc.value("secretAccessKey", "");
        c.session_token = rc.value("sessionToken", "");
        if (c.access_key_id.empty() || c.secret_access_key.empty()) {
            return credentials_error(kName, "the SSO portal answer lacks accessKeyId or secretAccessKey", ErrorKind::Parse);
        }
        if (rc.contains("expiration") && rc["expiration"].is_number()) {
            c.expiration = from_epoch_seconds(rc["expiration"].get<double>() / 1000.0);
        }
        c.source = kName;
        return c;
    }

    CredentialsContext ctx_;
    SsoOptions opts_;
};

}  // namespace

std::shared_ptr<CredentialsProvider> make_sso_provider(CredentialsContext context, SsoOptions options) {
    return std::make_shared<SsoProvider>(std::move(context), std::move(options));
}

SsoToken read_sso_token(std::string_view text, TimePoint now) {
    auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("accessToken") || !doc["accessToken"].is_string() ||
        !doc.contains("expiresAt") || !doc["expiresAt"].is_string())
        return {};
    auto expires = parse_time(doc["expiresAt"].get<std::string>());
    if (!expires || *expires <= now) return {SsoTokenState::Expired, ""};
    return {SsoTokenState::Valid, doc["accessToken"].get<std::string>()};
}

std::string sso_cache_file_name(const std::string& key) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(key.data(), key.size(), digest, &len, EVP_sha1(), nullptr);
    return sigv4::hex(std::string_view(reinterpret_cast<const char*>(digest), len)) + ".json";
}

}  // namespace vd::aws
