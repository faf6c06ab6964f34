// The RDS screen.
#include "tui/screens/rds.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "tui/screens/format.hpp"
#include "tui/screens/table_screen.hpp"
#include "tui/screens/text_lines.hpp"
#include "widgets/box.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Align;
using widgets::Role;

namespace {

enum RdsColumn : std::size_t {
    kDbId, kDbKind, kDbStatus, kDbPitrFrom, kDbPitrTo, kDbSpan, kDbRetention, kDbWindow, kDbSnapshots, kDbEngine,
    kDbRegion, kDbColumnCount,
};

std::vector<widgets::Column> rds_columns() {
    return {
        {"id", "Database", 14, 2},
        {"kind", "Kind", 8},
        {"status", "Status", 10},
        {"from", "PITR from", 11},
        {"to", "PITR to", 11},
        {"span", "Window", 7, 0, Align::Right},
        {"retention", "Keep", 5, 0, Align::Right},
        {"window", "Backup window", 13},
        {"snapshots", "Snapshots", 18, 1},
        {"engine", "Engine", 12},
        {"region", "Region", 12},
    };
}

// A row source over the databases.
class RdsRows final : public widgets::RowSource {
public:
    RdsRows(const ScreenContext& ctx) : hold_(ctx.shared), databases_(rds_databases(ctx)) {
        for (const auto& db : databases_) snapshots_.push_back(rds_snapshots(ctx, db));
        now_ = ctx.now;
    }

    std::size_t row_count() const override { return databases_.size(); }
    std::string row_id(std::size_t row) const override { return databases_[row].arn; }

    void format_row(std::size_t row, std::vector<widgets::TableCell>& cells) const override {
        const auto& db = databases_[row];
        cells.assign(kDbColumnCount, {});
        cells[kDbId] = {db.identifier, Role::Normal};
        cells[kDbKind] = {db.kind, Role::Dim};
        cells[kDbStatus] = {db.status, state_role(db.status)};
        if (db.pitr) {
            cells[kDbPitrFrom] = {short_time(db.pitr->earliest), Role::Pitr};
            cells[kDbPitrTo] = {short_time(db.pitr->latest), Role::Pitr};
            const auto hours = std::chrono::duration_cast<std::chrono::hours>(db.pitr->latest - db.pitr->earliest).count();
            cells[kDbSpan] = {hours >= 24 ? fmt::format("{} d", (hours + 12) / 24) : fmt::format("{} h", hours), Role::Pitr};
        } else if (!db.cluster.empty()) {
            cells[kDbPitrFrom] = {"via cluster", Role::Dim};
            cells[kDbPitrTo] = {db.cluster, Role::Dim};
        } else {
            cells[kDbPitrFrom] = {db.retention_days > 0 ? "-" : "PITR off", db.retention_days > 0 ? Role::Dim : Role::Warning};
        }
        cells[kDbRetention] = {fmt::format("{} d", db.retention_days), db.retention_days > 0 ? Role::Normal : Role::Warning};
        cells[kDbWindow] = {db.backup_window.empty() ? "-" : db.backup_window, Role::Dim};
        int manual = 0, automated = 0, backup = 0, copies = 0;
        for (const auto* s : snapshots_[row]) {
            if (!s->source_region.empty()) ++copies;
            else if (s->snapshot_type == "manual") ++manual;
            else if (s->snapshot_type == "automated") ++automated;
            else if (s->snapshot_type == "awsbackup") ++backup;
        }
        std::string counts;
        for (const auto& [n, what] : {std::pair{automated, "auto"}, std::pair{manual, "manual"},
                                      std::pair{backup, "backup"}, std::pair{copies, "copy"}}) {
            if (n > 0) counts += fmt::format("{}{} {}", counts.empty() ? "" : " ", n, what);
        }
        cells[kDbSnapshots] = {counts.empty() ? "none" : counts, copies > 0 ? Role::Normal : Role::Dim};
        cells[kDbEngine] = {db.engine, Role::Dim};
        cells[kDbRegion] = {db.region, Role::Dim};
    }

    widgets::SortKey sort_key(std::size_t row, std::size_t column) const override {
        const auto& db = databases_[row];
        if (column == kDbPitrFrom) return widgets::SortKey::of(db.pitr ? to_epoch_seconds(db.pitr->earliest) : 0.0);
        if (column == kDbPitrTo) return widgets::SortKey::of(db.pitr ? to_epoch_seconds(db.pitr->latest) : 0.0);
        if (column == kDbRetention) return widgets::SortKey::of(static_cast<double>(db.retention_days));
        return RowSource::sort_key(row, column);
    }

    const RdsDatabase& database(std::size_t row) const { return databases_[row]; }
    const std::vector<const model::DbSnapshot*>& snapshots(std::size_t row) const { return snapshots_[row]; }

private:
    poll::SnapshotPtr hold_;
    std::vector<RdsDatabase> databases_;
    std::vector<std::vector<const model::DbSnapshot*>> snapshots_;
    TimePoint now_{};
};

class RdsScreen final : public TableScreen {
public:
    RdsScreen()
        : TableScreen({.views = {widgets::Table(rds_columns(), {.empty_message = "no RDS instances or clusters in this scope"})},
                       .stamp = {},
                       .detail_help = {}}) {}

    std::string_view id() const override { return "rds"; }
    std::vector<std::string_view> aliases() const override { return {"snapshots"}; }
    std::string_view title() const override { return "RDS"; }

    bool back() override {
        if (!snapshot_focus_) return false;
        snapshot_focus_ = false;
        return true;
    }

    void set_filter(std::string text) override {
        snapshot_focus_ = false;
        TableScreen::set_filter(std::move(text));
    }

private:
    std::vector<widgets::KeyBinding> own_bindings() const override {
        return {{"enter", "restore", "Restore into a NEW database: from the database, point in time, newest snapshot, DR copy "
                                     "or AWS Backup point; from the snapshot list, the selected snapshot (a DR copy in its region)",
                 true, false},
                {"l", "snapshots", "Into the selected database's snapshot list (j/k choose, Enter restores)", true, false},
                {"right", "snapshots", "Into the snapshot list", false, false},
                {"h", "databases", "Back from the snapshot list to the databases (or Esc)", false, false},
                {"left", "databases", "Back to the databases", false, false}};
    }

    std::shared_ptr<const widgets::RowSource> make_rows(const ScreenContext& ctx) override {
        rows_ = std::make_shared<RdsRows>(ctx);
        return rows_;
    }

    void draw(const ScreenContext& ctx, widgets::Canvas& canvas) override {
        const int w = canvas.width();
        const int h = canvas.height();
        const int rows = static_cast<int>(table().shown_rows());
        const int table_h = std::clamp(rows + 2, 4, std::max(4, h / 2));
        const int x = draw_title(ctx, canvas, "Databases and their restore windows");
        draw_position(ctx, canvas, x + 2);
        draw_table(ctx, canvas, {0, 1, w, table_h});
        auto pane = canvas.region({0, 1 + table_h, w, h - 1 - table_h});
        const widgets::Rect inside = widgets::draw_box(pane, {0, 0, w, h - 1 - table_h}, *ctx.theme,
                                                       snapshot_focus_ ? "Snapshots: Enter restores, h goes back" : "Snapshots (l)");
        auto inner = pane.region(inside);
        // Folded line by line, so the selected snapshot's first row is known.
        const auto lines = snapshot_lines(ctx, inside.width);
        std::vector<Line> folded;
        int selected = -1;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (snapshot_focus_ && i == snapshot_cursor_ + 1) selected = static_cast<int>(folded.size());
            for (auto& l : fold_lines({lines[i]}, inside.width, 2)) folded.push_back(std::move(l));
        }
        snapshot_first_ = selected < 0 ? 0 : scroll_to_show(snapshot_first_, selected, inside.height, static_cast<int>(folded.size()));
        draw_lines(inner, folded, snapshot_first_, selected, *ctx.theme);
    }

    Flags own_command(const ScreenContext& ctx, std::string_view name, Effects& fx) override {
        if (snapshot_focus_) return snapshot_command(ctx, name, fx);
        if (name == "snapshots") {
            const auto row = table().selected_row();
            if (!row || rows_->snapshots(*row).empty()) {
                fx.message = "this database has no snapshots";
                return kHandled;
            }
            snapshot_focus_ = true;
            snapshot_cursor_ = 0;
            return kHandled | kRedraw | kChrome;
        }
        if (name == "restore") {
            const auto row = table().selected_row();
            if (!row) return kHandled;
            fx.dialog = restore_choices(ctx, rows_->database(*row), rows_->snapshots(*row));
            return kHandled | kRedraw;
        }
        return kNone;
    }

    std::string arn_of(std::size_t row) const override {
        if (snapshot_focus_ && snapshot_cursor_ < rows_->snapshots(row).size())
            return rows_->snapshots(row)[snapshot_cursor_]->arn;
        return rows_->database(row).arn;
    }

    // Keys while the snapshot list has the cursor: move in it, restore the
    // selected snapshot, or go back to the databases.
    Flags snapshot_command(const ScreenContext& ctx, std::string_view name, Effects& fx) {
        const auto row = table().selected_row();
        if (!row || rows_->snapshots(*row).empty()) {
            snapshot_focus_ = false;
            return table_command(table(), name, fx);
        }
        const auto& snaps = rows_->snapshots(*row);
        const std::size_t last = snaps.size() - 1;
        snapshot_cursor_ = std::min(snapshot_cursor_, last);
        if (name == "databases") {
            snapshot_focus_ = false;
            return kHandled | kRedraw | kChrome;
        }
        if (name == "down") snapshot_cursor_ = std::min(snapshot_cursor_ + 1, last);
        else if (name == "up") snapshot_cursor_ = snapshot_cursor_ == 0 ? 0 : snapshot_cursor_ - 1;
        else if (name == "page-down") snapshot_cursor_ = std::min(snapshot_cursor_ + 10, last);
        else if (name == "page-up") snapshot_cursor_ = snapshot_cursor_ < 10 ? 0 : snapshot_cursor_ - 10;
        else if (name == "top") snapshot_cursor_ = 0;
        else if (name == "bottom") snapshot_cursor_ = last;
        else if (name == "restore") {
            const model::DbSnapshot& snap = *snaps[snapshot_cursor_];
            if (snap.status != "available") {
                fx.message = fmt::format("{} is {}: it can be restored once it is available", snap.identifier, snap.status);
                return kHandled | kChrome;
            }
            fx.wizard = snapshot_restore(ctx, rows_->database(*row), snap);
            return kHandled | kRedraw;
        } else {
            return kNone;
        }
        return kHandled | kRedraw;
    }

    // The selected database's snapshots, one per line.
    std::vector<Line> snapshot_lines(const ScreenContext& ctx, int width) const {
        std::vector<Line> lines;
        const auto row = table().selected_row();
        if (!row) return lines;
        const auto& db = rows_->database(*row);
        const auto& snaps = rows_->snapshots(*row);
        Line head;
        head.add(db.identifier, Role::Title).add("  " + db.region, Role::Dim);
        if (db.pitr) {
            head.add("  restorable to any second from ", Role::Dim).add(full_time(db.pitr->earliest), Role::Pitr);
            head.add(" to ", Role::Dim).add(full_time(db.pitr->latest), Role::Pitr);
            head.add(" (" + relative(db.pitr->latest, ctx.now) + ")", Role::Dim);
        } else {
            head.add("  no point-in-time window", Role::Warning);
        }
        lines.push_back(head);
        if (snaps.empty()) {
            lines.push_back(Line{}.add("no snapshots", Role::Dim));
            return lines;
        }
        for (const auto* s : snaps) {
            Line l;
            const std::string type = s->source_region.empty() ? s->snapshot_type : "copy";
            l.add(widgets::fit(type, 10), type == "copy" ? Role::Accent : Role::Dim);
            l.add(widgets::fit(s->status, 10), state_role(s->status));
            l.add(widgets::fit(short_time(s->create_time), 12));
            l.add(widgets::fit(s->origin.region, 14), Role::Dim);
            if (!s->source_region.empty()) l.add("from " + s->source_region + "  ", Role::Accent);
            if (s->status != "available" && s->percent_progress > 0) l.add(fmt::format("{}%  ", s->percent_progress), Role::Info);
            l.add(widgets::ellipsize(s->identifier, std::max(10, width - 50)));
            if (!s->encrypted) l.add("  unencrypted", Role::Critical);
            lines.push_back(l);
        }
        return lines;
    }

    std::shared_ptr<RdsRows> rows_;
    bool snapshot_focus_ = false;          // the cursor is in the snapshot list
    std::size_t snapshot_cursor_ = 0;      // index into the selected database's snapshots
    int snapshot_first_ = 0;               // the first folded line shown
};

}  // namespace

std::vector<RdsDatabase> rds_databases(const ScreenContext& ctx) {
    std::vector<RdsDatabase> out;
    for (const auto* rd : ctx.regions()) {
        for (const auto& db : rd->db_instances) {
            RdsDatabase d{db.identifier, db.arn, "instance", db.engine + " " + db.engine_version, db.status,
                          rd->region, db.backup_retention_period, db.preferred_backup_window, std::nullopt,
                          db.storage_encrypted, db.cluster_identifier};
            for (const auto& ab : rd->automated_backups) {
                if ((ab.instance_arn == db.arn || ab.instance_identifier == db.identifier) && ab.restore_window &&
                    ab.status == "active") {
                    d.pitr = ab.restore_window;
                }
            }
            out.push_back(std::move(d));
        }
        for (const auto& c : rd->db_clusters) {
            RdsDatabase d{c.identifier, c.arn, "cluster", c.engine + " " + c.engine_version, c.status, rd->region,
                          c.backup_retention_period, "", std::nullopt, c.storage_encrypted, {}};
            if (c.earliest_restorable_time && c.latest_restorable_time) {
                d.pitr = model::PitrWindow{*c.earliest_restorable_time, *c.latest_restorable_time};
            }
            out.push_back(std::move(d));
        }
    }
    return out;
}

std::vector<const model::DbSnapshot*> rds_snapshots(const ScreenContext& ctx, const RdsDatabase& db) {
    std::vector<const model::DbSnapshot*> out;
    for (const auto* rd : ctx.regions()) {
        for (const auto& s : rd->db_snapshots) {
            if (s.instance_identifier == db.identifier && (s.cluster_snapshot == (db.kind == "cluster"))) {
                out.push_back(&s);
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
        return a->create_time.value_or(TimePoint{}) > b->create_time.value_or(TimePoint{});
    });
    return out;
}

// A wizard request with the profile of its region's account.
WizardRequest with_profile(const ScreenContext& ctx, WizardRequest w) {
    for (const auto* rd : ctx.regions())
        if (rd->region == w.inputs["region"] && !rd->profile.empty()) w.inputs["profile"] = rd->profile;
    return w;
}

WizardRequest snapshot_restore(const ScreenContext& ctx, const RdsDatabase& db, const model::DbSnapshot& snapshot) {
    std::map<std::string, std::string> inputs = {{"source", db.identifier}, {"resource", db.arn},
                                                 {"snapshot_identifier", snapshot.identifier},
                                                 {"region", snapshot.origin.region.empty() ? db.region : snapshot.origin.region}};
    return with_profile(ctx, {"restore-from-snapshot", inputs, {}});
}

DialogRequest restore_choices(const ScreenContext& ctx, const RdsDatabase& db,
                              const std::vector<const model::DbSnapshot*>& snapshots) {
    DialogRequest d;
    d.kind = DialogRequest::Kind::Choice;
    d.title = "Restore " + db.identifier + " into a NEW " + (db.kind == "cluster" ? "cluster" : "instance");
    d.lines = {"Production is never overwritten. Choose what to restore from:"};
    const std::map<std::string, std::string> base = {{"source", db.identifier}, {"resource", db.arn}, {"region", db.region}};
    if (db.pitr) {
        d.choices.push_back({"Point in time: any second from " + full_time(db.pitr->earliest) + " to " + full_time(db.pitr->latest),
                             with_profile(ctx, {"pitr-restore", base, {}})});
    }
    const model::DbSnapshot* newest = nullptr;
    const model::DbSnapshot* newest_copy = nullptr;
    for (const auto* s : snapshots) {  // newest first
        if (s->status != "available") continue;
        if (s->source_region.empty() && newest == nullptr) newest = s;
        if (!s->source_region.empty() && newest_copy == nullptr) newest_copy = s;
    }
    if (newest != nullptr) {
        d.choices.push_back({"Newest snapshot: " + newest->identifier + " (" + full_time(newest->create_time) + ")",
                             snapshot_restore(ctx, db, *newest)});
    }
    if (newest_copy != nullptr) {
        d.choices.push_back({"DR copy in " + newest_copy->origin.region + ": " + newest_copy->identifier + " (" +
                                 full_time(newest_copy->create_time) + ")",
                             snapshot_restore(ctx, db, *newest_copy)});
    }
    d.choices.push_back({"An AWS Backup recovery point of " + db.identifier, with_profile(ctx, {"restore-from-backup", base, {}})});
    return d;
}

std::unique_ptr<Screen> make_rds_screen() { return std::make_unique<RdsScreen>(); }

}  // namespace vd::tui
