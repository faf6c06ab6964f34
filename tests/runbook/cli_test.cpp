// The runbook commands as an operator runs them: `vaultdeck runbook list |
// show | lint`, a read-only demo drill, and resume with nothing to resume.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>

#include "backend/runbook/audit_log.hpp"
#include "support/temp_dir.hpp"

using namespace vd;

namespace {

struct CliRun {
    int code = -1;
    std::string out;  // stdout and stderr together
};

// Runs vaultdeck with arguments in a private HOME and XDG folders.
CliRun vaultdeck(const test::TempDir& home, const std::string& args) {
    std::string cmd = "env HOME=" + home.path.string() + " XDG_STATE_HOME=" + (home.path / "state").string() +
                      " XDG_CONFIG_HOME=" + (home.path / "config").string() +
                      " AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null " +
                      VAULTDECK_BINARY + std::string(" ") + args + " 2>&1";
    CliRun r;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (p == nullptr) return r;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace

TEST(RunbookCli, ListsAndShowsTheBuiltins) {
    test::TempDir home;
    CliRun list = vaultdeck(home, "runbook list");
    EXPECT_EQ(list.code, 0) << list.out;
    for (const char* name : {"restore-from-backup", "pitr-restore", "restore-from-snapshot", "monthly-drill", "switch-application"})
        EXPECT_NE(list.out.find(name), std::string::npos) << name;
    CliRun show = vaultdeck(home, "runbook show monthly-drill");
    EXPECT_EQ(show.code, 0);
    EXPECT_NE(show.out.find("restore                Restore to the temporary instance [changes AWS]"), std::string::npos) << show.out;
    CliRun missing = vaultdeck(home, "runbook show no-such-runbook");
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.out.find("no runbook named 'no-such-runbook'"), std::string::npos);
}

// `runbook show NAME --toml` prints a built-in as a file an operator can copy:
// saved as their own runbook, it lints clean and runs the same steps.
TEST(RunbookCli, ShowTomlPrintsABuiltinThatLintsAsAFile) {
    test::TempDir home;
    CliRun toml = vaultdeck(home, "runbook show monthly-drill --toml");
    ASSERT_EQ(toml.code, 0) << toml.out;
    EXPECT_EQ(toml.out.rfind("name = \"monthly-drill\"\n", 0), 0u) << toml.out.substr(0, 200);
    std::filesystem::path file = home.path / "my-drill.toml";
    std::ofstream(file) << toml.out;
    ::chmod(file.c_str(), 0600);
    CliRun lint = vaultdeck(home, "runbook lint " + file.string());
    EXPECT_EQ(lint.code, 0) << lint.out;
    CliRun from_file = vaultdeck(home, "runbook show " + file.string());
    CliRun builtin = vaultdeck(home, "runbook show monthly-drill");
    ASSERT_EQ(from_file.code, 0) << from_file.out;
    auto steps = [](const std::string& out) { return out.substr(out.find("\nSteps:\n")); };
    EXPECT_EQ(steps(from_file.out), steps(builtin.out));
}

TEST(RunbookCli, LintPrintsLinesAndRefusesSharedFiles) {
    test::TempDir home;
    std::filesystem::path file = home.path / "mine.toml";
    std::ofstream(file) << "name = \"mine\"\ntitle = \"Mine\"\nkind = \"restore\"\n\n[[steps]]\nkind = \"info\"\ntext = \"hi\"\n\n"
                           "[[steps]]\nkind = \"restore\"\nmethod = \"aws-backup\"\n";
    ::chmod(file.c_str(), 0600);
    CliRun lint = vaultdeck(home, "runbook lint " + file.string());
    EXPECT_EQ(lint.code, 1) << lint.out;
    EXPECT_NE(lint.out.find(file.string() + ":10:1: error: a confirm step must come before this restore step"), std::string::npos) << lint.out;
    ::chmod(file.c_str(), 0664);
    CliRun shared = vaultdeck(home, "runbook lint " + file.string());
    EXPECT_EQ(shared.code, 1);
    EXPECT_NE(shared.out.find("writable by group or others"), std::string::npos) << shared.out;
    std::ofstream(file, std::ios::trunc) << "name = \"mine\"\ntitle = \"Mine\"\nkind = \"checklist\"\n[[steps]]\nkind = \"checklist\"\nitems = [\"a\"]\n";
    ::chmod(file.c_str(), 0600);
    CliRun clean = vaultdeck(home, "runbook lint " + file.string());
    EXPECT_EQ(clean.code, 0) << clean.out;
    EXPECT_NE(clean.out.find(": ok"), std::string::npos);
}

TEST(RunbookCli, ReadOnlyDemoDrillIsADryRunWithAReport) {
    test::TempDir home;
    CliRun r = vaultdeck(home, "--demo --read-only drill run --runbook monthly-drill --resource prod-db --yes --report-dir " +
                                (home.path / "reports").string());
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("[6/10] restore"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("dry run: backup StartRestoreJob not sent (--read-only)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("result: FAILED"), std::string::npos);
    EXPECT_NE(r.out.find("\nvaultdeck: drill failed: see " + (home.path / "reports").string() + "/"), std::string::npos) << r.out;
    bool report = false;
    for (const auto& e : std::filesystem::directory_iterator(home.path / "reports")) report = report || e.path().extension() == ".md";
    EXPECT_TRUE(report);
    auto audit = runbook::read_audit_log(home.path / "state" / "vaultdeck" / "audit.jsonl");
    ASSERT_TRUE(audit.ok());
    ASSERT_EQ(audit->entries.size(), 3u);
    for (const auto& e : audit->entries) EXPECT_EQ(e.phase, e.action == "confirm" ? "operator" : "dry-run");
    EXPECT_EQ(audit->entries.back().action, "confirm");
    EXPECT_EQ(audit->entries.back().outcome.rfind("--yes: confirmed ", 0), 0u) << "--yes is recorded, not passed off as typed";
}

TEST(RunbookCli, ResumeWithNothingToResume) {
    test::TempDir home;
    CliRun r = vaultdeck(home, "resume");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("there is no saved wizard to resume"), std::string::npos) << r.out;
    CliRun bad = vaultdeck(home, "resume ../../etc");
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.out.find("is not a wizard id"), std::string::npos) << bad.out;
}
