// The Audit screen.
#include "tui/screens/audit.hpp"

#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/runbook/api_call.hpp"
#include "tui/screens/format.hpp"
#include "tui/screens/table_screen.hpp"
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
        return RowSource::sort_key(row, column);
    }

    const runbook::AuditEntry& entry(std::size_t row) const { return entries_[row]; }

private:
    std::vector<runbook::AuditEntry> entries_;
};

class AuditScreen final : public TableScreen {
public:
    AuditScreen()
        : TableScreen({.views = {widgets::Table(audit_columns(), {.empty_message = "vaultdeck has not changed anything yet"})},
                       .stamp = SourceStamp::extra_only(),
                       .detail_help = "Show or hide the API call"}) {}

    std::string_view id() const override { return "audit"; }
    std::vector<std::string_view> aliases() const override { return {"log"}; }
    std::string_view title() const override { return "Audit"; }

    // The log is read when the screen is shown and on refresh.
    void on_enter(const ScreenContext& ctx) override {
        ++reads_;
        entries_.clear();
        problem_.clear();
        if (!ctx.read_audit) return;
        auto read = ctx.read_audit();
        if (!read) {
            problem_ = "cannot read the audit log: " + read.error().message;
            return;
        }
        entries_ = std::move(read->entries);
        if (read->malformed_lines > 0) problem_ = std::to_string(read->malformed_lines) + " malformed line(s) skipped";
    }

private:
    std::vector<widgets::KeyBinding> own_bindings() const override { return {}; }

    std::shared_ptr<const widgets::RowSource> make_rows(const ScreenContext& ctx) override {
        (void)ctx;
        rows_ = std::make_shared<AuditRows>(entries_);
        return rows_;
    }
    std::string rows_key(const ScreenContext&) const override { return std::to_string(reads_); }

    void draw(const ScreenContext& ctx, widgets::Canvas& canvas) override {
        const int w = canvas.width();
        const int h = canvas.height();
        const int x = draw_title(ctx, canvas, "Audit log, newest first");
        const int after = draw_position(ctx, canvas, x + 2);
        if (!problem_.empty()) canvas.put(after + 2, 0, problem_, ctx.theme->style(Role::Warning));
        const int pane_h = details_shown() && h >= 16 ? std::min(10, h / 3) : 0;
        draw_table(ctx, canvas, {0, 1, w, h - 1 - pane_h});
        if (pane_h > 0) draw_pane(ctx, canvas, {0, h - pane_h, w, pane_h}, "API call", detail_lines());
    }

    // The selected entry's call, identity, token and result.
    std::vector<Line> detail_lines() const {
        std::vector<Line> lines;
        const auto row = table().selected_row();
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

    std::shared_ptr<AuditRows> rows_;
    std::vector<runbook::AuditEntry> entries_;  // newest first
    std::string problem_;                       // why the log could not be read, or lines skipped
    std::uint64_t reads_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_audit_screen() { return std::make_unique<AuditScreen>(); }

}  // namespace vd::tui
