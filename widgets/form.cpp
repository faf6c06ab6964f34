// Form fields: focus, editing, validation and drawing.
#include "widgets/form.hpp"

#include <algorithm>
#include <cctype>

#include "backend/core/time_format.hpp"

namespace vd::widgets {

std::optional<TimePoint> parse_form_time(const std::string& text) {
    std::string t = text;
    while (!t.empty() && t.back() == ' ') t.pop_back();
    while (!t.empty() && t.front() == ' ') t.erase(t.begin());
    // "YYYY-MM-DD HH:MM" and "YYYY-MM-DD HH:MM:SS" are UTC.
    const bool plain = t.size() >= 16 && t[10] == ' ' &&
                       std::all_of(t.begin() + 11, t.end(), [](char c) {
                           return std::isdigit(static_cast<unsigned char>(c)) || c == ':';
                       });
    if (plain) {
        t[10] = 'T';
        if (t.size() == 16) {
            t += ":00";
        }
        t += 'Z';
    }
    if (t.size() < 20) {
        return std::nullopt;
    }
    return vd::parse_time(t);
}

Form::Form(std::vector<FormField> fields) : fields_(std::move(fields)) {
    inputs_.resize(fields_.size());
    choice_.assign(fields_.size(), 0);
    errors_.resize(fields_.size());
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        const FormField& f = fields_[i];
        if (f.kind == FieldKind::Choice) {
            const auto it = std::find(f.choices.begin(), f.choices.end(), f.value);
            choice_[i] = it == f.choices.end() ? 0 : static_cast<std::size_t>(it - f.choices.begin());
        } else {
            inputs_[i].set_value(f.value);
        }
    }
}

std::optional<std::size_t> Form::index_of(const std::string& id) const {
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        if (fields_[i].id == id) {
            return i;
        }
    }
    return std::nullopt;
}

std::string Form::field_value(std::size_t i) const {
    const FormField& f = fields_[i];
    if (f.kind == FieldKind::Choice) {
        return f.choices.empty() ? std::string() : f.choices[choice_[i]];
    }
    return inputs_[i].value();
}

std::string Form::value(const std::string& id) const {
    const auto i = index_of(id);
    return i ? field_value(*i) : std::string();
}

std::optional<TimePoint> Form::time(const std::string& id) const {
    return parse_form_time(value(id));
}

void Form::set_value(const std::string& id, std::string value) {
    const auto i = index_of(id);
    if (!i) {
        return;
    }
    if (fields_[*i].kind == FieldKind::Choice) {
        const auto& c = fields_[*i].choices;
        const auto it = std::find(c.begin(), c.end(), value);
        if (it != c.end()) {
            choice_[*i] = static_cast<std::size_t>(it - c.begin());
        }
    } else {
        inputs_[*i].set_value(std::move(value));
    }
}

void Form::set_focus(std::size_t index) {
    if (!fields_.empty()) {
        focus_ = std::min(index, fields_.size() - 1);
    }
}

// The message for field i, or nullopt when it is valid.
std::optional<std::string> Form::check(std::size_t i) const {
    const FormField& f = fields_[i];
    const std::string v = field_value(i);
    if (v.empty()) {
        if (f.required) {
            return "required";
        }
        return std::nullopt;
    }
    if (f.kind == FieldKind::DateTime && !parse_form_time(v)) {
        return "expected YYYY-MM-DD HH:MM (UTC)";
    }
    if (f.validator) {
        return f.validator(v);
    }
    return std::nullopt;
}

bool Form::validate() {
    bool ok = true;
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        errors_[i] = check(i);
        ok = ok && !errors_[i];
    }
    return ok;
}

std::optional<std::string> Form::error(std::size_t index) const {
    return index < errors_.size() ? errors_[index] : std::nullopt;
}

void Form::cycle_choice(std::size_t i, int delta) {
    const auto n = fields_[i].choices.size();
    if (n == 0) {
        return;
    }
    choice_[i] = delta >= 0 ? (choice_[i] + 1) % n : (choice_[i] + n - 1) % n;
}

bool Form::handle(const KeyEvent& ev) {
    if (state_ != FormState::Editing || fields_.empty()) {
        return false;
    }
    if (ev.is(Key::Escape)) {
        state_ = FormState::Cancelled;
        return true;
    }
    if (ev.is(Key::Tab) || ev.is(Key::Down)) {
        focus_ = (focus_ + 1) % fields_.size();
        return true;
    }
    if (ev.is(Key::BackTab) || ev.is(Key::Up)) {
        focus_ = (focus_ + fields_.size() - 1) % fields_.size();
        return true;
    }
    if (ev.is(Key::Enter)) {
        if (validate()) {
            state_ = FormState::Submitted;
        } else {
            for (std::size_t i = 0; i < fields_.size(); ++i) {
                if (errors_[i]) {
                    focus_ = i;
                    break;
                }
            }
        }
        return true;
    }
    if (fields_[focus_].kind == FieldKind::Choice) {
        if (ev.is(Key::Right) || ev.is(U' ') || ev.is(U'l')) {
            cycle_choice(focus_, 1);
            errors_[focus_].reset();
            return true;
        }
        if (ev.is(Key::Left) || ev.is(U'h')) {
            cycle_choice(focus_, -1);
            errors_[focus_].reset();
            return true;
        }
        return false;
    }
    if (inputs_[focus_].handle(ev)) {
        errors_[focus_].reset();
        return true;
    }
    return false;
}

void Form::render(Canvas& canvas, const Theme& theme) const {
    int label_w = 0;
    for (const auto& f : fields_) {
        label_w = std::max(label_w, display_width(f.label) + (f.required ? 2 : 0));
    }
    label_w = std::min(label_w, canvas.width() / 2);
    const int field_x = label_w + 2;
    const int field_w = std::max(0, std::min(canvas.width() - field_x, 40));
    const Glyphs& g = theme.glyphs();
    int y = 0;
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        const FormField& f = fields_[i];
        const bool focused = i == focus_;
        const std::string label = f.label + (f.required ? " *" : "");
        canvas.put_fit(0, y, label, label_w, theme.style(focused ? Role::Accent : Role::Normal),
                       Align::Right, g.ellipsis);
        const Style& style = theme.style(focused ? Role::InputFocused : Role::Input);
        if (f.kind == FieldKind::Choice) {
            const std::string v = field_value(i);
            const std::string shown = focused ? "< " + v + " >" : "  " + v;
            canvas.put_fit(field_x, y, shown, field_w, style, Align::Left, g.ellipsis);
        } else {
            inputs_[i].render(canvas, field_x, y, field_w, style, focused);
        }
        if (!f.hint.empty() && field_x + field_w + 1 + display_width(f.hint) <= canvas.width()) {
            canvas.put(field_x + field_w + 1, y, f.hint, theme.style(Role::Dim));
        } else if (!f.hint.empty()) {  // no room beside the field: below it
            canvas.put_fit(field_x, ++y, f.hint, canvas.width() - field_x, theme.style(Role::Dim), Align::Left, g.ellipsis);
        }
        ++y;
        if (errors_[i]) {
            canvas.put(field_x, y++, g.cross, theme.style(Role::Error));
            canvas.put(field_x + display_width(g.cross) + 1, y - 1, *errors_[i],
                       theme.style(Role::Error));
        }
    }
    if (focus_ < fields_.size() && fields_[focus_].kind == FieldKind::Choice) {
        canvas.hide_cursor();
    }
}

}  // namespace vd::widgets
