#include "backend/aws/credentials_web_identity.hpp"

#include <fmt/format.h>

#include "backend/aws/credentials_sts.hpp"
#include "backend/core/files.hpp"

namespace vd::aws {

namespace {

constexpr const char* kName = "web-identity";

// Exchanges the token file for role credentials.
class WebIdentityProvider final : public CredentialsProvider {
public:
    WebIdentityProvider(CredentialsContext context, bool use_environment)
        : ctx_(std::move(context)), use_env_(use_environment) {}

    Result<Credentials> credentials() override {
        auto token_file = setting("AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file");
        if (!token_file) return not_configured(kName, "no AWS_WEB_IDENTITY_TOKEN_FILE or web_identity_token_file");
        auto role_arn = setting("AWS_ROLE_ARN", "role_arn");
        if (!role_arn) {
            return credentials_error(kName, fmt::format("the web identity token file {} is set but no role is "
                                                        "(AWS_ROLE_ARN or role_arn)", *token_file), ErrorKind::Config);
        }
        auto token = read_file(expand_home(*token_file));
        if (!token) return credentials_error(kName, fmt::format("cannot read the web identity token file {}", *token_file));
        std::string value = *token;
        while (!value.empty() && (value.back() == '\n' || value.back() == '\r' || value.back() == ' ')) value.pop_back();
        if (value.empty()) return credentials_error(kName, fmt::format("the web identity token file {} is empty", *token_file));

        StsCall call;
        call.action = "AssumeRoleWithWebIdentity";
        call.what = "role " + *role_arn;
        auto session = setting("AWS_ROLE_SESSION_NAME", "role_session_name");
        call.params = {{"RoleArn", *role_arn},
                       {"RoleSessionName", session.value_or(default_role_session_name(*ctx_.clock_or_system()))},
                       {"WebIdentityToken", value}};
        return call_sts(ctx_, call, kName);
    }
    std::string name() const override { return kName; }

private:
    // The environment variable (unless skipped), else the profile key.
    std::optional<std::string> setting(const char* env, const char* key) const {
        if (use_env_) {
            if (auto v = env_value(env)) return v;
        }
        const ConfigSection* p = ctx_.profile_section();
        if (!p) return std::nullopt;
        auto v = p->get(key);
        if (v && v->empty()) return std::nullopt;
        return v;
    }

    CredentialsContext ctx_;
    bool use_env_;
};

}  // namespace

std::shared_ptr<CredentialsProvider> make_web_identity_provider(CredentialsContext context, bool use_environment) {
    return std::make_shared<WebIdentityProvider>(std::move(context), use_environment);
}

}  // namespace vd::aws
