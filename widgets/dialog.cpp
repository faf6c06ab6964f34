// Modal dialogs: key handling and drawing.
#include "widgets/dialog.hpp"

#include <algorithm>
#include <vector>

#include "widgets/box.hpp"

namespace vd::widgets {

Dialog::Dialog(DialogKind kind, std::string title, std::string text)
    : kind_(kind), title_(std::move(title)), text_(std::move(text)) {}

Dialog Dialog::message(std::string title, std::string text, Role role) {
    Dialog d(DialogKind::Message, std::move(title), std::move(text));
    d.role_ = role;
    return d;
}

Dialog Dialog::confirm(std::string title, std::string text, bool default_yes, std::string yes_label,
                       std::string no_label) {
    Dialog d(DialogKind::Confirm, std::move(title), std::move(text));
    d.yes_focused_ = default_yes;
    d.yes_label_ = std::move(yes_label);
    d.no_label_ = std::move(no_label);
    return d;
}

Dialog Dialog::typed_confirm(std::string title, std::string text, std::string expected) {
    Dialog d(DialogKind::TypedConfirm, std::move(title), std::move(text));
    d.expected_ = std::move(expected);
    return d;
}

Dialog Dialog::choice(std::string title, std::string text, std::vector<std::string> options) {
    Dialog d(DialogKind::Choice, std::move(title), std::move(text));
    d.options_ = std::move(options);
    return d;
}

bool Dialog::handle(const KeyEvent& ev) {
    if (result_ != DialogResult::Open) {
        return false;
    }
    if (ev.is(Key::Escape)) {
        result_ = kind_ == DialogKind::Message ? DialogResult::Accepted : DialogResult::Cancelled;
        return true;
    }
    switch (kind_) {
    case DialogKind::Message:
        if (ev.is(Key::Enter) || ev.is(U' ') || ev.is(U'q')) {
            result_ = DialogResult::Accepted;
        }
        return true;
    case DialogKind::Confirm:
        if (ev.is(U'y') || ev.is(U'Y')) {
            result_ = DialogResult::Accepted;
        } else if (ev.is(U'n') || ev.is(U'N')) {
            result_ = DialogResult::Cancelled;
        } else if (ev.is(Key::Left) || ev.is(Key::Right) || ev.is(Key::Tab) ||
                   ev.is(Key::BackTab) || ev.is(U'h') || ev.is(U'l')) {
            yes_focused_ = !yes_focused_;
        } else if (ev.is(Key::Enter)) {
            result_ = yes_focused_ ? DialogResult::Accepted : DialogResult::Cancelled;
        }
        return true;
    case DialogKind::Choice:
        if (ev.is(Key::Down) || ev.is(U'j')) {
            if (chosen_ + 1 < options_.size()) ++chosen_;
        } else if (ev.is(Key::Up) || ev.is(U'k')) {
            if (chosen_ > 0) --chosen_;
        } else if (ev.is(Key::Enter) && !options_.empty()) {
            result_ = DialogResult::Accepted;
        } else {
            for (std::size_t i = 0; i < options_.size() && i < 9; ++i) {
                if (ev.is(static_cast<char32_t>(U'1' + i))) {
                    chosen_ = i;
                    result_ = DialogResult::Accepted;
                }
            }
        }
        return true;
    case DialogKind::TypedConfirm:
        if (ev.is(Key::Enter)) {
            if (input_.value() == expected_) {
                result_ = DialogResult::Accepted;
                error_.clear();
            } else {
                error_ = "does not match; type exactly: " + expected_;
            }
            return true;
        }
        if (input_.handle(ev)) {
            error_.clear();
        }
        return true;
    }
    return true;
}

void Dialog::render(Canvas& canvas, const Theme& theme) const {
    const Rect screen{0, 0, canvas.width(), canvas.height()};
    const int max_inner = std::max(10, std::min(canvas.width() - 6, 72));
    int want = std::max(display_width(title_) + 6, 30);
    for (const auto& line : wrap(text_, max_inner)) {
        want = std::max(want, display_width(line));
    }
    if (kind_ == DialogKind::TypedConfirm) {
        want = std::max(want, display_width(expected_) + 31);  // the refusal fits
    }
    for (const auto& option : options_) want = std::max(want, display_width(option) + 6);
    const int inner_w = std::min(want, max_inner);
    const std::vector<std::string> lines = wrap(text_, inner_w);
    int inner_h = static_cast<int>(lines.size()) + 2;  // text, blank, buttons
    if (kind_ == DialogKind::TypedConfirm) {
        inner_h += 3;  // prompt, field, error
    }
    inner_h += static_cast<int>(options_.size()) + (options_.empty() ? 0 : 1);
    const Rect box = centered(screen, inner_w + 4, inner_h + 2);
    const Style& normal = theme.style(Role::Normal);
    canvas.fill(box, " ", normal);
    const Rect in = draw_box(canvas, box, theme, title_);
    const int x = in.x + 1;
    const int w = in.width - 2;
    int y = in.y;
    for (const auto& line : lines) {
        canvas.put_fit(x, y++, line, w, theme.style(role_), Align::Left, theme.glyphs().ellipsis);
    }
    ++y;
    if (kind_ == DialogKind::TypedConfirm) {
        canvas.put(x, y, "Type ", normal);
        const int after = canvas.put(x + 5, y, expected_, theme.style(Role::Accent));
        canvas.put(after, y++, " to confirm:", normal);
        input_.render(canvas, x, y++, w, theme.style(Role::InputFocused), true);
        canvas.put_fit(x, y++, error_, w, theme.style(Role::Error), Align::Left,
                       theme.glyphs().ellipsis);
    }
    for (std::size_t i = 0; i < options_.size(); ++i) {
        const std::string line = (i == chosen_ ? "> " : "  ") + std::to_string(i + 1) + "  " + options_[i];
        canvas.put_fit(x, y++, line, w, theme.style(i == chosen_ ? Role::Selected : Role::Normal), Align::Left,
                       theme.glyphs().ellipsis);
    }
    if (!options_.empty()) ++y;
    switch (kind_) {
    case DialogKind::Message:
        canvas.put_fit(x, y, "[ OK ]", w, theme.style(Role::Selected), Align::Center);
        break;
    case DialogKind::Confirm: {
        const std::string yes = "[ " + yes_label_ + " ]";
        const std::string no = "[ " + no_label_ + " ]";
        const int bx = x + std::max(0, (w - display_width(yes) - display_width(no) - 2) / 2);
        const int after = canvas.put(bx, y, yes, theme.style(yes_focused_ ? Role::Selected : Role::Normal));
        canvas.put(after + 2, y, no, theme.style(yes_focused_ ? Role::Normal : Role::Selected));
        canvas.hide_cursor();
        break;
    }
    case DialogKind::TypedConfirm:
        canvas.put_fit(x, y, "Enter confirm   Esc cancel", w, theme.style(Role::Dim), Align::Center);
        break;
    case DialogKind::Choice:
        canvas.put_fit(x, y, "Enter or 1-9 choose   Esc cancel", w, theme.style(Role::Dim), Align::Center);
        canvas.hide_cursor();
        break;
    }
}

}  // namespace vd::widgets
