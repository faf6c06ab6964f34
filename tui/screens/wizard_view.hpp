// What the wizard screen draws: an immutable picture of one runbook wizard
// (the rail, the current step and what it needs), taken from the engine by
// the thread that runs it. Drawing reads only this, so it never calls AWS.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backend/model/rds.hpp"
#include "backend/runbook/api_call.hpp"
#include "backend/runbook/engine.hpp"

namespace vd::tui {

struct WizardView {
    // The wizard and its runbook.
    std::string id;
    std::string runbook_name;
    std::string runbook_title;
    runbook::RunbookKind kind = runbook::RunbookKind::Restore;
    std::optional<Seconds> rto_target;
    bool read_only = false;
    bool demo = false;
    bool finished = false;
    std::string outcome;  // completed, failed, aborted (when finished)

    // Where it stands.
    std::size_t current = 0;
    std::vector<runbook::StepView> rail;
    runbook::Step step;          // the current step as written in the runbook
    std::string step_text;       // its text with the variables filled in
    runbook::StepRecord record;  // what happened in it so far
    std::map<std::string, std::string> values;
    runbook::RestoreFacts restored;
    std::string restore_target;  // the restored database, else the form's target
    std::string restore_phase;  // "", sending, started
    std::string cleanup_phase;

    // What the current step needs, read when the step was entered.
    std::vector<runbook::RecoveryPointChoice> choices;
    std::optional<model::PitrWindow> pitr;
    std::vector<runbook::FieldView> fields;
    std::string expected_confirmation;
    std::optional<runbook::ApiCall> planned_call;
    std::string planned_cli;     // the same call as an AWS CLI command
    std::string planned_followup;  // what follows the call (an Aurora cluster's writer instance)
    std::string command_text;
    std::optional<runbook::WaitProgress> wait;
    Seconds poll_every{15};      // how often the wait step is checked
    std::string load_error;      // why the step's data could not be read

    // The runner.
    bool busy = false;
    std::string busy_with;  // "sending the restore..."
    std::string notice;     // the outcome of the last action
    bool notice_is_error = false;
    bool notice_moved = false;  // the notice is the outcome of a step just passed
    std::uint64_t version = 0;

    // A value of the wizard, or empty.
    std::string value(const std::string& key) const;
    // Whether the current step can be skipped now.
    bool can_skip() const { return !finished && step.skippable; }
    // What stays in AWS if the wizard stops now, in one sentence.
    std::string left_behind() const;
};

}  // namespace vd::tui
