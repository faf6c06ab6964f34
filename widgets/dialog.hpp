// Dialog: a modal box in the middle of the screen. Four kinds:
//   message       - text and an OK; Enter, Esc or Space close it
//   confirm       - Yes / No; y, n, Left/Right/Tab to move, Enter, Esc = No
//   typed confirm - the user must type an exact string (the target's
//                   identifier); Enter is refused until it matches, Esc cancels
//   choice        - one of a few options: Up/Down (j/k) move, 1-9 or Enter
//                   picks, Esc cancels
//
// Usage:
//   auto d = Dialog::typed_confirm("Restore", "Restore orders-db to a NEW instance "
//                                  "orders-db-restore-1?", "orders-db-restore-1");
//   // each key while the dialog is open:
//   d.handle(ev);                 // modal: it takes every key
//   if (d.result() == DialogResult::Accepted) ...;
//   d.render(canvas, theme);      // draws centred in the canvas
#pragma once

#include <string>
#include <vector>

#include "widgets/canvas.hpp"
#include "widgets/input.hpp"
#include "widgets/text_input.hpp"
#include "widgets/theme.hpp"

namespace vd::widgets {

// Which dialog.
enum class DialogKind { Message, Confirm, TypedConfirm, Choice };

// Where the dialog stands.
enum class DialogResult { Open, Accepted, Cancelled };

// A modal message, confirmation or typed confirmation.
class Dialog {
public:
    // A message with an OK button.
    static Dialog message(std::string title, std::string text, Role role = Role::Normal);
    // A yes/no question; `default_yes` puts the focus on Yes (default: No).
    // The buttons may say what they do ("Resume", "Later"); y and n still answer.
    static Dialog confirm(std::string title, std::string text, bool default_yes = false, std::string yes_label = "Yes",
                          std::string no_label = "No");
    // A question answered by typing `expected` exactly.
    static Dialog typed_confirm(std::string title, std::string text, std::string expected);
    // One of the options (the first has the focus).
    static Dialog choice(std::string title, std::string text, std::vector<std::string> options);

    // Handles a key; always true while open (the dialog is modal).
    bool handle(const KeyEvent& event);
    // Open, accepted or cancelled.
    DialogResult result() const { return result_; }
    // The kind of dialog.
    DialogKind kind() const { return kind_; }
    // What has been typed (typed confirm).
    const std::string& typed() const { return input_.value(); }
    // The refusal shown after Enter with a wrong string, else empty.
    const std::string& error() const { return error_; }
    // True while Yes has the focus (confirm).
    bool yes_focused() const { return yes_focused_; }
    // The option with the focus, or the one picked (choice).
    std::size_t chosen() const { return chosen_; }

    // Draws the dialog centred in the canvas.
    void render(Canvas& canvas, const Theme& theme) const;

private:
    // A dialog of a kind; the factories above fill in the rest.
    Dialog(DialogKind kind, std::string title, std::string text);

    DialogKind kind_;
    std::string title_;
    std::string text_;
    Role role_ = Role::Normal;
    std::string expected_;
    std::string yes_label_ = "Yes";
    std::string no_label_ = "No";
    TextInput input_;
    std::string error_;
    bool yes_focused_ = false;
    std::vector<std::string> options_;
    std::size_t chosen_ = 0;
    DialogResult result_ = DialogResult::Open;
};

}  // namespace vd::widgets
