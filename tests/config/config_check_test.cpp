// `vaultdeck config check` end to end: the built binary on real files.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace {

struct Run {
    int exit_code = -1;
    std::string output;  // stdout and stderr together
};

// Runs the vaultdeck binary with `args` and an empty XDG_CONFIG_HOME/HOME.
Run run_vaultdeck(const std::string& args, const std::filesystem::path& home) {
    std::string cmd = "env HOME='" + home.string() + "' XDG_CONFIG_HOME='" + home.string() + "/xdg' '" +
                      VAULTDECK_BINARY + "' " + args + " 2>&1";
    Run r;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
    int status = ::pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

class ConfigCheck : public ::testing::Test {
protected:
    void SetUp() override {
        home_ = std::filesystem::temp_directory_path() / ("vaultdeck-config-check-" + std::to_string(::getpid()));
        std::filesystem::remove_all(home_);
        std::filesystem::create_directories(home_);
    }
    void TearDown() override { std::filesystem::remove_all(home_); }
    std::filesystem::path home_;
};

}  // namespace

TEST_F(ConfigCheck, NoFileMeansDefaultsAndExitZero) {
    auto r = run_vaultdeck("config check", home_);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("not found; using the defaults"), std::string::npos) << r.output;
}

TEST_F(ConfigCheck, TheExampleIsValid) {
    auto r = run_vaultdeck(std::string("config check --config '") + VAULTDECK_SOURCE_DIR + "/docs/config.example.toml'", home_);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("ok (2 accounts, 3 RPO targets)"), std::string::npos) << r.output;
}

TEST_F(ConfigCheck, ProblemsAreListedWithLinesAndExitOne) {
    auto file = home_ / "config.toml";
    std::ofstream(file) << "[targets]\nrpo = \"24h\"\n\n[[rpo]]\nmatch = \"a\"\ntarget = \"1h\"\n\n[[rpo]]\n"
                           "match = \"b\"\ntarget = \"15x\"\n[ui]\nmous = true\n";
    auto r = run_vaultdeck("config check --config '" + file.string() + "'", home_);
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find(file.string() + ":10: rpo[1].target: '15x' is not a duration"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(file.string() + ":12: ui.mous: unknown key (did you mean 'mouse'?)"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("2 problems in"), std::string::npos) << r.output;
}

TEST_F(ConfigCheck, AnExplicitMissingFileIsAnError) {
    auto r = run_vaultdeck("config check --config '" + (home_ / "missing.toml").string() + "'", home_);
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("missing.toml: no such file"), std::string::npos) << r.output;
}

TEST_F(ConfigCheck, TheDefaultPlaceIsRead) {
    std::filesystem::create_directories(home_ / "xdg" / "vaultdeck");
    std::ofstream(home_ / "xdg" / "vaultdeck" / "config.toml") << "[poll]\njobs = 5\n";
    auto r = run_vaultdeck("config check", home_);
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("xdg/vaultdeck/config.toml:2: poll.jobs: expected a duration"), std::string::npos) << r.output;
}

// A binding to a key that is not one, or to a command nothing runs, was
// "ok" and left q unbound; both are problems with their lines now, and the
// console refuses to start on them rather than lose its quit key.
TEST_F(ConfigCheck, KeyBindingsAreCheckedWithTheirLines) {
    auto file = home_ / "config.toml";
    std::ofstream(file) << "[keys]\nquit = \"ctrl+nonsense\"\nrefresh = \"R\"\nteleport = \"t\"\n";
    auto r = run_vaultdeck("config check --config '" + file.string() + "'", home_);
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find(file.string() + ":2: keys.quit: 'ctrl+nonsense' is not a key"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(file.string() + ":4: keys.teleport: 'teleport' is not a command (one of: "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("wizard-abort"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("keys.refresh"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("2 problems in"), std::string::npos) << r.output;

    auto console = run_vaultdeck("--demo --config '" + file.string() + "'", home_);
    EXPECT_EQ(console.exit_code, 1) << console.output;
    EXPECT_NE(console.output.find(":2: keys.quit: 'ctrl+nonsense' is not a key"), std::string::npos) << console.output;
    EXPECT_NE(console.output.find("(and 1 more); run 'vaultdeck config check'"), std::string::npos) << console.output;
}

TEST_F(ConfigCheck, ScreenCommandsCanBeRebound) {
    auto file = home_ / "config.toml";
    std::ofstream(file) << "[keys]\nrestore = \"ctrl+r\"\nsort-next = \"o\"\nwizard-next = \"f5\"\n";
    auto r = run_vaultdeck("config check --config '" + file.string() + "'", home_);
    EXPECT_EQ(r.exit_code, 0) << r.output;
}
