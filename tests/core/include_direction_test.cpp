// The direction of includes: backend/ never includes curses, widgets/ or tui/;
// widgets/ never includes tui/.
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <gtest/gtest.h>

namespace fs = std::filesystem;

namespace {

// Every include line in the sources under `dir` matching `forbidden`.
std::vector<std::string> offending_includes(const fs::path& dir, const std::regex& forbidden, int* files_seen) {
    std::vector<std::string> hits;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp" && ext != ".h") continue;
        ++*files_seen;
        std::ifstream in(entry.path());
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            if (line.rfind("#include", 0) == 0 && std::regex_search(line, forbidden)) {
                hits.push_back(entry.path().string() + ":" + std::to_string(n) + ": " + line);
            }
        }
    }
    return hits;
}

}  // namespace

TEST(IncludeDirection, BackendNeverIncludesCursesWidgetsOrTui) {
    int files = 0;
    auto hits = offending_includes(fs::path(VAULTDECK_SOURCE_DIR) / "backend",
                                   std::regex(R"((curses|ncurses|term\.h|"widgets/|"tui/))"), &files);
    EXPECT_GT(files, 10);
    for (const auto& h : hits) ADD_FAILURE() << h;
}

TEST(IncludeDirection, WidgetsNeverIncludeTui) {
    int files = 0;
    auto hits = offending_includes(fs::path(VAULTDECK_SOURCE_DIR) / "widgets", std::regex(R"("tui/)"), &files);
    EXPECT_GT(files, 0);
    for (const auto& h : hits) ADD_FAILURE() << h;
}
