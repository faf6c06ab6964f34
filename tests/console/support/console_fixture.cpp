// The console test fixture.
#include "console/support/console_fixture.hpp"

#include <sstream>

#include "console/support/sample_snapshot.hpp"
#include "widgets/glyphs.hpp"
#include "widgets/text.hpp"
#include "widgets/theme.hpp"

namespace vd::testing {

tui::ConsoleOptions sample_options(bool read_only) {
    tui::ConsoleOptions o;
    o.read_only = read_only;
    o.clock = std::make_shared<FixedClock>(sample_now());
    o.evaluate = [](const poll::Snapshot&, TimePoint) { return sample_findings(); };
    return o;
}

std::unique_ptr<tui::Console> sample_console(tui::ConsoleOptions options, bool colour) {
    widgets::Theme theme = colour ? widgets::dark_theme(widgets::utf8_glyphs()) : widgets::mono_theme(widgets::utf8_glyphs());
    auto console = std::make_unique<tui::Console>(std::move(options), std::move(theme));
    console->set_snapshot(std::make_shared<poll::Snapshot>(sample_snapshot()));
    return console;
}

std::string frame_text(tui::Console& console, int width, int height) {
    widgets::MemoryCanvas canvas(width, height);
    console.draw(canvas);
    return canvas.to_string();
}

void type(tui::Console& console, const std::string& keys) {
    for (std::size_t i = 0; i < keys.size();) {
        const auto ch = widgets::decode_utf8(keys, i);
        console.handle(widgets::KeyEvent::character(ch.code));
        i += ch.bytes;
    }
}

std::string line_with(const std::string& text, const std::string& needle) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.find(needle) != std::string::npos) return line;
    }
    return {};
}

}  // namespace vd::testing
