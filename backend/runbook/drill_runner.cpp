#include "backend/runbook/drill_runner.hpp"

#include <algorithm>
#include <thread>

#include <fmt/format.h>

namespace vd::runbook {
namespace {

// While waiting, a line when the state changes, and at least this often.
constexpr Seconds kWaitLineEvery{300};

// "[3/11] preflight  Preflight checks: done — 5 checks passed".
std::string step_line(const Engine& engine, size_t index, const Step& step, StepStatus status, const std::string& message) {
    std::string title = step.title.empty() ? step.id : engine.display(step.title);
    return fmt::format("[{}/{}] {:<22} {:<8} {}{}", index + 1, engine.runbook().steps.size(), step_kind_name(step.kind),
                       step_status_name(status), title, message.empty() ? "" : " — " + message);
}

// The answer to a typed confirmation, or an error when nobody can give it.
Result<std::string> answer(const DrillRunOptions& o, const std::string& prompt, const std::string& expected) {
    if (o.yes) return expected;
    if (!o.ask)
        return make_error(ErrorKind::InvalidInput,
                          fmt::format("{}: confirmation needed (type '{}'); run with --yes to confirm headless", prompt, expected),
                          "confirm");
    return o.ask(prompt, expected);
}

// Prepares the current step's inputs the way a headless run answers them.
Status prepare(Engine& engine, const DrillRunOptions& o) {
    const Step& step = engine.current_step();
    const auto& values = engine.state().values;
    switch (step.kind) {
        case StepKind::Checklist:
            return make_error(ErrorKind::InvalidInput,
                              fmt::format("the checklist '{}' needs an operator: use the console", step.title.empty() ? step.id : step.title),
                              "checklist");
        case StepKind::ChooseRecoveryPoint: {
            bool snapshots = step.from == "rds-snapshots";
            auto chosen = values.find(snapshots ? "snapshot_identifier" : "recovery_point_arn");
            if (chosen != values.end() && !chosen->second.empty()) return ok_status();
            auto choices = engine.recovery_point_choices();
            if (!choices) return choices.error();
            if (choices->empty() || !choices->front().usable)
                return make_error(ErrorKind::NotFound,
                                  fmt::format("no {} to restore for {}", snapshots ? "available snapshot" : "COMPLETED recovery point",
                                              engine.display(step.resource)), "choose");
            return engine.choose_recovery_point(choices->front().id);
        }
        case StepKind::Confirm:
        case StepKind::Cleanup: {
            std::string expected = engine.expected_confirmation();
            auto typed = answer(o, step.kind == StepKind::Confirm ? "confirm the restore" : "confirm the deletion", expected);
            if (!typed) return typed.error();
            return engine.type_confirmation(*typed);
        }
        case StepKind::Command: {
            std::string line = engine.command_text();
            if (o.yes || (o.approve && o.approve(line))) return engine.approve_command();
            return make_error(ErrorKind::InvalidInput, "the command was not approved: " + line, "command");
        }
        default: return ok_status();
    }
}

}  // namespace

// Sleeps in real-time slices until the clock has advanced by d.
void sleep_on_clock(const Clock& clock, Seconds d) {
    TimePoint until = clock.now() + d;
    auto real_deadline = std::chrono::steady_clock::now() + d;
    while (clock.now() < until && std::chrono::steady_clock::now() < real_deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min<int64_t>(250, std::max<int64_t>(5, d.count() * 1000 / 50))));
}

// Drives the engine to its end.
Result<DrillRunResult> run_headless(Engine& engine, const DrillRunOptions& o) {
    auto clock = o.clock ? o.clock : system_clock();
    auto sleep = o.sleep ? o.sleep : [clock](Seconds d) { sleep_on_clock(*clock, d); };
    DrillRunResult result;
    auto say = [&](const std::string& line) {
        if (o.progress) o.progress(line);
    };
    auto step_said = [&](size_t index, const Step& step, StepStatus status, const std::string& message) {
        if (status == StepStatus::Failed && result.first_failure.empty()) result.first_failure = step.id + ": " + message;
        say(step_line(engine, index, step, status, message));
    };
    result.wizard_id = engine.state().id;
    std::string last_wait_state;
    Seconds last_wait_line{0};
    while (!engine.finished()) {
        size_t index = engine.current_index();
        const Step& step = engine.current_step();
        if (step.kind == StepKind::Checklist && step.skippable) {
            // The switch-over is the operator's: a headless run leaves it, marked skipped.
            if (auto s = engine.skip(); !s) return s.error();
            step_said(index, step, StepStatus::Skipped, "skipped: a checklist needs an operator (use the console)");
            continue;
        }
        if (auto s = prepare(engine, o); !s) {
            result.outcome = "stopped";
            result.message = s.error().message;
            step_said(index, step, StepStatus::Failed, result.message);
            break;
        }
        auto adv = engine.next();
        if (!adv) {
            result.outcome = "stopped";
            result.message = adv.error().message;
            step_said(index, step, StepStatus::Failed, result.message);
            if (adv.error().code == "interrupted") return adv.error();
            break;
        }
        if (!adv->moved && adv->status == StepStatus::Current) {
            auto progress = engine.wait_progress();
            std::string state = progress ? progress->state : adv->message;
            Seconds elapsed = progress ? progress->elapsed : Seconds(0);
            if (state != last_wait_state || elapsed - last_wait_line >= kWaitLineEvery) {
                say("        " + adv->message);
                last_wait_state = state;
                last_wait_line = elapsed;
            }
            sleep(step.interval);
            continue;
        }
        last_wait_state.clear();
        step_said(index, step, adv->status, adv->message);
        if (!adv->moved) {
            result.outcome = "stopped";
            result.message = adv->message;
            break;
        }
    }
    auto written = engine.write_report();
    if (!written) return written.error();
    const auto& v = engine.state().values;
    if (engine.finished()) result.outcome = engine.state().outcome;
    result.report_markdown = v.count("report_markdown") ? v.at("report_markdown") : "";
    result.report_json = v.count("report_json") ? v.at("report_json") : "";
    result.passed = v.count("report_passed") && v.at("report_passed") == "true";
    return result;
}

}  // namespace vd::runbook
