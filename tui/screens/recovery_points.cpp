// The Recovery points screen.
#include "tui/screens/recovery_points.hpp"

#include <fmt/format.h>

#include "tui/screens/format.hpp"
#include "tui/screens/recovery_point_rows.hpp"
#include "tui/screens/table_screen.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Role;

namespace {

// "warm now", "cold since 2025-07-15", "deleted on ...": where a point stands.
std::string lifecycle_line(const model::RecoveryPoint& rp, TimePoint now) {
    const auto& cold = rp.calculated.move_to_cold_storage_at;
    const auto& del = rp.calculated.delete_at;
    std::string out = "created " + day_of(rp.creation_date);
    if (cold) {
        out += *cold <= now ? " → cold since " + day_of(cold) : " → cold " + day_of(cold) + " (" + relative(cold, now) + ")";
    } else {
        out += " → stays warm";
    }
    if (del) {
        out += *del <= now ? " → deleted " + day_of(del) : " → deleted " + day_of(del) + " (" + relative(del, now) + ")";
    } else {
        out += " → kept until deleted by hand";
    }
    return out;
}

class RecoveryPointsScreen final : public TableScreen {
public:
    RecoveryPointsScreen()
        : TableScreen({.views = {widgets::Table(recovery_point_columns(false), {.empty_message = "no recovery points in this scope"}),
                                 widgets::Table(recovery_point_columns(true), {.empty_message = "no recovery points in this scope"})},
                       .stamp = SourceStamp({poll::Kind::Vaults, poll::Kind::RecoveryPoints}),
                       .detail_help = "Show or hide the detail pane"}) {
        table().sort_by(kRpCreated, false);
    }

    std::string_view id() const override { return "rp"; }
    std::vector<std::string_view> aliases() const override { return {"recovery-points", "points"}; }
    std::string_view title() const override { return "Recovery points"; }
    std::string_view short_title() const override { return "Points"; }

private:
    std::vector<widgets::KeyBinding> own_bindings() const override {
        return {
            {"enter", "restore", "Restore this point to a NEW instance (restore wizard)", true, false},
            {"v", "group", "Group by vault or by resource", true, false},
        };
    }

    std::shared_ptr<const widgets::RowSource> make_rows(const ScreenContext& ctx) override {
        rows_ = std::make_shared<RecoveryPointRows>(ctx, by_vault_);
        return rows_;
    }

    void draw(const ScreenContext& ctx, widgets::Canvas& canvas) override {
        const int w = canvas.width();
        const int h = canvas.height();
        const bool wide = w >= 150;
        const bool pane = details_shown() && (wide || h >= 18);
        std::vector<Line> lines;
        if (pane) {
            if (const auto row = table().selected_row()) {
                lines = recovery_point_details(ctx, rows_->point(*row), rows_->vault_of(rows_->point(*row)));
                lines = fold_lines(lines, (wide ? std::min(64, w / 3) : w) - 2, 10);
            } else {
                lines.push_back(Line{}.add("nothing selected", Role::Dim));
            }
        }
        widgets::Rect table_area{0, 1, w, h - 1};
        widgets::Rect pane_area{};
        if (pane && wide) {
            const int pw = std::min(64, w / 3);
            table_area.width = w - pw;
            pane_area = {w - pw, 1, pw, h - 1};
        } else if (pane) {
            const int ph = std::min(static_cast<int>(lines.size()) + 2, std::max(8, h * 11 / 20));
            table_area.height = h - 1 - ph;
            pane_area = {0, h - ph, w, ph};
        }
        const int x = draw_title(ctx, canvas, fmt::format("Recovery points by {}", by_vault_ ? "vault" : "resource"));
        draw_position(ctx, canvas, x + 2);
        draw_table(ctx, canvas, table_area);
        if (!pane_area.empty()) draw_pane(ctx, canvas, pane_area, "Details", lines);
    }

    Flags own_command(const ScreenContext& ctx, std::string_view name, Effects& fx) override {
        if (name == "group") {
            by_vault_ = !by_vault_;
            show_view(ctx, by_vault_ ? 1 : 0);
            fx.message = by_vault_ ? "grouped by vault, newest first" : "grouped by resource, newest first";
            return kHandled | kRedraw;
        }
        if (name != "restore") return kNone;
        const auto row = table().selected_row();
        if (!row) return kHandled;
        const auto& rp = rows_->point(*row);
        WizardRequest w;
        w.runbook = restore_runbook_for(rp);
        w.inputs = {{"resource", rp.resource_arn},
                    {"recovery_point_arn", rp.arn},
                    {"recovery_point_vault", rp.vault_name.empty() ? vault_from_arn(rp.vault_arn) : rp.vault_name.str()},
                    {"region", rp.origin.region.empty() ? region_of_arn(rp.arn) : rp.origin.region}};
        for (const auto* rd : ctx.regions()) {
            if (rd->region == w.inputs["region"] && !rd->profile.empty() &&
                (rp.origin.account_id.empty() || rd->account_id == rp.origin.account_id))
                w.inputs["profile"] = rd->profile;
        }
        fx.wizard = std::move(w);
        return kHandled | kRedraw;
    }

    std::string arn_of(std::size_t row) const override { return rows_->point(row).arn; }

    std::shared_ptr<RecoveryPointRows> rows_;
    bool by_vault_ = false;
};

}  // namespace

std::string restore_runbook_for(const model::RecoveryPoint& rp) {
    (void)rp;
    return "restore-from-backup";
}

std::vector<Line> recovery_point_details(const ScreenContext& ctx, const model::RecoveryPoint& rp,
                                         const model::Vault* vault) {
    LineBuilder out;
    const auto label = [&](const char* name) -> Line& { return out.line().add(widgets::fit(name, 10), Role::Dim); };
    const std::string who = rp.resource_name.empty() ? arn_tail(rp.resource_arn) : rp.resource_name.str();
    out.line().add(who, Role::Title).add("  " + rp.resource_type, Role::Dim).add("  ").add(rp.status, state_role(rp.status));
    if (!rp.status_message.empty()) label("Message").add(rp.status_message, state_role(rp.status));
    label("ARN").add(rp.arn);
    label("Resource").add(rp.resource_arn, Role::Dim);
    Line& v = label("Vault");
    v.add(rp.vault_name.empty() ? vault_from_arn(rp.vault_arn) : rp.vault_name.str()).add("  " + rp.origin.region, Role::Dim);
    if (vault && vault->locked) {
        v.add("  Vault Lock", Role::Ok);
        if (vault->min_retention_days || vault->max_retention_days) {
            v.add(fmt::format(" {}-{} d", vault->min_retention_days.value_or(0), vault->max_retention_days.value_or(0)),
                  Role::Dim);
        }
    } else {
        v.add("  no Vault Lock", Role::Warning);
    }
    label("Created").add(full_time(rp.creation_date) + "  " + relative(rp.creation_date, ctx.now), Role::Normal);
    const std::string storage = rp.storage_class.empty() ? "-" : rp.storage_class;
    label("Storage").add(storage, storage == "COLD" ? Role::Cold : Role::Warm)
        .add(rp.backup_size_bytes ? "  " + widgets::human_size(static_cast<std::uint64_t>(*rp.backup_size_bytes)) : "");
    label("Lifecycle").add(lifecycle_line(rp, ctx.now));
    if (rp.lifecycle.move_to_cold_storage_after_days || rp.lifecycle.delete_after_days) {
        std::string rule;
        if (rp.lifecycle.move_to_cold_storage_after_days)
            rule += fmt::format("cold after {} d", *rp.lifecycle.move_to_cold_storage_after_days);
        if (rp.lifecycle.delete_after_days)
            rule += fmt::format("{}delete after {} d", rule.empty() ? "" : ", ", *rp.lifecycle.delete_after_days);
        label("").add(rule, Role::Dim);
    }
    std::string plan = rp.backup_plan_name;
    if (!rp.created_by_rule_name.empty()) plan += " / " + rp.created_by_rule_name;
    if (!plan.empty()) label("Plan").add(plan);
    label("Encrypted").add(rp.encrypted ? "yes" : "NO", rp.encrypted ? Role::Ok : Role::Critical)
        .add(rp.encryption_key_arn.empty() ? "" : "  " + arn_tail(rp.encryption_key_arn), Role::Dim);
    if (!rp.source_vault_arn.empty()) label("Copy of").add(rp.source_vault_arn, Role::Dim);
    int copies = 0;
    for (const auto* rd : ctx.regions()) {
        for (const auto& cj : rd->copy_jobs) {
            if (cj.source_recovery_point_arn != rp.arn) continue;
            Line& c = label(copies++ == 0 ? "Copies" : "");
            c.add(region_of_arn(cj.destination_vault_arn) + " " + vault_from_arn(cj.destination_vault_arn) + "  ")
                .add(cj.state, state_role(cj.state))
                .add("  " + short_time(cj.completion_date ? cj.completion_date : cj.creation_date), Role::Dim);
        }
    }
    if (copies == 0 && rp.source_vault_arn.empty()) label("Copies").add("none", Role::Dim);
    label("Restore").add("Enter opens the restore wizard (into a NEW instance)", Role::Dim);
    return out.take();
}

std::unique_ptr<Screen> make_recovery_points_screen() { return std::make_unique<RecoveryPointsScreen>(); }

}  // namespace vd::tui
