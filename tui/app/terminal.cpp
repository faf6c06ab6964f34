// curses on a pseudo-terminal relayed to the real terminal, signals on a
// self-pipe, and the async-signal-safe restore on a crash.
#include "tui/app/terminal.hpp"

#include <curses.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>

#include "widgets/ncurses_canvas.hpp"
#include "widgets/ncurses_input.hpp"

namespace vd::tui {
namespace {

// State the signal handlers read; written only before handlers are installed
// or while they are blocked from seeing a half-written value (plain ints).
int g_tty_fd = -1;
int g_signal_pipe[2] = {-1, -1};
struct termios g_original {};
volatile sig_atomic_t g_have_original = 0;
char g_reset[256];
std::size_t g_reset_len = 0;

constexpr int kForwardedSignals[] = {SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT};
constexpr int kCrashSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

// Writes all bytes to a descriptor, retrying on EINTR (async-signal-safe).
void write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

// Signals that the loop handles: one byte on the self-pipe.
void on_signal(int sig) {
    const int saved = errno;
    const unsigned char byte = static_cast<unsigned char>(sig);
    [[maybe_unused]] const ssize_t n = ::write(g_signal_pipe[1], &byte, 1);
    errno = saved;
}

// A crash: put the terminal back (only async-signal-safe calls), then die
// of the same signal.
void on_crash(int sig) {
    if (g_tty_fd >= 0) {
        write_all(g_tty_fd, g_reset, g_reset_len);
        if (g_have_original) {
            tcsetattr(g_tty_fd, TCSANOW, &g_original);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

// Appends a terminfo string capability to the crash reset sequence.
void add_reset(const char* capability, const char* fallback) {
    const char* s = tigetstr(const_cast<char*>(capability));
    if (s == nullptr || s == reinterpret_cast<char*>(-1)) s = fallback;
    const std::size_t len = std::strlen(s);
    if (g_reset_len + len < sizeof g_reset) {
        std::memcpy(g_reset + g_reset_len, s, len);
        g_reset_len += len;
    }
}

class PtyTerminal final : public Terminal {
public:
    ~PtyTerminal() override { close(); }

    // Sets everything up; see Terminal::open.
    Result<bool> start(const TerminalOptions& options);

    void close() override;
    int signal_fd() const override { return g_signal_pipe[0]; }
    std::vector<int> take_signals() override;
    void follow_size() override;
    void sync() override;
    std::uint64_t bytes_written() const override { return bytes_.load(); }
    void write_raw(std::string_view bytes) override;
    void suspend() override;
    int colors() const override { return colors_; }

private:
    // Copies the pseudo-terminal's output to the real terminal until EOF.
    void relay();
    // Puts the real terminal in the modes curses set on the pseudo-terminal.
    void mirror_modes();
    // Installs the signal handlers (and the alternate stack for crashes).
    void install_handlers();
    // Puts the default signal dispositions back.
    void remove_handlers();

    int tty_ = -1;
    int master_ = -1;
    FILE* out_ = nullptr;  // the pseudo-terminal's slave side, curses writes here
    SCREEN* screen_ = nullptr;
    struct termios prog_ {};
    int colors_ = 0;
    bool open_ = false;
    std::thread relay_thread_;
    std::mutex mutex_;
    std::condition_variable idle_;
    bool busy_ = false;
    std::atomic<std::uint64_t> bytes_{0};
    std::vector<char> alt_stack_;
};

Result<bool> PtyTerminal::start(const TerminalOptions& options) {
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        return make_error(ErrorKind::InvalidInput, "the console needs a terminal: stdin and stdout must be a tty "
                                                   "(use `vaultdeck status` or `render` for scripts)");
    }
    tty_ = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    if (tty_ < 0 || tcgetattr(tty_, &g_original) != 0) {
        return make_error(ErrorKind::Internal, std::string("cannot read the terminal modes: ") + std::strerror(errno));
    }
    g_have_original = 1;
    struct winsize ws {};
    ioctl(tty_, TIOCGWINSZ, &ws);
    if (ws.ws_col == 0 || ws.ws_row == 0) {
        ws.ws_col = 80;
        ws.ws_row = 24;
    }
    int slave = -1;
    if (openpty(&master_, &slave, nullptr, &g_original, &ws) != 0) {
        return make_error(ErrorKind::Internal, std::string("openpty: ") + std::strerror(errno));
    }
    fcntl(master_, F_SETFD, FD_CLOEXEC);
    fcntl(slave, F_SETFD, FD_CLOEXEC);
    if (pipe2(g_signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        ::close(slave);
        return make_error(ErrorKind::Internal, std::string("pipe: ") + std::strerror(errno));
    }
    out_ = fdopen(slave, "w");
    g_tty_fd = tty_;
    install_handlers();
    relay_thread_ = std::thread([this] { relay(); });

    screen_ = newterm(nullptr, out_, stdin);
    if (screen_ == nullptr) {
        const char* term = std::getenv("TERM");
        close();
        return make_error(ErrorKind::InvalidInput,
                          std::string("cannot use terminal type '") + (term ? term : "") + "' (is TERM set?)");
    }
    set_term(screen_);
    // A terminal that cannot move the cursor (TERM=dumb) would get a garbled
    // screen: refuse it with the way out instead.
    if (const char* cup = tigetstr("cup"); cup == nullptr || cup == reinterpret_cast<char*>(-1)) {
        const char* term = std::getenv("TERM");
        open_ = true;  // so close() ends curses too
        close();
        return make_error(ErrorKind::InvalidInput,
                          std::string("terminal type '") + (term ? term : "") +
                              "' cannot move the cursor: the console needs one that can (xterm-256color, tmux-256color, "
                              "screen); for scripts use `vaultdeck status` or `render`");
    }
    open_ = true;
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    if (options.colors) {
        colors_ = widgets::setup_ncurses_colors();
    }
    widgets::enable_mouse(options.mouse);
    g_reset_len = 0;
    const char* mouse_off = "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l";
    std::memcpy(g_reset, mouse_off, std::strlen(mouse_off));
    g_reset_len = std::strlen(mouse_off);
    add_reset("sgr0", "\x1b[0m");
    add_reset("cnorm", "\x1b[?25h");
    add_reset("rmkx", "");
    add_reset("rmcup", "\x1b[?1049l");
    mirror_modes();
    return true;
}

void PtyTerminal::mirror_modes() {
    struct termios t {};
    if (tcgetattr(fileno(out_), &t) != 0) {
        return;
    }
    t.c_oflag &= static_cast<tcflag_t>(~OPOST);  // the pseudo-terminal already processed the output
    prog_ = t;
    tcsetattr(tty_, TCSANOW, &prog_);
}

void PtyTerminal::install_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (int sig : kForwardedSignals) sigaction(sig, &sa, nullptr);
    alt_stack_.resize(64 * 1024);
    stack_t ss{};
    ss.ss_sp = alt_stack_.data();
    ss.ss_size = alt_stack_.size();
    sigaltstack(&ss, nullptr);
    struct sigaction crash {};
    crash.sa_handler = on_crash;
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_RESETHAND | SA_NODEFER | SA_ONSTACK;
    for (int sig : kCrashSignals) sigaction(sig, &crash, nullptr);
}

void PtyTerminal::remove_handlers() {
    for (int sig : kForwardedSignals) signal(sig, SIG_DFL);
    for (int sig : kCrashSignals) signal(sig, SIG_DFL);
}

void PtyTerminal::relay() {
    std::vector<char> buf(64 * 1024);
    for (;;) {
        struct pollfd p {master_, POLLIN, 0};
        if (poll(&p, 1, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        {
            std::lock_guard lock(mutex_);
            busy_ = true;
        }
        const ssize_t n = ::read(master_, buf.data(), buf.size());
        if (n > 0) {
            write_all(tty_, buf.data(), static_cast<std::size_t>(n));
            bytes_ += static_cast<std::uint64_t>(n);
        }
        {
            std::lock_guard lock(mutex_);
            busy_ = false;
        }
        idle_.notify_all();
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
            break;  // EIO: the slave side is closed
        }
    }
}

void PtyTerminal::sync() {
    std::unique_lock lock(mutex_);
    idle_.wait_for(lock, std::chrono::seconds(1), [&] {
        int pending = 0;
        ioctl(master_, FIONREAD, &pending);
        return !busy_ && pending == 0;
    });
}

std::vector<int> PtyTerminal::take_signals() {
    std::vector<int> out;
    unsigned char byte = 0;
    while (::read(g_signal_pipe[0], &byte, 1) == 1) out.push_back(byte);
    return out;
}

void PtyTerminal::follow_size() {
    struct winsize ws {};
    if (ioctl(tty_, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0 || ws.ws_row == 0) {
        return;
    }
    ioctl(fileno(out_), TIOCSWINSZ, &ws);
    resizeterm(ws.ws_row, ws.ws_col);
}

void PtyTerminal::write_raw(std::string_view bytes) {
    if (!open_) return;
    write_all(fileno(out_), bytes.data(), bytes.size());
    sync();
}

void PtyTerminal::suspend() {
    if (!open_) return;
    endwin();
    sync();
    tcsetattr(tty_, TCSADRAIN, &g_original);
    signal(SIGTSTP, SIG_DFL);
    raise(SIGTSTP);
    // Continued: take the terminal back.
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTSTP, &sa, nullptr);
    tcsetattr(tty_, TCSANOW, &prog_);
    follow_size();
    clearok(curscr, TRUE);
}

void PtyTerminal::close() {
    if (open_) {
        endwin();
        fflush(out_);
        sync();
        delscreen(screen_);
        screen_ = nullptr;
        open_ = false;
    }
    if (out_ != nullptr) {
        fclose(out_);  // closes the slave: the relay reads EIO and ends
        out_ = nullptr;
    }
    if (relay_thread_.joinable()) relay_thread_.join();
    if (tty_ >= 0) {
        if (g_have_original) tcsetattr(tty_, TCSADRAIN, &g_original);
        remove_handlers();
        g_tty_fd = -1;
        ::close(tty_);
        tty_ = -1;
    }
    if (master_ >= 0) {
        ::close(master_);
        master_ = -1;
    }
    for (int& fd : g_signal_pipe) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
}

}  // namespace

Result<std::unique_ptr<Terminal>> Terminal::open(const TerminalOptions& options) {
    auto terminal = std::make_unique<PtyTerminal>();
    auto started = terminal->start(options);
    if (!started) {
        return started.error();
    }
    return std::unique_ptr<Terminal>(std::move(terminal));
}

}  // namespace vd::tui
