// `vaultdeck sim serve` as a process: exactly one "listening on" line on
// stdout once ready, a clean exit on SIGTERM, a one-line error and a
// non-zero exit for bad options.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

struct Child {
    pid_t pid = -1;
    int out = -1;
    int err = -1;
};

// Starts the vaultdeck binary with these arguments, stdout and stderr piped.
Child spawn(const std::vector<std::string>& args) {
    int out[2], err[2];
    EXPECT_EQ(pipe(out), 0);
    EXPECT_EQ(pipe(err), 0);
    Child c;
    c.pid = fork();
    if (c.pid == 0) {
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(out[0]);
        close(err[0]);
        std::vector<char*> argv{const_cast<char*>(VAULTDECK_BINARY)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(VAULTDECK_BINARY, argv.data());
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    c.out = out[0];
    c.err = err[0];
    return c;
}

// Reads one line (without the newline) from a pipe.
std::string read_line(int fd) {
    std::string line;
    char c;
    while (read(fd, &c, 1) == 1 && c != '\n') line.push_back(c);
    return line;
}

// Reads whatever is left in a pipe.
std::string read_all(int fd) {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    return out;
}

TEST(SimServe, PrintsOneListeningLineAndStopsOnSigterm) {
    Child c = spawn({"sim", "serve", "--port", "0", "--scenario", "empty"});
    std::string line = read_line(c.out);
    EXPECT_TRUE(std::regex_match(line, std::regex(R"(listening on http://127\.0\.0\.1:[0-9]{1,5})"))) << line;
    kill(c.pid, SIGTERM);
    int status = 0;
    waitpid(c.pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_EQ(read_all(c.out), "");  // nothing after the one line
    close(c.out);
    close(c.err);
}

TEST(SimServe, BadOptionsGiveAOneLineErrorAndANonZeroExit) {
    for (std::vector<std::string> args : {std::vector<std::string>{"sim", "serve", "--scenario", "nope"},
                                          std::vector<std::string>{"sim", "serve", "--faults", "throttle=3"},
                                          std::vector<std::string>{"sim", "serve", "--scenario", "large"}}) {
        Child c = spawn(args);
        std::string out = read_all(c.out);
        std::string err = read_all(c.err);
        int status = 0;
        waitpid(c.pid, &status, 0);
        ASSERT_TRUE(WIFEXITED(status));
        EXPECT_NE(WEXITSTATUS(status), 0) << args.back();
        EXPECT_EQ(out, "");
        EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
        EXPECT_EQ(err.rfind("vaultdeck sim: ", 0), 0u) << err;
        close(c.out);
        close(c.err);
    }
}

}  // namespace
