#include "backend/aws/credentials_process.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "backend/aws/shell_words.hpp"

extern char** environ;

namespace vd::aws {

namespace {

constexpr const char* kName = "credential-process";

// Closes a descriptor when it goes out of scope.
struct Fd {
    int fd = -1;
    ~Fd() { reset(); }
    void reset() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

// The first line of a text, at most 200 characters: enough to say why a command failed.
std::string first_line(std::string_view text) {
    size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {};
    text.remove_prefix(start);
    std::string line(text.substr(0, text.find_first_of("\r\n")));
    if (line.size() > 200) line = line.substr(0, 200) + "...";
    return line;
}

// Milliseconds left until the deadline, never negative.
int millis_left(std::chrono::steady_clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    return left < 0 ? 0 : static_cast<int>(left);
}

// Reads both pipes until both close or the deadline passes; false on timeout.
bool drain(int out_fd, int err_fd, ProcessOutput& result, const ProcessOptions& options,
           std::chrono::steady_clock::time_point deadline) {
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open = 2;
    char buf[4096];
    while (open > 0) {
        int left = millis_left(deadline);
        if (left == 0) return false;
        int n = ::poll(fds, 2, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) {
                fds[i].fd = -1;
                --open;
                continue;
            }
            if (sinks[i]->size() < options.max_output) sinks[i]->append(buf, static_cast<size_t>(got));
        }
    }
    return true;
}

// Waits for the child to exit until the deadline; false when it is still running.
bool wait_until(pid_t pid, int& status, std::chrono::steady_clock::time_point deadline) {
    for (;;) {
        pid_t got = ::waitpid(pid, &status, WNOHANG);
        if (got == pid) return true;
        if (got < 0 && errno != EINTR) return true;
        if (millis_left(deadline) == 0) return false;
        ::usleep(2000);
    }
}

// Runs credential_process for one profile.
class ProcessProvider final : public CredentialsProvider {
public:
    ProcessProvider(CredentialsContext context, ProcessOptions options)
        : ctx_(std::move(context)), options_(options) {}

    Result<Credentials> credentials() override {
        const ConfigSection* profile = ctx_.profile_section();
        auto command = profile ? profile->get("credential_process") : std::nullopt;
        if (!command || command->empty()) return not_configured(kName, "the profile has no credential_process");
        auto argv = shell_split(*command);
        if (!argv) {
            return credentials_error(kName, fmt::format("cannot split the credential_process of profile {}: {}", ctx_.profile,
                                                        argv.error().message), ErrorKind::Config);
        }
        if (argv->empty()) return credentials_error(kName, "credential_process is empty", ErrorKind::Config);
        auto run = run_process(*argv, options_);
        if (!run) return run.error();
        if (run->exit_code != 0) {
            std::string why = first_line(run->err);
            return credentials_error(kName, fmt::format("{} exited with status {}{}{}", (*argv)[0], run->exit_code,
                                                        why.empty() ? "" : ": ", why));
        }
        return parse_process_output(run->out);
    }
    std::string name() const override { return kName; }

private:
    CredentialsContext ctx_;
    ProcessOptions options_;
};

}  // namespace

std::shared_ptr<CredentialsProvider> make_process_provider(CredentialsContext context, ProcessOptions options) {
    return std::make_shared<ProcessProvider>(std::move(context), options);
}

Result<ProcessOutput> run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
    if (argv.empty()) return credentials_error(kName, "no command to run", ErrorKind::InvalidInput);
    int out_pipe[2];
    int err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) return credentials_error(kName, std::strerror(errno), ErrorKind::Internal);
    Fd out_r{out_pipe[0]}, out_w{out_pipe[1]};
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) return credentials_error(kName, std::strerror(errno), ErrorKind::Internal);
    Fd err_r{err_pipe[0]}, err_w{err_pipe[1]};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_w.fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err_w.fd, 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    int rc = ::posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) return credentials_error(kName, fmt::format("cannot run {}: {}", argv[0], std::strerror(rc)));
    out_w.reset();
    err_w.reset();

    ProcessOutput result;
    auto deadline = std::chrono::steady_clock::now() + options.timeout;
    int status = 0;
    bool finished = drain(out_r.fd, err_r.fd, result, options, deadline) && wait_until(pid, status, deadline);
    if (!finished) {
        ::kill(pid, SIGKILL);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    if (!finished) {
        return credentials_error(kName, fmt::format("{} did not finish within {} ms and was stopped", argv[0],
                                                    options.timeout.count()), ErrorKind::Timeout);
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    return result;
}

Result<Credentials> parse_process_output(std::string_view output) {
    auto doc = nlohmann::json::parse(output, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return credentials_error(kName, "the command did not print a JSON object", ErrorKind::Parse);
    }
    auto version = doc.find("Version");
    if (version == doc.end()) return credentials_error(kName, "the JSON has no Version (expected 1)", ErrorKind::Parse);
    if (!version->is_number_integer() || version->get<long long>() != 1) {
        return credentials_error(kName, fmt::format("unsupported Version {} (expected 1)", version->dump()), ErrorKind::Parse);
    }
    return parse_credentials_json(output, "SessionToken", kName);
}

}  // namespace vd::aws
