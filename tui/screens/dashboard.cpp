// The dashboard screen.
#include "tui/screens/dashboard.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "tui/screens/dashboard_model.hpp"
#include "tui/screens/format.hpp"
#include "widgets/sparkline.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Role;

namespace {

// "1 failed" in the failed role when non-zero, dim otherwise.
Span count_span(int n, const char* what, Role when_nonzero) {
    return {fmt::format("{} {}", n, what), n > 0 ? when_nonzero : Role::Dim};
}

// The findings section: counts, then one line per problem (with evidence).
void add_findings(LineBuilder& out, const ScreenContext& ctx, const DashboardView& view, int width,
                  bool many_regions, int* selected_line) {
    const auto all = ctx.scoped_findings();
    int crit = 0, warn = 0, ok = 0, unknown = 0;
    for (const auto* f : all) {
        switch (f->severity) {
        case health::Severity::Critical: ++crit; break;
        case health::Severity::Warning: ++warn; break;
        case health::Severity::Ok: ++ok; break;
        case health::Severity::Unknown: ++unknown; break;
        }
    }
    const auto& g = ctx.theme->glyphs();
    Line& head = out.title("Findings");
    head.add("   ");
    head.add(fmt::format("{} {} critical", g.cross, crit), crit ? Role::Critical : Role::Dim).add("   ");
    head.add(fmt::format("! {} warning", warn), warn ? Role::Warning : Role::Dim).add("   ");
    head.add(fmt::format("{} {} ok", g.check, ok), Role::Ok);
    if (unknown) head.add(fmt::format("   ? {} unknown", unknown), Role::Dim);
    const auto problems = problems_first(all);
    if (problems.empty()) {
        out.line().add(fmt::format("  {} ", g.check), Role::Ok).add(
            all.empty() ? "no findings yet (health needs loaded data)" : "nothing needs attention", Role::Ok);
        return;
    }
    head.add("    Enter shows why", Role::Dim);
    const int name_w = std::clamp(width / 5, 14, 28);
    const int region_w = many_regions && width >= 110 ? 15 : 0;
    const int reason_x = 3 + 4 + 2 + name_w + 1 + region_w;
    for (std::size_t i = 0; i < problems.size(); ++i) {
        const auto& f = *problems[i];
        Line& l = out.line();
        l.selectable = true;
        if (static_cast<int>(i) == view.selected && selected_line) {
            *selected_line = static_cast<int>(out.lines().size()) - 1;
        }
        const bool open = view.expanded.count(finding_key(f)) > 0;
        l.add(open ? " - " : " + ", Role::Dim);
        l.add(severity_tag(f.severity), severity_role(f.severity)).add("  ");
        const std::string name = !f.resource_name.empty() ? f.resource_name : arn_tail(f.resource);
        l.add(widgets::fit(name.empty() ? f.check : name, name_w), Role::Normal).add(" ");
        if (region_w) l.add(widgets::fit(f.region, region_w - 1), Role::Dim).add(" ");
        // The reason is the point: wrap it rather than cut it.
        const auto parts = widgets::wrap(f.reason, std::max(20, width - reason_x - 1));
        for (std::size_t p = 0; p < parts.size(); ++p) {
            if (p == 0) {
                l.add(parts[p], Role::Normal);
            } else {
                out.line().add(std::string(static_cast<std::size_t>(reason_x), ' ') + parts[p], Role::Normal);
            }
        }
        if (open) {
            for (const auto& e : f.evidence) {
                out.line().add("          " + e, Role::Dim);
            }
            if (f.when) out.line().add("          when: " + full_time(f.when) + " (" + relative(f.when, ctx.now) + ")", Role::Dim);
            if (!f.resource.empty()) out.line().add("          " + f.resource, Role::Dim);
        }
    }
}

// The block about one account and region.
void add_region(LineBuilder& out, const ScreenContext& ctx, const poll::RegionData& rd, int width) {
    const RegionSummary s = summarize_region(ctx, rd);
    const auto& g = ctx.theme->glyphs();
    Line& head = out.line();
    const std::string name = rd.account_name.empty() ? rd.profile : rd.account_name;
    const std::string id = rd.identity.account.empty() ? rd.account_id : rd.identity.account;
    head.add(name.empty() ? id : name + "  " + id, Role::Title).add("  " + rd.region, Role::Accent);
    if (!rd.environment.empty()) head.add("  " + rd.environment, Role::Dim);

    Line& prot = out.line();
    prot.add("  Protected  ", Role::Dim).add(fmt::format("{} resources", s.protected_resources));
    prot.add("    RPO  ", Role::Dim);
    if (s.rpo_met + s.rpo_missed == 0) {
        prot.add("not evaluated", Role::Dim);
    } else {
        prot.add(fmt::format("{} met", s.rpo_met), Role::Ok).add("  ");
        prot.add(count_span(s.rpo_missed, "missed", Role::Critical).text,
                 s.rpo_missed ? Role::Critical : Role::Dim);
    }

    Line& jobs = out.line();
    jobs.add("  Jobs 24 h  ", Role::Dim);
    const Span done = count_span(s.jobs_completed, "completed", Role::Ok);
    const Span failed = count_span(s.jobs_failed, "failed", Role::Failed);
    const Span running = count_span(s.jobs_running, "running", Role::Info);
    jobs.add(done.text, done.role).add("  ").add(failed.text, failed.role).add("  ").add(running.text, running.role);
    const std::vector<double> per_day(s.jobs_per_day.begin(), s.jobs_per_day.end());
    Line& spark = width >= 110 ? jobs.add("    ") : out.line().add("  ");
    spark.add("14 days    ", Role::Dim);
    const bool any_jobs = std::any_of(per_day.begin(), per_day.end(), [](double v) { return v > 0; });
    if (any_jobs) spark.add(widgets::sparkline(per_day, g), Role::Accent);
    else spark.add("no jobs", Role::Dim);
    int failed_days = 0;
    for (int v : s.failed_per_day) failed_days += v > 0 ? 1 : 0;
    if (failed_days > 0) spark.add(fmt::format("  failures on {} day{}", failed_days, failed_days == 1 ? "" : "s"), Role::Failed);

    // Items that do not fit on the label's line continue under it.
    const auto listing = [&](const char* label, std::vector<Line>&& items, const char* none, Role none_role) {
        Line* line = &out.line();
        line->add(label, Role::Dim);
        const int indent = widgets::display_width(label);
        int used = indent;
        if (items.empty()) line->add(none, none_role);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const int w = widgets::display_width(items[i].text()) + 5;
            if (i > 0 && used + w > width) {
                line = &out.line();
                line->add(std::string(static_cast<std::size_t>(indent), ' '));
                used = indent;
            } else if (i > 0) {
                line->add("  ·  ", Role::Dim);
            }
            for (auto& span : items[i].spans) line->spans.push_back(std::move(span));
            used += w;
        }
    };
    std::vector<Line> runs;
    for (const auto& r : s.next_runs) {
        runs.push_back(Line{}.add(r.plan + "/" + r.rule).add(" " + relative(r.when, ctx.now), Role::Info));
    }
    listing("  Next runs  ", std::move(runs), "no scheduled rules", Role::Dim);
    std::vector<Line> due;
    for (const auto* f : s.drills) {
        const std::string who = f->resource_name.empty() ? arn_tail(f->resource) : f->resource_name;
        std::string when = f->reason;
        if (f->when) {
            when = *f->when <= ctx.now
                       ? "overdue " + widgets::human_duration(std::chrono::duration_cast<std::chrono::seconds>(ctx.now - *f->when))
                       : "due " + relative(f->when, ctx.now);
        }
        due.push_back(Line{}.add(who + " ").add(when, severity_role(f->severity)));
    }
    listing("  Drills     ", std::move(due), "none due", Role::Ok);
}

// The freshness of every kind for one account and region, in columns.
void add_fetch_status(LineBuilder& out, const ScreenContext& ctx, const poll::RegionData& rd, int width) {
    const auto& g = ctx.theme->glyphs();
    const int cell = 30;
    const int per_line = std::max(1, (width - 2) / cell);
    Line* line = nullptr;
    int in_line = 0;
    std::vector<std::pair<std::string, std::string>> errors;
    for (int k = 0; k < poll::kKindCount; ++k) {
        const auto kind = static_cast<poll::Kind>(k);
        const auto it = rd.status.find(kind);
        if (line == nullptr || in_line == per_line) {
            line = &out.line();
            line->add("  ");
            in_line = 0;
        }
        ++in_line;
        std::string age = "not yet";
        Role role = Role::Dim;
        if (it != rd.status.end()) {
            const auto& st = it->second;
            if (st.last_success) {
                age = widgets::human_duration(std::max(
                    std::chrono::seconds(0),
                    std::chrono::duration_cast<std::chrono::seconds>(ctx.now - *st.last_success)));
                role = st.stale ? Role::Warning : Role::Normal;
                if (st.from_cache) age += " cached";
            }
            if (!st.last_error.empty()) {
                age = std::string(g.cross) + " " + age;
                role = Role::Failed;
                errors.emplace_back(poll::kind_name(kind), st.last_error);
            }
        }
        const std::string name = poll::kind_name(kind);
        line->add(widgets::fit(name, 22), Role::Dim).add(widgets::fit(age, cell - 22), role);
    }
    for (const auto& [kind, error] : errors) {
        out.line().add("  " + kind + ": ", Role::Failed).add(error, Role::Failed);
    }
}

class DashboardScreen final : public Screen {
public:
    std::string_view id() const override { return "dashboard"; }
    std::vector<std::string_view> aliases() const override { return {"dash", "home"}; }
    std::string_view title() const override { return "Dashboard"; }
    std::string_view short_title() const override { return "Dash"; }

    std::vector<widgets::KeyBinding> bindings() const override {
        return {{"enter", "details", "Show or hide the evidence behind the finding", true, false}};
    }

    void render(const ScreenContext& ctx, widgets::Canvas& canvas) override {
        height_ = canvas.height();
        width_ = canvas.width();
        int selected_line = -1;
        const auto lines = dashboard_lines(ctx, view_, width_, &selected_line);
        view_.first = view_.follow
                          ? scroll_to_show(view_.first, selected_line, height_, static_cast<int>(lines.size()))
                          : scroll_to_show(view_.first, -1, height_, static_cast<int>(lines.size()));
        draw_lines(canvas, lines, view_.first, selected_line, *ctx.theme);
    }

    Flags command(const ScreenContext& ctx, std::string_view name, Effects&) override {
        const auto problems = problems_first(ctx.scoped_findings());
        const int count = static_cast<int>(problems.size());
        const int page = std::max(1, height_ - 2);
        if (name == "down") {
            if (view_.selected < count - 1) {
                ++view_.selected;
                view_.follow = true;
            } else {
                ++view_.first;
                view_.follow = false;
            }
        } else if (name == "up") {
            if (view_.selected > 0 && view_.follow) {
                --view_.selected;
            } else {
                view_.first = std::max(0, view_.first - 1);
                view_.follow = view_.first == 0;
            }
        } else if (name == "top") {
            view_ = DashboardView{0, 0, std::move(view_.expanded), true};
        } else if (name == "bottom") {
            view_.first = 1 << 20;
            view_.follow = false;
        } else if (name == "page-down") {
            view_.first += page;
            view_.follow = false;
        } else if (name == "page-up") {
            view_.first = std::max(0, view_.first - page);
            view_.follow = false;
        } else if (name == "details" && count > 0) {
            const auto i = static_cast<std::size_t>(std::clamp(view_.selected, 0, count - 1));
            const std::string key = finding_key(*problems[i]);
            if (!view_.expanded.erase(key)) view_.expanded.insert(key);
            view_.follow = true;
        } else {
            return kNone;
        }
        return kHandled | kRedraw;
    }

    bool back() override {
        if (view_.expanded.empty()) return false;
        view_.expanded.clear();
        return true;
    }

    std::string selected_arn(const ScreenContext& ctx) override {
        const auto problems = problems_first(ctx.scoped_findings());
        if (problems.empty()) return {};
        const auto i = static_cast<std::size_t>(std::clamp(view_.selected, 0, static_cast<int>(problems.size()) - 1));
        return problems[i]->resource.rfind("arn:", 0) == 0 ? problems[i]->resource : std::string();
    }

private:
    DashboardView view_;
    int height_ = 20;
    int width_ = 80;
};

}  // namespace

std::string finding_key(const health::Finding& f) {
    return f.check + "|" + f.account_id + "|" + f.region + "|" + f.resource + "|" + f.reason;
}

std::vector<Line> dashboard_lines(const ScreenContext& ctx, const DashboardView& view, int width,
                                  int* selected_line) {
    LineBuilder out;
    const auto regions = ctx.regions();
    if (selected_line) *selected_line = -1;
    add_findings(out, ctx, view, width, regions.size() > 1, selected_line);
    for (const auto* rd : regions) {
        out.blank();
        add_region(out, ctx, *rd, width);
    }
    if (regions.empty()) {
        out.blank();
        out.line().add(ctx.snapshot && ctx.snapshot->regions.empty()
                           ? "No accounts yet: waiting for the first fetch (or configure accounts in config.toml)."
                           : "Nothing in this scope: :region or :profile without a name shows everything.",
                       Role::Dim);
    }
    for (const auto* rd : regions) {
        out.blank();
        out.title("Fetch status").add("  " + rd->region, Role::Accent);
        add_fetch_status(out, ctx, *rd, width);
    }
    return out.take();
}

void render_dashboard(const ScreenContext& ctx, const DashboardView& view, widgets::Canvas& canvas) {
    int selected_line = -1;
    const auto lines = dashboard_lines(ctx, view, canvas.width(), &selected_line);
    const int first = scroll_to_show(view.first, selected_line, canvas.height(), static_cast<int>(lines.size()));
    draw_lines(canvas, lines, first, selected_line, *ctx.theme);
}

std::unique_ptr<Screen> make_dashboard_screen() { return std::make_unique<DashboardScreen>(); }

}  // namespace vd::tui
