// The console loop.
#include "tui/app/app.hpp"

#include <curses.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>

#include <fmt/format.h>

#include "tui/app/clipboard.hpp"
#include "tui/app/terminal.hpp"
#include "widgets/glyphs.hpp"
#include "widgets/ncurses_canvas.hpp"
#include "widgets/ncurses_input.hpp"
#include "widgets/text.hpp"

namespace vd::tui {
namespace {

// What has to be drawn in the next frame.
enum Dirty : unsigned {
    kDirtyNone = 0,
    kDirtyBody = 1u << 0,
    kDirtyChrome = 1u << 1,  // compare the chrome keys, redraw rows that changed
    kDirtyAll = 1u << 2,     // resize: repaint everything
};

class Loop {
public:
    Loop(AppOptions options, std::unique_ptr<Terminal> terminal, widgets::Theme theme)
        : options_(std::move(options)), terminal_(std::move(terminal)),
          console_(options_.console, std::move(theme)), canvas_(stdscr) {
        if (!options_.frame_log.empty()) {
            // Created 0600 (and made so if it existed): it is the operator's file.
            if (int fd = ::open(options_.frame_log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600); fd >= 0) {
                ::fchmod(fd, 0600);
                ::close(fd);
            }
            frame_log_.open(options_.frame_log, std::ios::app);
        }
    }

    // Runs until quit; returns the exit code.
    int run();

private:
    // Draws what is dirty, with one doupdate(), and counts the bytes.
    void frame();
    // Applies handler flags: refetch, quit, and what becomes dirty.
    void apply(Flags flags);
    // Reacts to the signals that arrived.
    void signals();
    // Takes the newest snapshot if the poller published one.
    void take_snapshot();

    AppOptions options_;
    std::unique_ptr<Terminal> terminal_;
    Console console_;
    widgets::NcursesCanvas canvas_;
    unsigned dirty_ = kDirtyAll;
    bool quit_ = false;
    int exit_code_ = 0;
    std::uint64_t generation_ = 0;
    std::string header_key_, tabs_key_, footer_key_;
    std::uint64_t frames_ = 0;
    std::uint64_t last_frame_bytes_ = 0;
    std::ofstream frame_log_;
};

void Loop::take_snapshot() {
    if (!options_.snapshot) return;
    poll::SnapshotPtr snap = options_.snapshot();
    if (snap && (snap->generation != generation_ || snap != console_.snapshot())) {
        generation_ = snap->generation;
        console_.set_snapshot(std::move(snap));
        dirty_ |= kDirtyBody | kDirtyChrome;
    }
    if (console_.take_findings()) dirty_ |= kDirtyBody | kDirtyChrome;
    if (console_.take_wizard_update()) dirty_ |= kDirtyBody | kDirtyChrome;
}

void Loop::apply(Flags flags) {
    if (flags & kQuit) quit_ = true;
    if ((flags & kRefetch) && options_.refresh) options_.refresh();
    if (flags & kRedraw) dirty_ |= kDirtyBody;
    if (flags & kChrome) dirty_ |= kDirtyChrome;
    if (console_.take_repaint()) {
        clearok(curscr, TRUE);
        dirty_ |= kDirtyAll;
    }
}

void Loop::signals() {
    for (int sig : terminal_->take_signals()) {
        switch (sig) {
        case SIGWINCH:
            terminal_->follow_size();
            clearok(curscr, TRUE);
            dirty_ |= kDirtyAll;
            break;
        case SIGTSTP:
            terminal_->suspend();
            dirty_ |= kDirtyAll;
            break;
        case SIGCONT:
            terminal_->follow_size();
            clearok(curscr, TRUE);
            dirty_ |= kDirtyAll;
            break;
        default:  // SIGTERM, SIGHUP, SIGINT, SIGQUIT: leave cleanly
            quit_ = true;
            exit_code_ = 128 + sig;
            break;
        }
    }
}

void Loop::frame() {
    const int width = COLS;
    const int height = LINES;
    const Layout layout = layout_for(width, height);
    const std::uint64_t before = terminal_->bytes_written();
    const bool all = (dirty_ & kDirtyAll) != 0;
    if (layout.too_small) {
        console_.draw_too_small(canvas_);
        header_key_.clear();
        tabs_key_.clear();
        footer_key_.clear();
    } else {
        if (all) {
            canvas_.fill({0, 0, width, height}, " ", {});
        }
        const bool body = all || (dirty_ & kDirtyBody);
        if (body) {
            auto region = canvas_.region(layout.body);
            console_.draw_body(region);
        }
        if (options_.stats) {
            console_.set_footer_extra(fmt::format("{} B/frame · {} total", last_frame_bytes_,
                                                  widgets::human_size(terminal_->bytes_written())));
        }
        const std::string header = console_.header_key();
        if (all || header != header_key_) {
            auto region = canvas_.region(layout.header);
            console_.draw_header(region);
            header_key_ = header;
        }
        const std::string tabs = console_.tabs_key();
        if (all || tabs != tabs_key_) {
            auto region = canvas_.region(layout.tabs);
            console_.draw_tabs(region);
            tabs_key_ = tabs;
        }
        const std::string footer = console_.footer_key(width);
        if (all || footer != footer_key_ || (body && console_.editing())) {
            auto region = canvas_.region(layout.footer);
            console_.draw_footer(region);
            footer_key_ = footer;
        }
        if (const auto cursor = console_.body_cursor()) {
            canvas_.show_cursor(layout.body.x + cursor->first, layout.body.y + cursor->second);
        }
    }
    canvas_.present();
    doupdate();
    terminal_->sync();
    if (const std::string clip = console_.take_clipboard(); !clip.empty()) {
        terminal_->write_raw(osc52_sequence(clip, clipboard_target_from_env()));
    }
    last_frame_bytes_ = terminal_->bytes_written() - before;
    ++frames_;
    if (frame_log_) {
        frame_log_ << "frame " << frames_ << " bytes " << last_frame_bytes_ << (all ? " full" : "") << '\n';
        frame_log_.flush();
    }
    dirty_ = kDirtyNone;
}

int Loop::run() {
    take_snapshot();
    if (!console_.snapshot()) {
        console_.set_snapshot(std::make_shared<poll::Snapshot>());
    }
    auto last_tick = std::chrono::steady_clock::now();
    while (!quit_) {
        if (dirty_ != kDirtyNone) frame();
        struct pollfd fds[3] = {
            {STDIN_FILENO, POLLIN, 0},
            {terminal_->signal_fd(), POLLIN, 0},
            {options_.wakeup ? options_.wakeup->fd() : -1, POLLIN, 0},
        };
        const auto since = std::chrono::steady_clock::now() - last_tick;
        const int timeout = static_cast<int>(std::max<long long>(
            0, 1000 - std::chrono::duration_cast<std::chrono::milliseconds>(since).count()));
        const int ready = ::poll(fds, 3, timeout);
        if (ready < 0 && errno != EINTR) break;
        if (fds[1].revents & POLLIN) signals();
        if (fds[2].revents & POLLIN) {
            options_.wakeup->drain();
            take_snapshot();
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            if ((fds[0].revents & (POLLHUP | POLLERR)) && !(fds[0].revents & POLLIN)) {
                quit_ = true;  // the terminal went away
                exit_code_ = 128 + SIGHUP;
            }
            for (auto ev = widgets::read_event(stdscr); ev.key != widgets::Key::None;
                 ev = widgets::read_event(stdscr)) {
                const widgets::KeyEvent* event = &ev;
                if (event->key == widgets::Key::Resize) {
                    // curses queues this after our own resize (SIGWINCH): just repaint.
                    dirty_ |= kDirtyAll;
                    continue;
                }
                const bool too_small = layout_for(COLS, LINES).too_small;
                if (too_small && !(event->is(U'q') || event->key == widgets::Key::Resize)) continue;
                apply(too_small && event->is(U'q') ? kQuit : console_.handle(*event));
                if (quit_) break;
            }
        }
        if (std::chrono::steady_clock::now() - last_tick >= std::chrono::seconds(1)) {
            last_tick = std::chrono::steady_clock::now();
            console_.tick();
            dirty_ |= kDirtyBody | kDirtyChrome;
        }
    }
    terminal_->close();
    return exit_code_;
}

}  // namespace

int run_app(AppOptions options) {
    const bool mono = options.no_color || widgets::no_color_requested() || options.theme == "mono";
    auto terminal = Terminal::open({.mouse = options.mouse, .colors = !mono});
    if (!terminal) {
        std::fprintf(stderr, "vaultdeck: %s\n", terminal.error().message.c_str());
        return 1;
    }
    widgets::Theme theme = widgets::choose_theme({.name = options.theme,
                                                  .no_color = mono,
                                                  .colors = (*terminal)->colors(),
                                                  .utf8 = widgets::locale_is_utf8()});
    Loop loop(std::move(options), std::move(*terminal), std::move(theme));
    return loop.run();
}

}  // namespace vd::tui
