// The direction of includes: backend/ never includes curses, widgets/ or tui/;
// widgets/ never includes tui/; a backend module includes only the modules
// it links (read from CMakeLists.txt), and those links make no cycle; and
// each folder's code is in its folder's namespace.
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
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

namespace {

// The backend modules and the vaultdeck_* modules each links, from the
// vaultdeck_module(NAME backend/NAME PUBLIC_DEPS ...) lines of CMakeLists.txt.
std::map<std::string, std::set<std::string>> backend_links() {
    std::ifstream in(fs::path(VAULTDECK_SOURCE_DIR) / "CMakeLists.txt");
    std::map<std::string, std::set<std::string>> links;
    std::string line;
    const std::regex module(R"(^vaultdeck_module\((\w+)\s+backend/\w+\s+PUBLIC_DEPS(.*)\))");
    const std::regex dep(R"(vaultdeck_(\w+))");
    while (std::getline(in, line)) {
        std::smatch m;
        if (!std::regex_search(line, m, module)) continue;
        auto& deps = links[m[1]];
        std::string rest = m[2];
        for (std::sregex_iterator it(rest.begin(), rest.end(), dep), end; it != end; ++it) deps.insert((*it)[1]);
    }
    return links;
}

}  // namespace

TEST(IncludeDirection, BackendModulesIncludeOnlyWhatTheyLinkAndLinkNoCycle) {
    auto links = backend_links();
    ASSERT_GE(links.size(), 9u) << "the vaultdeck_module lines of CMakeLists.txt were not found";
    // Everything a module reaches through its links; a cycle is a module that reaches itself.
    std::function<void(const std::string&, std::set<std::string>&)> reach = [&](const std::string& m, std::set<std::string>& seen) {
        for (const auto& d : links[m])
            if (seen.insert(d).second) reach(d, seen);
    };
    for (const auto& [name, deps] : links) {
        std::set<std::string> reachable;
        reach(name, reachable);
        EXPECT_EQ(reachable.count(name), 0u) << "backend/" << name << " links itself through a cycle";
        int files = 0;
        std::string others;
        for (const auto& [other, unused] : links)
            if (other != name && reachable.count(other) == 0) others += (others.empty() ? "" : "|") + other;
        if (others.empty()) continue;
        auto hits = offending_includes(fs::path(VAULTDECK_SOURCE_DIR) / "backend" / name,
                                       std::regex("\"backend/(" + others + ")/"), &files);
        EXPECT_GT(files, 0) << name;
        for (const auto& h : hits) ADD_FAILURE() << h << " (backend/" << name << " does not link that module)";
    }
}

// The namespace a folder's code opens: backend/NAME is vd::NAME (core is vd
// itself), widgets vd::widgets, tui/cli vd::cli, tui/app and tui/screens
// vd::tui. Nested namespaces (vd::sim::rds) and forward declarations of
// another module's types (namespace vd::config { struct Config; }) are fine:
// the first vd namespace a file opens must be its folder's.
TEST(Namespaces, FollowTheFolders) {
    const fs::path root = VAULTDECK_SOURCE_DIR;
    const std::map<std::string, std::string> expected = {
        {"backend/aws", "vd::aws"},         {"backend/config", "vd::config"},     {"backend/core", "vd"},
        {"backend/health", "vd::health"},   {"backend/model", "vd::model"},       {"backend/poll", "vd::poll"},
        {"backend/runbook", "vd::runbook"}, {"backend/services", "vd::services"}, {"backend/sim", "vd::sim"},
        {"widgets", "vd::widgets"},         {"tui/cli", "vd::cli"},               {"tui/app", "vd::tui"},
        {"tui/screens", "vd::tui"},
    };
    const std::regex opening(R"(^namespace (vd(::\w+)*) \{)");
    int files = 0;
    for (const auto& [folder, name] : expected) {
        for (const auto& entry : fs::directory_iterator(root / folder)) {
            const auto ext = entry.path().extension();
            if (ext != ".cpp" && ext != ".hpp") continue;
            std::ifstream in(entry.path());
            std::string line;
            std::smatch m;
            while (std::getline(in, line)) {
                if (!std::regex_search(line, m, opening)) continue;
                // A one-line forward declaration block: `namespace vd::x {` then `struct T;` then `}`.
                std::string next;
                std::getline(in, next);
                std::string close;
                if (next.find(';') != std::string::npos && next.find('(') == std::string::npos && std::getline(in, close) &&
                    close.rfind("}", 0) == 0) {
                    continue;
                }
                const std::string ns = m[1];
                EXPECT_TRUE(ns == name || ns.rfind(name + "::", 0) == 0)
                    << entry.path().string() << " opens " << ns << ", expected " << name;
                ++files;
                break;
            }
        }
    }
    EXPECT_GT(files, 200) << "the sources were not found under " << root;
}
