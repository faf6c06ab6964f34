// The Audit screen.
#include "tui/screens/audit.hpp"

#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/runbook/api_call.hpp"
#include "tui/screens/format.hpp"
#include "tui/screens/table_screen.hpp"
#include "tui/screens/text_lines.hpp"
#include "widgets/box.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Role;

namespace {

enum AuditColumn : std::size_t {
    kAuTime, kAuPhase, kAuAction, kAuTarget, kAuResult, kAuWho, kAuRegion, kAuRequest, kAuColumnCount,
};

std::vector<widgets::Column> audit_columns() {
    return {
        {"time", "Time", 16},
        {"phase", "Phase", 7},
        {"action", "Action", 22, 1},
        {"target", "Target", 16, 2},
        {"result", "Result", 14, 2},
        {"who", "Who", 16, 1},
        {"region", "Region", 12},
        {"request", "Request id", 12, 1},
    };
}

// "2025-06-15 03:04" in UTC.
std::string minute_of(TimePoint t) {
    const std::string s = format_iso8601(t);
    return s.substr(0, 10) + " " + s.substr(11, 5);
}

// The role of an entry's result.
Role result_role(const runbook::AuditEntry& e) {
    if (!e.error.empty() || e.result == "error") return Role::Failed;
    if (e.phase == "dry-run") return Role::Info;
    if (e.result == "ok") return Role::Ok;
    return Role::Dim;
}

// A row source over the audit entries (newest first, as read).
class AuditRows final : public widgets::RowSource {
public:
    explicit AuditRows(std::vector<runbook::AuditEntry> entries) : entries_(std::move(entries)) {}

    std::size_t row_count() const override { return entries_.size(); }

    void format_row(std::size_t row, std::vector<widgets::TableCell>& cells) const override {
        const auto& e = entries_[row];
        cells.assign(kAuColumnCount, {});
        cells[kAuTime] = {minute_of(e.time), Role::Normal};
        cells[kAuPhase] = {e.phase, e.phase == "dry-run" ? Role::Info : Role::Dim};
        const std::string op = e.call.operation.empty() ? e.action : e.action + " " + e.call.operation;
        cells[kAuAction] = {op, Role::Normal};
        cells[kAuTarget] = {e.target, Role::Normal};
        std::string result = !e.error.empty() ? e.error : (!e.outcome.empty() ? e.result + " " + e.outcome : e.result);
        cells[kAuResult] = {result.empty() ? "-" : result, result_role(e)};
        cells[kAuWho] = {arn_tail(e.who), Role::Dim};
        cells[kAuRegion] = {e.region, Role::Dim};
        cells[kAuRequest] = {e.request_id, Role::Dim};
    }

    widgets::SortKey sort_key(std::size_t row, std::size_t column) const override {
        if (column == kAuTime) return widgets::SortKey::of(to_epoch_seconds(entries_[row].time));
        std::vector<widgets::TableCell> cells;
        format_row(row, cells);
        return widgets::SortKey::of(widgets::ascii_lower(cells[column].text));
    }

    const runbook::AuditEntry& entry(std::size_t row) const { return entries_[row]; }

private:
    std::vector<runbook::AuditEntry> entries_;
};

class AuditScreen final : public Screen {
public:
    AuditScreen() : table_(audit_columns(), {.empty_message = "vaultdeck has not changed anything yet"}) {}

    std::string_view id() const override { return "audit"; }
    std::string_view title() const override { return "Audit"; }
    std::vector<widgets::KeyBinding> bindings() const override {
        return {{"d", "details", "Show or hide the API call", true, false}};
    }

    void render(const ScreenContext& ctx, widgets::Canvas& canvas) const override {
        sync(ctx);
        const int w = canvas.width();
        const int h = canvas.height();
        canvas.fill({0, 0, w, 1}, " ", ctx.theme->style(Role::Normal));
        int x = canvas.put(1, 0, "Audit log, newest first", ctx.theme->style(Role::Title));
        x = canvas.put(x + 2, 0, table_.position_text(), ctx.theme->style(Role::Dim));
        if (!ctx.audit_problem.empty()) canvas.put(x + 2, 0, ctx.audit_problem, ctx.theme->style(Role::Warning));
        const int pane_h = details_ && h >= 16 ? std::min(10, h / 3) : 0;
        table_area_ = {0, 1, w, h - 1 - pane_h};
        auto table_canvas = canvas.region(table_area_);
        table_.render(table_canvas, *ctx.theme, true);
        if (pane_h > 0) {
            auto pane = canvas.region({0, h - pane_h, w, pane_h});
            const widgets::Rect inside = widgets::draw_box(pane, {0, 0, w, pane_h}, *ctx.theme, "API call");
            auto inner = pane.region(inside);
            draw_lines(inner, detail_lines(), 0, -1, *ctx.theme);
        }
    }

    Flags command(const ScreenContext& ctx, std::string_view name, Effects& fx) override {
        sync(ctx);
        if (name == "details") {
            details_ = !details_;
            return kHandled | kRedraw;
        }
        return table_command(table_, name, fx);
    }

    Flags mouse(const ScreenContext& ctx, const widgets::MouseEvent& event, Effects& fx) override {
        sync(ctx);
        const Flags f = table_mouse(table_, event, table_area_);
        return f ? f : Screen::mouse(ctx, event, fx);
    }

    bool filterable() const override { return true; }
    void set_filter(std::string text) override { table_.set_filter(text); }
    std::string filter() const override { return table_.filter(); }

private:
    void sync(const ScreenContext& ctx) const {
        const std::size_t n = ctx.audit ? ctx.audit->size() : 0;
        const std::string key = fmt::format("{}|{}", n, n ? to_epoch_seconds(ctx.audit->front().time) : 0.0);
        if (key != key_) {
            key_ = key;
            rows_ = std::make_shared<AuditRows>(ctx.audit ? *ctx.audit : std::vector<runbook::AuditEntry>{});
            table_.set_source(rows_);
        }
    }

    // The selected entry's call, identity, token and result.
    std::vector<Line> detail_lines() const {
        std::vector<Line> lines;
        const auto row = table_.selected_row();
        if (!row) return lines;
        const auto& e = rows_->entry(*row);
        lines.push_back(Line{}.add("who    ", Role::Dim).add(e.who.empty() ? "-" : e.who)
                            .add("   account ", Role::Dim).add(e.account).add("  " + e.region, Role::Dim));
        if (!e.wizard_id.empty() || !e.runbook.empty()) {
            lines.push_back(Line{}.add("run    ", Role::Dim).add(e.runbook).add("  wizard " + e.wizard_id, Role::Dim)
                                .add(e.idempotency_token.empty() ? "" : "  token " + e.idempotency_token, Role::Dim));
        }
        if (!e.error.empty()) lines.push_back(Line{}.add("error  ", Role::Dim).add(e.error, Role::Failed));
        if (!e.call.operation.empty()) {
            const std::string call = runbook::describe_api_call(e.call);
            std::size_t start = 0;
            while (start <= call.size()) {
                const auto end = call.find('\n', start);
                lines.push_back(Line{}.add(call.substr(start, end == std::string::npos ? std::string::npos : end - start),
                                           Role::Normal));
                if (end == std::string::npos) break;
                start = end + 1;
            }
        }
        return lines;
    }

    mutable widgets::Table table_;
    mutable std::shared_ptr<AuditRows> rows_;
    mutable std::string key_ = "-";
    mutable widgets::Rect table_area_{};
    bool details_ = true;
};

}  // namespace

std::unique_ptr<Screen> make_audit_screen() { return std::make_unique<AuditScreen>(); }

}  // namespace vd::tui
