// `vaultdeck render`: one frame of any screen to stdout, drawn by the same
// Console code as the full-screen console, on an in-memory canvas.
#include <clocale>
#include <cstdio>
#include <iostream>
#include <string>

#include "backend/health/fetch_errors.hpp"
#include "tui/app/console.hpp"
#include "tui/app/console_setup.hpp"
#include "tui/cli/commands.hpp"
#include "tui/cli/environment.hpp"
#include "widgets/glyphs.hpp"
#include "widgets/memory_canvas.hpp"
#include "widgets/theme.hpp"

namespace vd::cli {
namespace {

// Parses "COLSxROWS" (each 1..1000).
bool parse_size(const std::string& text, int& cols, int& rows) {
    const auto x = text.find_first_of("xX");
    if (x == std::string::npos) return false;
    try {
        std::size_t used = 0;
        cols = std::stoi(text.substr(0, x), &used);
        if (used != x) return false;
        const std::string r = text.substr(x + 1);
        rows = std::stoi(r, &used);
        if (used != r.size()) return false;
    } catch (const std::exception&) {
        return false;
    }
    return cols >= 1 && rows >= 1 && cols <= 1000 && rows <= 1000;
}

}  // namespace

// Draws one frame of a screen to stdout, plain or with ANSI colours.
int run_render(const GlobalOptions& g, const RenderOptions& o) {
    std::setlocale(LC_ALL, "");
    int cols = 0, rows = 0;
    if (!parse_size(o.size, cols, rows)) {
        print_error("--size must be COLSxROWS, e.g. 120x40 (got '" + o.size + "')");
        return kExitUsage;
    }
    if (!tui::Console(tui::ConsoleOptions{}, widgets::mono_theme()).show_screen(o.screen)) {
        print_error("unknown screen '" + o.screen + "' (one of: " + tui::screen_names() + ")");
        return kExitUsage;
    }
    auto env = open_environment(g, EnvironmentUse::Headless);
    if (!env) {
        print_error(env.error().to_string());
        return kExitWarning;
    }
    const auto& config = (*env)->config();
    widgets::Theme theme = o.ansi ? widgets::choose_theme({.name = tui::theme_name(config),
                                                          .no_color = g.no_color,
                                                          .colors = 256,
                                                          .utf8 = widgets::locale_is_utf8()})
                                  : widgets::mono_theme(widgets::glyphs_for_locale());
    tui::Console console(tui::console_options(config, g.read_only), std::move(theme));
    console.show_screen(o.screen);
    const poll::SnapshotPtr console_snapshot = (*env)->poller().poll_once();
    console.set_snapshot(console_snapshot);
    widgets::MemoryCanvas canvas(cols, rows);
    console.draw(canvas);
    std::cout << (o.ansi ? canvas.to_ansi() : canvas.to_string());
    std::cout.flush();
    if (!std::cout) return kExitWarning;
    // The frame shows the errors; a script that renders must not take it for data.
    if (auto why = health::nothing_loaded(*console_snapshot); !why.empty()) {
        print_error("nothing could be fetched: " + why);
        return kExitWarning;
    }
    return kExitOk;
}

}  // namespace vd::cli
