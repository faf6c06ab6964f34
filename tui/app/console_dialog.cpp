// The console's dialogs: opening one a screen or command asked for, and
// what its answer does.
#include "tui/app/console_impl.hpp"

namespace vd::tui {

void Console::Impl::open_dialog(const DialogRequest& request) {
    std::string text;
    for (const auto& line : request.lines) text += (text.empty() ? "" : "\n") + line;
    using Kind = DialogRequest::Kind;
    switch (request.kind) {
    case Kind::Message: dialog = widgets::Dialog::message(request.title, text); break;
    case Kind::Confirm:
        dialog = widgets::Dialog::confirm(request.title, text, request.default_yes, request.yes_label, request.no_label);
        break;
    case Kind::TypedConfirm: dialog = widgets::Dialog::typed_confirm(request.title, text, request.expected); break;
    case Kind::Choice: {
        std::vector<std::string> options;
        for (const auto& c : request.choices) options.push_back(c.first);
        dialog = widgets::Dialog::choice(request.title, text, std::move(options));
        break;
    }
    }
    on_accept = request.on_accept;
    dialog_wizards.clear();
    for (const auto& c : request.choices) dialog_wizards.push_back(c.second);
    mode = Mode::Dialog;
}

Flags Console::Impl::dialog_key(const widgets::KeyEvent& ev) {
    if (dialog) dialog->handle(ev);
    if (dialog && dialog->result() == widgets::DialogResult::Open) return kHandled | kRedraw | kChrome;
    const bool accepted = dialog && dialog->result() == widgets::DialogResult::Accepted;
    const std::string typed = dialog ? dialog->typed() : std::string();
    const std::size_t chosen = dialog ? dialog->chosen() : 0;
    auto accept = std::move(on_accept);
    auto wizards = std::move(dialog_wizards);
    on_accept = nullptr;
    dialog_wizards.clear();
    mode = Mode::Normal;
    dialog.reset();
    Flags f = kHandled | kRedraw | kChrome;
    if (accepted && accept) f |= accept(typed);
    if (accepted && chosen < wizards.size()) f |= open_wizard(wizards[chosen]);
    rebind();
    return f;
}

}  // namespace vd::tui
