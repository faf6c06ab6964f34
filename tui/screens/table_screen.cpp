// Shared table-screen plumbing.
#include "tui/screens/table_screen.hpp"

#include <fmt/format.h>

#include "backend/poll/kind_fields.hpp"
#include "widgets/box.hpp"

namespace vd::tui {

SourceStamp SourceStamp::extra_only() {
    SourceStamp stamp;
    stamp.extra_only_ = true;
    return stamp;
}

bool SourceStamp::changed(const ScreenContext& ctx, std::string_view extra) {
    std::string key = ctx.scope.profile + "|" + ctx.scope.region + "|" + std::string(extra);
    if (extra_only_) {
        if (key == key_ && !key_.empty()) return false;
        key_ = std::move(key);
        return true;
    }
    if (!kinds_.empty()) {
        std::vector<std::shared_ptr<const void>> lists;
        for (const auto* region : ctx.regions())
            for (poll::Kind kind : kinds_) lists.push_back(poll::kind_list(*region, kind));
        if (lists == lists_ && key == key_ && !lists_.empty()) return false;
        lists_ = std::move(lists);
        key_ = std::move(key);
        return true;
    }
    const std::uint64_t generation = ctx.snapshot ? ctx.snapshot->generation : 0;
    if (ctx.snapshot == snapshot_ && generation == generation_ && key == key_) {
        return false;
    }
    snapshot_ = ctx.snapshot;
    generation_ = generation;
    key_ = std::move(key);
    return true;
}

void SourceStamp::reset() {
    snapshot_ = nullptr;
    generation_ = 0;
    lists_.clear();
    key_.clear();
}

Flags table_command(widgets::Table& table, std::string_view name, Effects& fx) {
    if (name == "down") table.move(1);
    else if (name == "up") table.move(-1);
    else if (name == "page-down") table.page_down();
    else if (name == "page-up") table.page_up();
    else if (name == "top") table.home();
    else if (name == "bottom") table.end();
    else if (name == "sort-next" || name == "sort-reverse") {
        const auto& cols = table.columns();
        if (cols.empty()) return kHandled;
        if (name == "sort-reverse") {
            table.sort_by(table.sort_column().value_or(0), !table.sort_ascending());
        } else {
            std::size_t next = table.sort_column() ? (*table.sort_column() + 1) % cols.size() : 0;
            for (std::size_t tries = 0; tries < cols.size() && !cols[next].sortable; ++tries) {
                next = (next + 1) % cols.size();
            }
            table.sort_by(next, true);
        }
        const auto& col = cols[*table.sort_column()];
        fx.message = "sorted by " + col.title + (table.sort_ascending() ? ", ascending" : ", descending") +
                     " (s: next column, S: reverse)";
    } else {
        return kNone;
    }
    return kHandled | kRedraw;
}

std::optional<widgets::KeyEvent> mouse_inside(const widgets::MouseEvent& event, widgets::Rect area) {
    if (!area.contains(event.x, event.y)) return std::nullopt;
    widgets::KeyEvent ev;
    ev.key = widgets::Key::Mouse;
    ev.mouse = event;
    ev.mouse.x -= area.x;
    ev.mouse.y -= area.y;
    return ev;
}

Flags table_mouse(widgets::Table& table, const widgets::MouseEvent& event, widgets::Rect area) {
    const auto ev = mouse_inside(event, area);
    return ev && table.handle(*ev) ? (kHandled | kRedraw) : kNone;
}

TableScreen::TableScreen(Setup setup)
    : views_(std::move(setup.views)), stamp_(std::move(setup.stamp)), detail_help_(std::move(setup.detail_help)) {}

std::vector<widgets::KeyBinding> TableScreen::bindings() const {
    auto out = own_bindings();
    if (!detail_help_.empty()) out.push_back({"d", "details", detail_help_, true, false});
    out.push_back({"s", "sort-next", "Sort by the next column", true, false});
    return out;
}

void TableScreen::sync(const ScreenContext& ctx) {
    if (stamp_.changed(ctx, rows_key(ctx) + "|" + std::to_string(view_))) {
        rows_ = make_rows(ctx);
        table().set_source(rows_);
    }
}

void TableScreen::show_view(const ScreenContext& ctx, std::size_t view) {
    const std::string filter = table().filter();
    view_ = view;
    sync(ctx);
    table().set_filter(filter);
}

void TableScreen::render(const ScreenContext& ctx, widgets::Canvas& canvas) {
    sync(ctx);
    draw(ctx, canvas);
}

Flags TableScreen::command(const ScreenContext& ctx, std::string_view name, Effects& fx) {
    sync(ctx);
    if (const Flags f = own_command(ctx, name, fx)) return f;
    if (name == "details" && !detail_help_.empty()) {
        details_ = !details_;
        return kHandled | kRedraw;
    }
    return table_command(table(), name, fx);
}

Flags TableScreen::mouse(const ScreenContext& ctx, const widgets::MouseEvent& event, Effects& fx) {
    sync(ctx);
    const Flags f = table_mouse(table(), event, table_area_);
    return f ? f : Screen::mouse(ctx, event, fx);
}

std::string TableScreen::selected_arn(const ScreenContext& ctx) {
    sync(ctx);
    const auto row = table().selected_row();
    return row ? arn_of(*row) : std::string();
}

void TableScreen::draw_table(const ScreenContext& ctx, widgets::Canvas& canvas, widgets::Rect area) {
    table_area_ = area;
    auto table_canvas = canvas.region(area);
    table().render(table_canvas, *ctx.theme, true);
}

int TableScreen::draw_title(const ScreenContext& ctx, widgets::Canvas& canvas, std::string_view title, int y) const {
    canvas.fill({0, y, canvas.width(), 1}, " ", ctx.theme->style(widgets::Role::Normal));
    return canvas.put(1, y, title, ctx.theme->style(widgets::Role::Title));
}

int TableScreen::draw_position(const ScreenContext& ctx, widgets::Canvas& canvas, int x, int y) const {
    x = canvas.put(x, y, table().position_text(), ctx.theme->style(widgets::Role::Dim));
    if (table().filter().empty()) return x;
    return canvas.put(x + 2, y, fmt::format("filter: {}  ({} of {})", table().filter(), table().shown_rows(), table().total_rows()),
               ctx.theme->style(widgets::Role::Accent));
}

void TableScreen::draw_pane(const ScreenContext& ctx, widgets::Canvas& canvas, widgets::Rect area,
                            std::string_view title, const std::vector<Line>& lines) {
    auto pane = canvas.region(area);
    pane.fill({0, 0, area.width, area.height}, " ", ctx.theme->style(widgets::Role::Normal));
    const widgets::Rect inside = widgets::draw_box(pane, {0, 0, area.width, area.height}, *ctx.theme, title);
    auto inner = pane.region(inside);
    draw_lines(inner, lines, 0, -1, *ctx.theme);
}

}  // namespace vd::tui
