// Form: labelled fields (text, choice, date-time) with validation messages.
//
// Usage:
//   std::vector<FormField> fields(3);
//   fields[0] = {"target", "New instance id", FieldKind::Text, true};
//   fields[0].validator = [](const std::string& v) -> std::optional<std::string> {
//       if (v.find('_') != std::string::npos) return "no underscores in RDS ids";
//       return std::nullopt; };
//   fields[1] = {"class", "Instance class", FieldKind::Choice};
//   fields[1].choices = {"db.t3.micro", "db.r6g.large"};
//   fields[2] = {"at", "Restore time (UTC)", FieldKind::DateTime};
//   Form form(std::move(fields));
//   form.handle(ev);      // Tab / Shift-Tab / Up / Down between fields,
//                         // Left/Right/Space cycle a choice, Enter submits,
//                         // Esc cancels
//   if (form.state() == FormState::Submitted) use(form.value("target"), form.time("at"));
//   form.render(canvas, theme);
// Enter validates every field: required fields must not be empty, date-time
// fields must parse ("YYYY-MM-DD HH:MM" in UTC, or ISO 8601), then each
// field's validator runs; the form stays open on the first invalid field.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "backend/core/clock.hpp"
#include "widgets/canvas.hpp"
#include "widgets/input.hpp"
#include "widgets/text_input.hpp"
#include "widgets/theme.hpp"

namespace vd::widgets {

// What a field holds.
enum class FieldKind { Text, Choice, DateTime };

// A check on a field's value: an error message, or nullopt when valid.
using FieldValidator = std::function<std::optional<std::string>(const std::string&)>;

// One field of a form.
struct FormField {
    std::string id;
    std::string label;
    FieldKind kind = FieldKind::Text;
    bool required = false;
    std::string value;                 // the initial value (a choice: one of choices)
    std::vector<std::string> choices;  // for FieldKind::Choice
    FieldValidator validator;          // optional
    std::string hint;                  // shown dimmed after the field (below it when narrow)
};

// Where the form stands.
enum class FormState { Editing, Submitted, Cancelled };

// Parses a date-time field: "YYYY-MM-DD HH:MM[:SS]" (UTC) or ISO 8601.
std::optional<TimePoint> parse_form_time(const std::string& text);

// A set of fields edited one at a time.
class Form {
public:
    explicit Form(std::vector<FormField> fields);

    // Handles a key; true when it was the form's.
    bool handle(const KeyEvent& event);
    // Editing, submitted or cancelled.
    FormState state() const { return state_; }
    // Reopens a submitted or cancelled form for editing.
    void reopen() { state_ = FormState::Editing; }

    // The index of the field with the focus.
    std::size_t focus() const { return focus_; }
    // Moves the focus to a field.
    void set_focus(std::size_t index);
    // The current value of a field (by id); empty if unknown.
    std::string value(const std::string& id) const;
    // A date-time field's value as a time point, when it parses.
    std::optional<TimePoint> time(const std::string& id) const;
    // Sets a field's value (by id).
    void set_value(const std::string& id, std::string value);

    // Checks every field and records the messages; true when all are valid.
    bool validate();
    // The validation message of a field (after validate()/Enter), if any.
    std::optional<std::string> error(std::size_t index) const;

    // Draws labels, fields and messages, one field per row (another for a
    // message, and for a hint too long to stand beside the field).
    void render(Canvas& canvas, const Theme& theme) const;

private:
    // The index of the field with this id.
    std::optional<std::size_t> index_of(const std::string& id) const;
    // The current value of field i.
    std::string field_value(std::size_t i) const;
    // The validation message of field i, or nullopt when valid.
    std::optional<std::string> check(std::size_t i) const;
    // Moves a choice field to its next or previous choice.
    void cycle_choice(std::size_t i, int delta);  // delta: +1 next, -1 previous

    std::vector<FormField> fields_;
    std::vector<TextInput> inputs_;         // text and date-time fields
    std::vector<std::size_t> choice_;       // the chosen index of choice fields
    std::vector<std::optional<std::string>> errors_;
    std::size_t focus_ = 0;
    FormState state_ = FormState::Editing;
};

}  // namespace vd::widgets
