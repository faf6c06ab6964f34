#include <gtest/gtest.h>

#include <sys/stat.h>

#include "backend/aws/credentials_process.hpp"
#include "backend/core/files.hpp"
#include "backend/core/time_format.hpp"
#include "creds_test_support.hpp"

using namespace vd;
using namespace vd::aws;

namespace {

// Writes an executable shell script under the temporary HOME.
std::string script(const test_support::TempAwsHome& home, const std::string& name, const std::string& body) {
    auto path = home.write("bin/" + name, "#!/bin/sh\n" + body);
    ::chmod(path.c_str(), 0755);
    return path.string();
}

// A context for one profile over the files in the temporary HOME.
CredentialsContext context_for(const std::string& profile) {
    auto cfg = load_default_profile_config();
    EXPECT_TRUE(cfg.ok()) << (cfg.ok() ? "" : cfg.error().message);
    CredentialsContext ctx;
    ctx.config = std::make_shared<ProfileConfig>(cfg.ok() ? std::move(cfg.value()) : ProfileConfig{});
    ctx.profile = profile;
    return ctx;
}

}  // namespace

TEST(ProcessProvider, RunsTheCommandWithoutAShellAndReadsVersion1) {
    test_support::TempAwsHome home;
    std::string exe = script(home, "creds helper",
                             "printf '%s\\n' \"$@\" > \"$HOME/args.txt\"\n"
                             "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\": \"proc-secret\","
                             " \"SessionToken\": \"proc-token\", \"Expiration\": \"2026-11-22T03:00:00Z\"}'\n");
    home.write_config("[profile p]\ncredential_process = \"" + exe + "\" 'two words' $HOME;echo --flag=\"x y\"\n");
    auto provider = make_process_provider(context_for("p"));
    EXPECT_EQ(provider->name(), "credential-process");
    auto c = provider->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->access_key_id, "AKIDPROC");
    EXPECT_EQ(c->secret_access_key, "proc-secret");
    EXPECT_EQ(c->session_token, "proc-token");
    ASSERT_TRUE(c->expiration.has_value());
    EXPECT_EQ(format_iso8601(*c->expiration), "2026-11-22T03:00:00Z");
    auto args = read_file(home.dir() / "args.txt");
    ASSERT_TRUE(args.ok());
    // No shell: $HOME and ';' reach the command literally.
    EXPECT_EQ(*args, "two words\n$HOME;echo\n--flag=x y\n");
}

TEST(ProcessProvider, CredentialProcessInTheCredentialsFileWorksToo) {
    test_support::TempAwsHome home;
    std::string exe = script(home, "c", "echo '{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"S\"}'\n");
    home.write_credentials("[p]\ncredential_process = " + exe + "\n");
    auto c = make_process_provider(context_for("p"))->credentials();
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_TRUE(c->session_token.empty());
    EXPECT_FALSE(c->expiration.has_value());
}

TEST(ProcessProvider, AFailingCommandReportsItsStatusAndStderrButNotItsOutput) {
    test_support::TempAwsHome home;
    std::string exe = script(home, "fail",
                             "echo '{\"SecretAccessKey\": \"leaked-secret\"}'\necho 'token expired, log in again' >&2\nexit 3\n");
    home.write_config("[profile p]\ncredential_process = " + exe + "\n");
    auto c = make_process_provider(context_for("p"))->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("status 3"), std::string::npos) << c.error().message;
    EXPECT_NE(c.error().message.find("token expired, log in again"), std::string::npos);
    EXPECT_EQ(c.error().message.find("leaked-secret"), std::string::npos);
}

TEST(ProcessProvider, RejectsOtherVersionsAndMalformedOutput) {
    EXPECT_FALSE(parse_process_output(R"({"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"})").ok());
    EXPECT_FALSE(parse_process_output(R"({"AccessKeyId": "A", "SecretAccessKey": "S"})").ok());
    EXPECT_FALSE(parse_process_output(R"({"Version": "1", "AccessKeyId": "A", "SecretAccessKey": "S"})").ok());
    auto garbage = parse_process_output("AccessKeyId=A SecretAccessKey=very-secret");
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().message.find("very-secret"), std::string::npos);
    auto v2 = parse_process_output(R"({"Version": 2})");
    ASSERT_FALSE(v2.ok());
    EXPECT_NE(v2.error().message.find("Version 2"), std::string::npos);
    auto no_secret = parse_process_output(R"({"Version": 1, "AccessKeyId": "A"})");
    ASSERT_FALSE(no_secret.ok());
    EXPECT_NE(no_secret.error().message.find("SecretAccessKey"), std::string::npos);
}

TEST(ProcessProvider, StopsACommandThatRunsTooLong) {
    test_support::TempAwsHome home;
    std::string exe = script(home, "slow", "exec sleep 30\n");
    home.write_config("[profile p]\ncredential_process = " + exe + "\n");
    ProcessOptions options;
    options.timeout = std::chrono::milliseconds(300);
    auto start = std::chrono::steady_clock::now();
    auto c = make_process_provider(context_for("p"), options)->credentials();
    auto took = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().kind, ErrorKind::Timeout);
    EXPECT_LT(took, std::chrono::seconds(5));
}

TEST(ProcessProvider, MissingCommandsAndBadQuotingAreClearErrors) {
    test_support::TempAwsHome home;
    home.write_config("[profile missing]\ncredential_process = /nonexistent/helper --x\n"
                      "[profile quotes]\ncredential_process = helper 'unclosed\n"
                      "[profile none]\nregion = x\n");
    auto missing = make_process_provider(context_for("missing"))->credentials();
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("/nonexistent/helper"), std::string::npos);
    auto quotes = make_process_provider(context_for("quotes"))->credentials();
    ASSERT_FALSE(quotes.ok());
    EXPECT_EQ(quotes.error().kind, ErrorKind::Config);
    auto none = make_process_provider(context_for("none"))->credentials();
    ASSERT_FALSE(none.ok());
    EXPECT_TRUE(is_not_configured(none.error()));
}
