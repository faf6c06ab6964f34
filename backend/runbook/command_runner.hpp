// Runs a command step: the program and its arguments without a shell (or
// one line through /bin/sh -c when the runbook says shell = true), stdin
// from /dev/null, stdout and stderr captured together, killed at a timeout.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::runbook {

struct CommandSpec {
    std::vector<std::string> argv;  // without a shell
    std::string shell_command;      // with shell = true
    bool shell = false;
    Seconds timeout{300};
    std::vector<std::pair<std::string, std::string>> env;  // added to the environment
};

struct CommandResult {
    int exit_code = 0;      // 128 + signal when killed
    bool timed_out = false;
    std::string output;     // stdout and stderr, at most 64 KiB
    bool truncated = false;
};

// The command line as shown before it runs: every argument, quoted.
std::string command_line_text(const CommandSpec& spec);

class CommandRunner {
public:
    virtual ~CommandRunner() = default;
    // Runs to completion or the timeout; an error only when it cannot start.
    virtual Result<CommandResult> run(const CommandSpec& spec) = 0;
};

// The fork/exec implementation.
std::shared_ptr<CommandRunner> make_process_runner();

}  // namespace vd::runbook
