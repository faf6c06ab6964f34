// The wizard screen: the rail, the current step, and its keys.
#include "tui/screens/wizard.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "tui/screens/text_lines.hpp"
#include "tui/screens/wizard_steps.hpp"
#include "widgets/box.hpp"
#include "widgets/form.hpp"
#include "widgets/text.hpp"
#include "widgets/text_input.hpp"

namespace vd::tui {

using runbook::StepKind;
using runbook::StepStatus;
using widgets::Key;
using widgets::KeyBinding;
using widgets::Role;

namespace {

// The rail's mark for a step status, in UTF-8 or plain ASCII.
std::string rail_mark(StepStatus s, bool utf8) {
    switch (s) {
    case StepStatus::Done: return utf8 ? "✓" : "+";
    case StepStatus::Current: return utf8 ? "▶" : ">";
    case StepStatus::Failed: return utf8 ? "✗" : "X";
    case StepStatus::Skipped: return "-";
    case StepStatus::Pending: return " ";
    }
    return " ";
}

// The role a rail row is drawn in.
Role rail_role(StepStatus s) {
    switch (s) {
    case StepStatus::Done: return Role::Ok;
    case StepStatus::Current: return Role::Accent;
    case StepStatus::Failed: return Role::Failed;
    case StepStatus::Skipped: return Role::Dim;
    case StepStatus::Pending: return Role::Normal;
    }
    return Role::Normal;
}

// Lines folded to a width (table rows, which are selectable, are cut
// instead), keeping track of where the selected one went.
std::vector<Line> fold_keeping(const std::vector<Line>& lines, int width, int* selected) {
    std::vector<Line> out;
    int moved = -1;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (static_cast<int>(i) == *selected) moved = static_cast<int>(out.size());
        if (lines[i].selectable) {
            out.push_back(lines[i]);
            continue;
        }
        // A "Label   value" line continues under its value.
        const auto& spans = lines[i].spans;
        int indent = -1;
        if (spans.size() > 1 && spans[0].role == Role::Dim && !spans[0].text.empty() && spans[0].text.back() == ' ')
            indent = widgets::display_width(spans[0].text);
        if (indent > width / 2) indent = -1;
        for (auto& l : fold_lines({lines[i]}, width, indent)) out.push_back(std::move(l));
    }
    *selected = moved;
    return out;
}

// Which text the screen is editing in place.
enum class Editing { None, Form, Time, Note };

class WizardScreenImpl final : public WizardScreen {
public:
    std::string_view id() const override { return "wizard"; }
    std::string_view title() const override { return "Wizard"; }
    bool listed() const override { return runner_ != nullptr; }

    void attach(std::shared_ptr<WizardRunner> runner) override {
        runner_ = std::move(runner);
        editing_ = Editing::None;
        form_.reset();
        cursor_ = {};
        cursor_for_.reset();
        first_ = 0;
    }
    const std::shared_ptr<WizardRunner>& runner() const override { return runner_; }

    std::vector<KeyBinding> bindings() const override {
        if (!runner_) return {};
        const auto v = runner_->view();
        if (v->finished) return {};
        const StepKind k = v->step.kind;
        std::vector<KeyBinding> out;
        out.push_back({"enter", "wizard-next", next_description(k), true, false});
        out.push_back({"n", "wizard-next", next_description(k), false, false});
        if (k == StepKind::Checklist) out.push_back({"space", "wizard-tick", "Tick or untick the item", true, false});
        if (k == StepKind::Checklist || k == StepKind::Form || k == StepKind::ChooseTime)
            out.push_back({"e", "wizard-edit", edit_description(k), true, false});
        out.push_back({"b", "wizard-back", "Back one step (never past a step that changed AWS)", true, false});
        out.push_back({"s", "wizard-skip", "Skip this step (only where the runbook allows it)", v->can_skip(), false});
        out.push_back({"a", "wizard-abort", "Abort the wizard (asks first, says what stays restored)", true, false});
        if (!v->planned_cli.empty())
            out.push_back({"c", "wizard-copy-cli", "Copy the call as an AWS CLI command (OSC 52)", true, false});
        if (k == StepKind::Checklist && !v->value("database_url").empty())
            out.push_back({"u", "wizard-copy-url", "Copy the DATABASE_URL (OSC 52, no password)", true, false});
        return out;
    }

    std::vector<std::string> commands() const override {
        return {"wizard-next", "wizard-tick", "wizard-edit", "wizard-back", "wizard-skip",
                "wizard-abort", "wizard-copy-cli", "wizard-copy-url"};
    }

    void render(const ScreenContext& ctx, widgets::Canvas& canvas) override {
        const auto& theme = *ctx.theme;
        const int w = canvas.width();
        const int h = canvas.height();
        canvas.fill({0, 0, w, h}, " ", theme.style(Role::Normal));
        if (!runner_) {
            render_empty(ctx, canvas);
            return;
        }
        const auto v = runner_->view();
        sync_cursor(*v);
        int x = canvas.put(1, 0, v->runbook_title.empty() ? "Wizard" : v->runbook_title, theme.style(Role::Title));
        if (v->read_only) x = canvas.put(x + 2, 0, " READ-ONLY: DRY RUN ", theme.style(Role::BadgeReadOnly));
        if (v->demo) x = canvas.put(x + 2, 0, "demo simulator", theme.style(Role::Info));
        const std::string id = v->id.empty() ? "" : "wizard " + v->id;
        if (x + 2 + widgets::display_width(id) < w) canvas.put(w - widgets::display_width(id) - 1, 0, id, theme.style(Role::Dim));

        const int rail_w = std::clamp(w / 3, 22, 36);
        render_rail(*v, canvas, {0, 1, rail_w, h - 1}, theme);
        render_step(ctx, *v, canvas, {rail_w, 1, w - rail_w, h - 1});
    }

    Flags command(const ScreenContext& ctx, std::string_view name, Effects& fx) override {
        (void)ctx;
        if (!runner_) return kNone;
        const auto v = runner_->view();
        sync_cursor(*v);
        if (name == "down" || name == "up" || name == "top" || name == "bottom" || name == "page-down" || name == "page-up")
            return move(*v, name);
        if (name.rfind("wizard-", 0) != 0) return kNone;
        if (v->busy) {
            fx.message = "still " + v->busy_with + "; one moment";
            return kHandled | kChrome;
        }
        if (v->finished) {
            fx.message = "this wizard has finished; start another with Enter on a recovery point, :restore or :drill";
            return kHandled | kChrome;
        }
        if (name == "wizard-copy-cli" || name == "wizard-copy-url") {
            const std::string text = name == "wizard-copy-cli" ? v->planned_cli : v->value("database_url");
            if (text.empty()) return kHandled;
            fx.clipboard = text;
            fx.message = name == "wizard-copy-cli" ? "copied the AWS CLI command" : "copied " + text;
            return kHandled | kChrome;
        }
        if (name == "wizard-next") return next(*v, fx);
        if (name == "wizard-back") return posted(runner_->back(), fx);
        if (name == "wizard-skip") return posted(runner_->skip(), fx);
        if (name == "wizard-abort") return ask_abort(*v, fx);
        if (name == "wizard-tick") {
            if (v->step.kind != StepKind::Checklist || cursor_.row >= v->step.items.size()) return kHandled;
            const bool ticked = cursor_.row < v->record.ticks.size() && v->record.ticks[cursor_.row];
            const std::string note = cursor_.row < v->record.notes.size() ? v->record.notes[cursor_.row] : "";
            return posted(runner_->tick_item(cursor_.row, !ticked, note), fx);
        }
        if (name == "wizard-edit") return start_editing(*v);
        return kNone;
    }

    bool capturing() const override { return editing_ != Editing::None; }

    Flags input(const ScreenContext& ctx, const widgets::KeyEvent& ev, Effects& fx) override {
        (void)ctx;
        if (editing_ == Editing::None || !runner_) return kNone;
        const auto v = runner_->view();
        if (editing_ == Editing::Form) {
            form_->handle(ev);
            if (form_->state() == widgets::FormState::Cancelled) {
                editing_ = Editing::None;
                form_.reset();
                fx.message = "edits discarded";
            } else if (form_->state() == widgets::FormState::Submitted) {
                std::map<std::string, std::string> values;
                for (const auto& f : v->fields) values[f.name] = form_->value(f.name);
                editing_ = Editing::None;
                form_.reset();
                return posted(runner_->submit_form(std::move(values)), fx) | kRedraw;
            }
            return kHandled | kRedraw | kChrome;
        }
        if (ev.is(Key::Escape)) {
            editing_ = Editing::None;
            return kHandled | kRedraw | kChrome;
        }
        if (ev.is(Key::Enter)) {
            const Editing was = editing_;
            editing_ = Editing::None;
            if (was == Editing::Time) return posted(runner_->choose_time(text_.value()), fx) | kRedraw;
            const bool ticked = cursor_.row < v->record.ticks.size() && v->record.ticks[cursor_.row];
            return posted(runner_->tick_item(cursor_.row, ticked || !text_.value().empty(), text_.value()), fx) | kRedraw;
        }
        text_.handle(ev);
        return kHandled | kRedraw;
    }

    std::string capture_hint() const override {
        switch (editing_) {
        case Editing::Form: return "Tab/Up/Down next field · Enter saves and goes on · Esc discards";
        case Editing::Time: return "latest, -1h or 2026-11-22T03:00:00Z · Enter uses it · Esc cancels";
        case Editing::Note: return "a note on the item · Enter saves it (and ticks the item) · Esc cancels";
        case Editing::None: break;
        }
        return {};
    }

private:
    static std::string next_description(StepKind k) {
        switch (k) {
        case StepKind::ChooseRecoveryPoint: return "Next: restore the selected recovery point";
        case StepKind::Confirm: return "Next: type the identifier to confirm";
        case StepKind::Restore: return "Next: send the restore call (a dry run in read-only)";
        case StepKind::Wait: return "Next: check the restore now";
        default: return "Next: run this step and go on";
        }
    }

    static std::string edit_description(StepKind k) {
        switch (k) {
        case StepKind::Form: return "Edit the fields";
        case StepKind::ChooseTime: return "Type another restore time";
        default: return "Write a note on the item";
        }
    }

    // Puts the cursor on the seeded point when a step's data first arrives.
    void sync_cursor(const WizardView& v) {
        const auto key = std::make_pair(v.current, v.choices.size());
        if (cursor_for_ == key) return;
        cursor_for_ = key;
        cursor_.row = v.step.kind == StepKind::ChooseRecoveryPoint ? initial_choice(v) : 0;
        first_ = 0;
    }

    // Rows of the step the cursor moves over.
    static std::size_t rows_of(const WizardView& v) {
        if (v.step.kind == StepKind::ChooseRecoveryPoint) return v.choices.size();
        if (v.step.kind == StepKind::Checklist) return v.step.items.size();
        return 0;
    }

    Flags move(const WizardView& v, std::string_view name) {
        const std::size_t n = rows_of(v);
        if (n == 0) {  // nothing to select: scroll the text
            if (name == "down" || name == "page-down") first_ += name == "down" ? 1 : 10;
            if (name == "up" || name == "page-up") first_ = std::max(0, first_ - (name == "up" ? 1 : 10));
            if (name == "top") first_ = 0;
            return kHandled | kRedraw;
        }
        std::size_t r = cursor_.row;
        if (name == "down") r = std::min(n - 1, r + 1);
        else if (name == "up") r = r == 0 ? 0 : r - 1;
        else if (name == "page-down") r = std::min(n - 1, r + 10);
        else if (name == "page-up") r = r < 10 ? 0 : r - 10;
        else if (name == "top") r = 0;
        else if (name == "bottom") r = n - 1;
        cursor_.row = r;
        return kHandled | kRedraw;
    }

    Flags posted(bool accepted, Effects& fx) const {
        if (!accepted) fx.message = "still working on the last step; one moment";
        return kHandled | kRedraw | kChrome;
    }

    Flags next(const WizardView& v, Effects& fx) {
        switch (v.step.kind) {
        case StepKind::ChooseRecoveryPoint:
            if (cursor_.row >= v.choices.size()) {
                fx.message = "there is no recovery point to choose";
                fx.message_is_error = true;
                return kHandled | kChrome;
            }
            return posted(runner_->choose_recovery_point(v.choices[cursor_.row].id), fx);
        case StepKind::Confirm:
        case StepKind::Cleanup: {
            DialogRequest d;
            d.kind = DialogRequest::Kind::TypedConfirm;
            d.expected = v.expected_confirmation;
            if (v.step.kind == StepKind::Confirm) {
                d.title = "Confirm the restore";
                d.lines = {"Restore into the NEW instance " + v.expected_confirmation + "?",
                           v.read_only ? "Read-only: the restore will be a dry run; nothing is sent."
                                       : "The next step sends the restore to AWS; production is not touched."};
            } else {
                d.title = "Delete the temporary instance";
                d.lines = {"Delete " + v.expected_confirmation + " (no final snapshot)?",
                           v.read_only ? "Read-only: a dry run; nothing is deleted." : "This cannot be undone."};
            }
            auto runner = runner_;
            d.on_accept = [runner](const std::string& typed) -> Flags {
                runner->confirm(typed);
                return kHandled | kRedraw | kChrome;
            };
            fx.dialog = d;
            return kHandled | kRedraw;
        }
        case StepKind::Command:
            fx.dialog = question("Run this command?", {v.command_text}, "Run", "Cancel",
                                 [](WizardRunner& r) { r.approve_command(); });
            return kHandled | kRedraw;
        default:
            return posted(runner_->next(), fx);
        }
    }

    // A yes/no dialog whose yes runs `action` on this wizard's runner.
    DialogRequest question(std::string title, std::vector<std::string> lines, std::string yes, std::string no,
                           std::function<void(WizardRunner&)> action) const {
        DialogRequest d;
        d.kind = DialogRequest::Kind::Confirm;
        d.title = std::move(title);
        d.lines = std::move(lines);
        d.yes_label = std::move(yes);
        d.no_label = std::move(no);
        d.on_accept = [runner = runner_, action = std::move(action)](const std::string&) -> Flags {
            action(*runner);
            return kHandled | kRedraw | kChrome;
        };
        return d;
    }

    Flags ask_abort(const WizardView& v, Effects& fx) {
        const std::string step = v.step.title.empty() ? v.step.id : v.step.title;
        fx.dialog = question("Abort the wizard?",
                             {fmt::format("Stops {} at step {} of {} ({}).", v.runbook_name, v.current + 1, v.rail.size(), step),
                              v.left_behind(), "A report is written; an aborted wizard cannot be resumed."},
                             "Abort", "Keep going", [](WizardRunner& r) { r.abort(); });
        return kHandled | kRedraw;
    }

    Flags start_editing(const WizardView& v) {
        switch (v.step.kind) {
        case StepKind::Form: {
            std::vector<widgets::FormField> fields;
            for (const auto& f : v.fields) {
                widgets::FormField ff;
                ff.id = f.name;
                ff.label = f.label;
                ff.required = f.required;
                ff.value = f.value;
                ff.hint = f.help;
                fields.push_back(std::move(ff));
            }
            form_.emplace(std::move(fields));
            editing_ = Editing::Form;
            break;
        }
        case StepKind::ChooseTime:
            text_.set_value(v.value("restore_time").empty() ? v.step.default_time : v.value("restore_time"));
            editing_ = Editing::Time;
            break;
        case StepKind::Checklist:
            if (cursor_.row >= v.step.items.size()) return kHandled;
            text_.set_value(cursor_.row < v.record.notes.size() ? v.record.notes[cursor_.row] : "");
            editing_ = Editing::Note;
            break;
        default:
            return kHandled;
        }
        return kHandled | kRedraw | kChrome;
    }

    void render_empty(const ScreenContext& ctx, widgets::Canvas& canvas) const {
        const auto& theme = *ctx.theme;
        canvas.put(1, 0, "Wizard", theme.style(Role::Title));
        int y = 2;
        canvas.put(2, y, "No wizard is open.", theme.style(Role::Normal));
        y += 2;
        for (const char* line : {"Start one:",
                                 "  Enter on a recovery point (screen 2) restores it into a NEW instance",
                                 "  :restore [RUNBOOK]   a restore runbook (Tab completes the names)",
                                 "  :drill [RESOURCE]    the monthly restore-test drill",
                                 "  :resume              continue a wizard that was interrupted"}) {
            canvas.put(2, y++, line, theme.style(Role::Dim));
        }
    }

    void render_rail(const WizardView& v, widgets::Canvas& canvas, widgets::Rect area, const widgets::Theme& theme) const {
        const widgets::Rect in = widgets::draw_box(canvas, area, theme, "Steps");
        const bool utf8 = theme.glyphs().utf8;
        const int rows = in.height;
        const int n = static_cast<int>(v.rail.size());
        int first = 0;
        if (n > rows) first = std::clamp(static_cast<int>(v.current) - rows / 2, 0, n - rows);
        for (int i = 0; i < rows && first + i < n; ++i) {
            const auto& s = v.rail[static_cast<std::size_t>(first + i)];
            const Role role = rail_role(s.status);
            const std::string text = rail_mark(s.status, utf8) + " " + s.title;
            canvas.put_fit(in.x, in.y + i, text, in.width, theme.style(role), widgets::Align::Left, theme.glyphs().ellipsis);
        }
    }

    // The line under the step title: what is happening, or what just happened.
    static std::pair<std::string, Role> status_line(const WizardView& v) {
        if (v.busy) return {"Working: " + v.busy_with + "…", Role::Info};
        // A wait's own progress note repeats what the step shows below it.
        const bool waiting = !v.finished && v.step.kind == StepKind::Wait && !v.notice_is_error && !v.notice_moved;
        if (!v.notice.empty() && !waiting) return {v.notice, v.notice_is_error ? Role::Error : Role::Ok};
        if (v.record.status == StepStatus::Failed && !v.record.message.empty())
            return {"Failed: " + v.record.message, Role::Error};
        return {"", Role::Normal};
    }

    void render_step(const ScreenContext& ctx, const WizardView& v, widgets::Canvas& canvas, widgets::Rect area) {
        const auto& theme = *ctx.theme;
        std::string title;
        if (v.finished) {
            title = "Finished";
        } else {
            title = fmt::format("Step {} of {}: {}", v.current + 1, v.rail.size(),
                                v.current < v.rail.size() ? v.rail[v.current].title : v.step.id);
        }
        const widgets::Rect in = widgets::draw_box(canvas, area, theme, title);
        auto pane = canvas.region(in);
        const int w = in.width;
        int y = 0;
        const auto [status, role] = status_line(v);
        if (!status.empty()) {
            for (const auto& l : widgets::wrap(status, w - 1)) {
                if (y >= 3) break;
                pane.put(0, y++, l, theme.style(role));
            }
            ++y;
        }
        const std::string hint = wizard_enter_hint(v);
        const int bottom = in.height - (hint.empty() ? 0 : 1) - (editing_ == Editing::Time || editing_ == Editing::Note ? 2 : 0);
        int selected = -1;
        auto lines = fold_keeping(wizard_step_lines(v, cursor_, ctx.now, w, &selected), w - 1, &selected);
        if (editing_ == Editing::Form && form_) {
            int text_rows = 0;
            while (text_rows < static_cast<int>(lines.size()) && !lines[static_cast<std::size_t>(text_rows)].text().empty())
                ++text_rows;
            text_rows = std::min(text_rows, std::max(0, bottom - y - 8));
            auto top = pane.region({0, y, w, text_rows});
            draw_lines(top, lines, 0, -1, theme);
            auto fr = pane.region({0, y + text_rows + 1, w, std::max(0, bottom - y - text_rows - 1)});
            form_->render(fr, theme);
        } else {
            const int rows = std::max(0, bottom - y);
            if (selected >= 0) first_ = scroll_to_show(first_, selected, rows, static_cast<int>(lines.size()));
            first_ = std::clamp(first_, 0, std::max(0, static_cast<int>(lines.size()) - rows));
            auto body = pane.region({0, y, w, rows});
            draw_lines(body, lines, first_, selected, theme);
        }
        if (editing_ == Editing::Time || editing_ == Editing::Note) {
            const std::string prompt = editing_ == Editing::Time ? "Restore time: " : "Note: ";
            const int x = pane.put(0, bottom, prompt, theme.style(Role::Accent));
            text_.render(pane, x, bottom, w - x - 1, theme.style(Role::InputFocused), true);
        }
        if (!hint.empty()) pane.put_fit(0, in.height - 1, hint, w, theme.style(Role::Key), widgets::Align::Left, theme.glyphs().ellipsis);
    }

    std::shared_ptr<WizardRunner> runner_;
    Editing editing_ = Editing::None;
    std::optional<widgets::Form> form_;
    widgets::TextInput text_;
    WizardCursor cursor_;
    std::optional<std::pair<std::size_t, std::size_t>> cursor_for_;
    int first_ = 0;
};

}  // namespace

std::unique_ptr<WizardScreen> make_wizard_screen() { return std::make_unique<WizardScreenImpl>(); }

}  // namespace vd::tui
