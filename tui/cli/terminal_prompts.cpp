#include "tui/cli/terminal_prompts.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "backend/core/untrusted_text.hpp"

namespace vd::cli {

std::string ask_on_terminal(const std::string& prompt, const std::string& expected) {
    if (::isatty(STDIN_FILENO) == 0) return {};
    std::fprintf(stderr, "%s: type %s to continue: ", visible(prompt).c_str(), visible(expected).c_str());
    std::fflush(stderr);
    std::string line;
    std::getline(std::cin, line);
    return line;
}

bool approve_on_terminal(const std::string& command) {
    if (::isatty(STDIN_FILENO) == 0) return false;
    std::fprintf(stderr, "run this command?\n  %s\n[y/N] ", visible(command).c_str());
    std::fflush(stderr);
    std::string line;
    std::getline(std::cin, line);
    return line == "y" || line == "Y" || line == "yes";
}

}  // namespace vd::cli
