// Drawing the console: chrome rows, the active screen, overlays, prompts.
#include <algorithm>

#include <fmt/format.h>

#include "tui/app/ascii_canvas.hpp"
#include "tui/app/chrome.hpp"
#include "tui/app/console.hpp"
#include "tui/app/console_commands.hpp"
#include "tui/app/console_impl.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Role;

std::vector<TabItem> Console::Impl::tabs(int w) const {
    std::vector<TabItem> out;
    int total = 0;
    for (const auto& s : screens) total += s->listed() ? widgets::display_width(s->title()) + 4 : 0;
    const bool narrow = total > w - 24;
    for (std::size_t i = 0; i < screens.size(); ++i) {
        if (!screens[i]->listed()) continue;  // only the last screens are ever unlisted
        const auto name = narrow ? screens[i]->short_title() : screens[i]->title();
        out.push_back({fmt::format("{} {}", i + 1, name), i == active});
    }
    return out;
}

namespace {

// Passes drawing on and remembers where the terminal cursor was last put,
// so the loop can put it back after drawing the other rows.
class CursorRecorder final : public widgets::Canvas {
public:
    CursorRecorder(widgets::Canvas& inner, std::optional<std::pair<int, int>>& cursor) : inner_(&inner), cursor_(&cursor) {
        cursor_->reset();
    }
    int width() const override { return inner_->width(); }
    int height() const override { return inner_->height(); }
    int put(int x, int y, std::string_view text, const widgets::Style& style) override { return inner_->put(x, y, text, style); }
    void fill(widgets::Rect area, std::string_view glyph, const widgets::Style& style) override { inner_->fill(area, glyph, style); }
    void hide_cursor() override {
        cursor_->reset();
        inner_->hide_cursor();
    }
    void show_cursor(int x, int y) override {
        *cursor_ = std::make_pair(x, y);
        inner_->show_cursor(x, y);
    }

private:
    widgets::Canvas* inner_;
    std::optional<std::pair<int, int>>* cursor_;
};

// The scope label at the right of the tab row.
std::string scope_label(const Scope& scope) {
    std::string out;
    if (!scope.profile.empty()) out += "profile " + scope.profile;
    if (!scope.region.empty()) out += (out.empty() ? "" : " · ") + std::string("region ") + scope.region;
    return out;
}

}  // namespace

void Console::draw(widgets::Canvas& target) {
    AsciiCanvas ascii(target);
    widgets::Canvas& canvas = impl_->theme.glyphs().utf8 ? target : ascii;
    const Layout l = layout_for(canvas.width(), canvas.height());
    if (l.too_small) {
        draw_too_small(canvas);
        return;
    }
    auto header = canvas.region(l.header);
    auto tabs = canvas.region(l.tabs);
    auto body = canvas.region(l.body);
    auto footer = canvas.region(l.footer);
    draw_header(header);
    draw_tabs(tabs);
    draw_body(body);
    draw_footer(footer);
}

void Console::draw_header(widgets::Canvas& target) {
    AsciiCanvas ascii(target);
    widgets::Canvas& row = impl_->theme.glyphs().utf8 ? target : ascii;
    const ScreenContext ctx = impl_->context();
    tui::draw_header(row, header_model(*impl_->snapshot, ctx.now, ctx.read_only, impl_->scope), impl_->theme);
}

std::string Console::header_key() const {
    const ScreenContext ctx = impl_->context();
    return header_model(*impl_->snapshot, ctx.now, ctx.read_only, impl_->scope).key();
}

void Console::draw_tabs(widgets::Canvas& target) {
    AsciiCanvas ascii(target);
    widgets::Canvas& row = impl_->theme.glyphs().utf8 ? target : ascii;
    Impl& s = *impl_;
    s.width = row.width();
    std::vector<std::string> labels;
    for (const auto& t : s.tabs(row.width())) labels.push_back(t.label);
    if (labels != s.tab_row.labels()) s.tab_row = widgets::Tabs(labels);
    s.tab_row.set_active(s.active);
    const std::string right = scope_label(s.scope);
    const int right_w = right.empty() ? 0 : widgets::display_width(right) + 2;
    row.fill({0, 0, row.width(), 1}, " ", s.theme.style(Role::Normal));
    auto left = row.region({0, 0, row.width() - right_w, 1});
    s.tab_row.render(left, s.theme);
    if (!right.empty()) row.put(row.width() - right_w + 1, 0, right, s.theme.style(Role::Accent));
}

std::string Console::tabs_key() const {
    return fmt::format("{}|{}|{}|{}", impl_->active, impl_->scope.profile, impl_->scope.region,
                       impl_->screens.back()->listed());
}

void Console::draw_body(widgets::Canvas& target) {
    CursorRecorder recorder(target, impl_->body_cursor);
    AsciiCanvas ascii(recorder);
    widgets::Canvas& body = impl_->theme.glyphs().utf8 ? static_cast<widgets::Canvas&>(recorder) : ascii;
    Impl& s = *impl_;
    const ScreenContext ctx = s.context();
    s.screens[s.active]->render(ctx, body);
    if (s.mode == Impl::Mode::Help && s.help) {
        s.help->render(body, s.theme);
    } else if (s.mode == Impl::Mode::Dialog && s.dialog) {
        s.dialog->render(body, s.theme);
    }
}

std::optional<std::pair<int, int>> Console::body_cursor() const {
    if (editing()) return std::nullopt;
    return impl_->body_cursor;
}

std::string Console::footer_key(int width) const {
    const Impl& s = *impl_;
    std::string key = fmt::format("{}|{}|{}|{}|{}|{}|{}|{}", static_cast<int>(s.mode), s.input.value() + "|" + std::to_string(s.input.cursor()), s.message,
                                  s.message_is_error, s.footer_extra, width, s.active, s.bindings.size());
    for (const auto& c : s.candidates) key += "|" + c;
    if (s.mode == Impl::Mode::Normal) key += "|" + s.screens[s.active]->filter() + "|" + s.screens[s.active]->capture_hint();
    for (const auto& b : s.bindings) key += "|" + b.key + (b.visible ? "+" : "-");
    return key;
}

void Console::draw_footer(widgets::Canvas& target) {
    AsciiCanvas ascii(target);
    widgets::Canvas& row = impl_->theme.glyphs().utf8 ? target : ascii;
    Impl& s = *impl_;
    const auto& theme = s.theme;
    const int width = row.width();
    row.fill({0, 0, width, 1}, " ", theme.style(Role::Normal));
    using Mode = Impl::Mode;
    if (s.mode == Mode::Command || s.mode == Mode::Filter) {
        const std::string prompt = s.mode == Mode::Command ? ":" : "/";
        const int start = row.put(0, 0, prompt, theme.style(Role::Key));
        const int field = std::min(width - start, widgets::display_width(s.input.value()) + 1);
        const int x = start + field - 1;
        std::string hint;
        if (!s.candidates.empty()) {
            for (const auto& c : s.candidates) hint += (hint.empty() ? "" : "  ") + c;
        } else if (s.mode == Mode::Filter) {
            hint = "text or column:value · Enter keeps · Esc cancels";
        } else {
            hint = s.command_hint_text();
        }
        row.put(std::max(x + 3, width / 2), 0, widgets::ellipsize(hint, width - std::max(x + 3, width / 2)),
                theme.style(Role::Dim));
        // Last, so that the terminal cursor stays in the field.
        s.input.render(row, start, 0, field, theme.style(Role::InputFocused), true);
        return;
    }
    const Screen& screen = *s.screens[s.active];
    if (s.mode == Mode::Normal && screen.capturing()) {
        // The screen's field keeps the terminal cursor.
        row.put(1, 0, widgets::ellipsize(screen.capture_hint(), width - 2), theme.style(Role::Info));
        return;
    }
    row.hide_cursor();
    if (!s.message.empty()) {
        row.put(1, 0, widgets::ellipsize(s.message, width - 2), theme.style(s.message_is_error ? Role::Error : Role::Info));
        return;
    }
    std::vector<FooterItem> items = footer_items(s.bindings);
    const std::string filter = s.screens[s.active]->filter();
    std::string extra = s.footer_extra;
    if (!filter.empty()) extra = "filter: " + filter + (extra.empty() ? "" : "  " + extra);
    draw_key_footer(row, items, extra, theme);
}

std::string Console::Impl::command_hint_text() const {
    std::string hint;
    for (const auto& screen : screens)
        if (screen->listed()) hint += std::string(screen->id()) + " ";
    for (const auto& c : console_commands())
        if (c.typed) hint += std::string(c.aliases.empty() ? c.name : c.aliases.front()) + " ";
    return hint + "· Tab completes";
}

void Console::draw_too_small(widgets::Canvas& canvas) {
    tui::draw_too_small(canvas, kMinWidth, kMinHeight, impl_->theme);
}

}  // namespace vd::tui
