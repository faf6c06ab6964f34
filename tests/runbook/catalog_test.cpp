// Where runbooks come from: built-ins, the operator's folder, and the refusal
// of files that group or others can write.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include "backend/runbook/catalog.hpp"

using namespace vd;
using namespace vd::runbook;
namespace fs = std::filesystem;

namespace {

const char* kMine = R"(name = "my-check"
title = "My checklist"
kind = "checklist"

[[steps]]
kind = "checklist"
items = ["one", "two"]
)";

// A private temporary folder, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/vd-catalog-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
};

// Writes a file with the given mode.
void write(const fs::path& p, const std::string& text, mode_t mode) {
    std::ofstream(p) << text;
    ::chmod(p.c_str(), mode);
}

}  // namespace

TEST(Catalog, ListsBuiltinsThenFiles) {
    TempDir dir;
    ::chmod(dir.path.c_str(), 0700);
    write(dir.path / "mine.toml", kMine, 0600);
    write(dir.path / "broken.toml", "name = \n", 0600);
    auto all = list_runbooks(dir.path);
    ASSERT_EQ(all.size(), 7u);
    EXPECT_EQ(all[0].name, "restore-from-backup");
    EXPECT_EQ(all[0].origin, "built-in");
    EXPECT_TRUE(all[0].error.empty());
    EXPECT_EQ(all[5].origin, (dir.path / "broken.toml").string());
    EXPECT_FALSE(all[5].error.empty());
    EXPECT_EQ(all[6].name, "my-check");
    EXPECT_EQ(all[6].kind, "checklist");
}

TEST(Catalog, FindsByNameFileNameOrPath) {
    TempDir dir;
    ::chmod(dir.path.c_str(), 0700);
    write(dir.path / "other-file-name.toml", kMine, 0600);
    auto builtin = find_runbook("monthly-drill", dir.path);
    ASSERT_TRUE(builtin.ok()) << builtin.error().message;
    EXPECT_EQ(builtin->origin, "built-in");
    auto by_name = find_runbook("my-check", dir.path);
    ASSERT_TRUE(by_name.ok()) << by_name.error().message;
    EXPECT_EQ(by_name->steps.size(), 1u);
    auto by_path = find_runbook((dir.path / "other-file-name.toml").string(), dir.path);
    ASSERT_TRUE(by_path.ok());
    auto missing = find_runbook("nope", dir.path);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("no runbook named 'nope'"), std::string::npos);
}

TEST(Catalog, RefusesFilesOthersCanWrite) {
    TempDir dir;
    ::chmod(dir.path.c_str(), 0700);
    fs::path file = dir.path / "mine.toml";
    write(file, kMine, 0620);
    auto r = find_runbook(file.string(), dir.path);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("writable by group or others"), std::string::npos);
    ::chmod(file.c_str(), 0602);
    EXPECT_FALSE(check_runbook_permissions(file).ok());
    ::chmod(file.c_str(), 0644);
    EXPECT_TRUE(check_runbook_permissions(file).ok());
    ::chmod(dir.path.c_str(), 0777);
    auto in_open_dir = check_runbook_permissions(file);
    ASSERT_FALSE(in_open_dir.ok());
    EXPECT_NE(in_open_dir.error().message.find("its folder"), std::string::npos);
}
