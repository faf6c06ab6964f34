#include "backend/runbook/command_runner.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

extern char** environ;

namespace vd::runbook {
namespace {

constexpr size_t kMaxOutput = 64 * 1024;

// Quotes one word for display the way a POSIX shell would read it.
std::string quote(const std::string& s) {
    if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,@+%") == std::string::npos)
        return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Waits for a child, killing its process group if it outlives the deadline.
int reap(pid_t pid, bool kill_first) {
    if (kill_first) {
        ::kill(-pid, SIGTERM);
        for (int i = 0; i < 20; ++i) {
            int status = 0;
            if (::waitpid(pid, &status, WNOHANG) == pid) return status;
            ::usleep(100000);
        }
        ::kill(-pid, SIGKILL);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

class ProcessRunner final : public CommandRunner {
public:
    Result<CommandResult> run(const CommandSpec& spec) override {
        std::vector<std::string> args = spec.shell ? std::vector<std::string>{"/bin/sh", "-c", spec.shell_command} : spec.argv;
        if (args.empty() || args[0].empty()) return make_error(ErrorKind::InvalidInput, "the command is empty", "command");
        std::vector<std::string> env_strings;
        for (char** e = environ; e != nullptr && *e != nullptr; ++e) env_strings.emplace_back(*e);
        for (const auto& [k, v] : spec.env) env_strings.push_back(k + "=" + v);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<char*> envp;
        for (auto& e : env_strings) envp.push_back(e.data());
        envp.push_back(nullptr);

        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            return make_error(ErrorKind::Internal, fmt::format("cannot run {}: {}", args[0], std::strerror(errno)), "command");
        pid_t pid = ::fork();
        if (pid < 0) {
            ::close(fds[0]);
            ::close(fds[1]);
            return make_error(ErrorKind::Internal, fmt::format("cannot run {}: {}", args[0], std::strerror(errno)), "command");
        }
        if (pid == 0) {
            ::setpgid(0, 0);
            int devnull = ::open("/dev/null", O_RDONLY);
            if (devnull >= 0) ::dup2(devnull, 0);
            ::dup2(fds[1], 1);
            ::dup2(fds[1], 2);
            ::execvpe(argv[0], argv.data(), envp.data());
            const char* msg = "vaultdeck: cannot execute the command: ";
            (void)!::write(2, msg, std::strlen(msg));
            const char* why = std::strerror(errno);
            (void)!::write(2, why, std::strlen(why));
            (void)!::write(2, "\n", 1);
            ::_exit(127);
        }
        ::close(fds[1]);
        CommandResult result;
        auto deadline = std::chrono::steady_clock::now() + spec.timeout;
        char buf[4096];
        for (;;) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                result.timed_out = true;
                break;
            }
            pollfd p{fds[0], POLLIN, 0};
            int n = ::poll(&p, 1, static_cast<int>(std::min<int64_t>(left.count(), 1000)));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) continue;
            ssize_t got = ::read(fds[0], buf, sizeof buf);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) break;
            size_t room = kMaxOutput - std::min(kMaxOutput, result.output.size());
            result.output.append(buf, std::min(room, static_cast<size_t>(got)));
            if (static_cast<size_t>(got) > room) result.truncated = true;
        }
        ::close(fds[0]);
        int status = reap(pid, result.timed_out);
        if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
        else if (WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
        return result;
    }
};

}  // namespace

// The command as the operator confirms it.
std::string command_line_text(const CommandSpec& spec) {
    if (spec.shell) return "/bin/sh -c " + quote(spec.shell_command);
    std::string out;
    for (const auto& a : spec.argv) out += (out.empty() ? "" : " ") + quote(a);
    return out;
}

// The fork/exec runner.
std::shared_ptr<CommandRunner> make_process_runner() { return std::make_shared<ProcessRunner>(); }

}  // namespace vd::runbook
