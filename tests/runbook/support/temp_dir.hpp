// A private temporary folder for one test, removed when it goes out of scope.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace vd::test {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char tmpl[] = "/tmp/vd-runbook-XXXXXX";
        const char* made = ::mkdtemp(tmpl);
        path = made != nullptr ? made : "/tmp";
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

}  // namespace vd::test
