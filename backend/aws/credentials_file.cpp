#include "backend/aws/credentials_file.hpp"

#include <fmt/format.h>

namespace vd::aws {

namespace {

// Reads the keys of one profile from one of the shared files.
class SharedFileProvider final : public CredentialsProvider {
public:
    SharedFileProvider(CredentialsContext context, SharedFile file) : ctx_(std::move(context)), file_(file) {}

    Result<Credentials> credentials() override {
        const std::string provider = name();
        if (!ctx_.config) return not_configured(provider, "no shared files were read");
        const auto& profiles = file_ == SharedFile::Credentials ? ctx_.config->credentials_file_profiles
                                                                : ctx_.config->config_file_profiles;
        auto it = profiles.find(ctx_.profile);
        if (it == profiles.end()) return not_configured(provider, fmt::format("no profile {} in {}", ctx_.profile, path()));
        const ConfigSection& p = it->second;
        auto key = p.get("aws_access_key_id");
        if (!key || key->empty()) {
            return not_configured(provider, fmt::format("profile {} in {} has no aws_access_key_id", ctx_.profile, path()));
        }
        auto secret = p.get("aws_secret_access_key");
        if (!secret || secret->empty()) {
            return credentials_error(provider, fmt::format("profile {} in {} has aws_access_key_id but no aws_secret_access_key",
                                                           ctx_.profile, path()), ErrorKind::Config);
        }
        Credentials c;
        c.access_key_id = *key;
        c.secret_access_key = *secret;
        auto token = p.get("aws_session_token");
        if (!token || token->empty()) token = p.get("aws_security_token");
        c.session_token = token.value_or("");
        c.source = provider;
        return c;
    }

    std::string name() const override {
        return file_ == SharedFile::Credentials ? "shared-credentials-file" : "config-file";
    }

private:
    std::string path() const {
        return (file_ == SharedFile::Credentials ? ctx_.config->credentials_file : ctx_.config->config_file).string();
    }

    CredentialsContext ctx_;
    SharedFile file_;
};

}  // namespace

std::shared_ptr<CredentialsProvider> make_shared_file_provider(CredentialsContext context, SharedFile file) {
    return std::make_shared<SharedFileProvider>(std::move(context), file);
}

bool has_static_keys(const ConfigSection& profile) {
    return profile.has("aws_access_key_id") || profile.has("aws_secret_access_key");
}

}  // namespace vd::aws
