#include <gtest/gtest.h>

#include "backend/aws/credentials_file.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;

namespace {

// A context for one profile over the files in the temporary HOME.
CredentialsContext context_for(const std::string& profile) {
    auto cfg = load_default_profile_config();
    EXPECT_TRUE(cfg.ok());
    CredentialsContext ctx;
    ctx.config = std::make_shared<ProfileConfig>(std::move(cfg.value()));
    ctx.profile = profile;
    return ctx;
}

}  // namespace

TEST(SharedFileProvider, ReadsStaticKeysFromTheCredentialsFile) {
    test_support::TempAwsHome home;
    home.write_credentials("[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n"
                           "[temp]\naws_access_key_id = AKIDTEMP\naws_secret_access_key = s\naws_session_token = tok\n");
    auto c = make_shared_file_provider(context_for("default"), SharedFile::Credentials)->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "AKIDFILE");
    EXPECT_EQ(c->secret_access_key, "file-secret");
    EXPECT_TRUE(c->session_token.empty());
    EXPECT_EQ(c->source, "shared-credentials-file");

    auto t = make_shared_file_provider(context_for("temp"), SharedFile::Credentials)->credentials();
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->session_token, "tok");
}

TEST(SharedFileProvider, ReadsStaticKeysFromTheConfigFileOnlyInConfigMode) {
    test_support::TempAwsHome home;
    home.write_config("[profile cfg]\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfg-secret\n");
    auto from_creds = make_shared_file_provider(context_for("cfg"), SharedFile::Credentials);
    auto from_config = make_shared_file_provider(context_for("cfg"), SharedFile::Config);
    EXPECT_EQ(from_config->name(), "config-file");
    auto a = from_creds->credentials();
    ASSERT_FALSE(a.ok());
    EXPECT_TRUE(is_not_configured(a.error()));
    auto b = from_config->credentials();
    ASSERT_TRUE(b.ok()) << b.error().message;
    EXPECT_EQ(b->access_key_id, "AKIDCFG");
    EXPECT_EQ(b->source, "config-file");
}

TEST(SharedFileProvider, MissingProfileOrKeysIsNotConfigured) {
    test_support::TempAwsHome home;
    home.write_credentials("[other]\nregion = x\n");
    auto a = make_shared_file_provider(context_for("nope"), SharedFile::Credentials)->credentials();
    ASSERT_FALSE(a.ok());
    EXPECT_TRUE(is_not_configured(a.error()));
    auto b = make_shared_file_provider(context_for("other"), SharedFile::Credentials)->credentials();
    ASSERT_FALSE(b.ok());
    EXPECT_TRUE(is_not_configured(b.error()));
}

TEST(SharedFileProvider, AKeyWithoutItsSecretIsAConfigErrorNamingTheFile) {
    test_support::TempAwsHome home;
    home.write_credentials("[half]\naws_access_key_id = AKIDHALF\n");
    auto c = make_shared_file_provider(context_for("half"), SharedFile::Credentials)->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_FALSE(is_not_configured(c.error()));
    EXPECT_EQ(c.error().kind, ErrorKind::Config);
    EXPECT_NE(c.error().message.find("aws_secret_access_key"), std::string::npos);
    EXPECT_NE(c.error().message.find(home.credentials_path().string()), std::string::npos);
}

TEST(SharedFileProvider, ReReadsNothingButTheLoadedConfig) {
    test_support::TempAwsHome home;
    home.write_credentials("[default]\naws_access_key_id = FIRST\naws_secret_access_key = s\n");
    auto p = make_shared_file_provider(context_for("default"), SharedFile::Credentials);
    home.write_credentials("[default]\naws_access_key_id = SECOND\naws_secret_access_key = s\n");
    EXPECT_EQ(p->credentials()->access_key_id, "FIRST");
}
