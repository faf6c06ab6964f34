// Shared table-screen plumbing.
#include "tui/screens/table_screen.hpp"

#include "backend/poll/kind_fields.hpp"

namespace vd::tui {

bool SourceStamp::changed(const ScreenContext& ctx, std::string_view extra) {
    std::string key = ctx.scope.profile + "|" + ctx.scope.region + "|" + std::string(extra);
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

Flags table_mouse(widgets::Table& table, const widgets::MouseEvent& event, widgets::Rect area) {
    if (!area.contains(event.x, event.y)) {
        return kNone;
    }
    widgets::KeyEvent ev;
    ev.key = widgets::Key::Mouse;
    ev.mouse = event;
    ev.mouse.x -= area.x;
    ev.mouse.y -= area.y;
    return table.handle(ev) ? (kHandled | kRedraw) : kNone;
}

}  // namespace vd::tui
