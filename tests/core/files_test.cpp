// Private folders: every folder vaultdeck creates for its state is 0700,
// from the first one missing down, whatever the umask.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "backend/core/files.hpp"
#include "runbook/support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return 0;
    return st.st_mode & 0777;
}

}  // namespace

TEST(PrivateDir, EveryFolderItCreatesIs0700AndExistingOnesKeepTheirMode) {
    vd::test::TempDir tmp;
    const fs::path shared = tmp.path / "home";
    fs::create_directories(shared);
    ::chmod(shared.c_str(), 0755);
    const mode_t old = ::umask(022);
    auto made = vd::ensure_private_dir(shared / ".local" / "state" / "vaultdeck");
    ::umask(old);
    ASSERT_TRUE(made.ok()) << made.error().message;
    EXPECT_EQ(mode_of(shared), 0755u) << "a folder that existed keeps its mode";
    EXPECT_EQ(mode_of(shared / ".local"), 0700u);
    EXPECT_EQ(mode_of(shared / ".local" / "state"), 0700u);
    EXPECT_EQ(mode_of(shared / ".local" / "state" / "vaultdeck"), 0700u);
    EXPECT_TRUE(vd::ensure_private_dir(shared / ".local" / "state" / "vaultdeck").ok()) << "again: nothing to do";
}

TEST(PrivateDir, AFileInTheWayIsAClearError) {
    vd::test::TempDir tmp;
    { std::ofstream(tmp.path / "file") << "x"; }
    auto made = vd::ensure_private_dir(tmp.path / "file" / "sub");
    ASSERT_FALSE(made.ok());
    EXPECT_NE(made.error().message.find("cannot create"), std::string::npos) << made.error().message;
}
