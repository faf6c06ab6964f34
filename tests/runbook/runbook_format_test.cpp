// Runbook files: reading, lint diagnostics with their lines, templates, and
// the built-in runbooks.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "backend/runbook/builtin.hpp"
#include "backend/runbook/lint.hpp"
#include "backend/runbook/runbook_reader.hpp"
#include "backend/runbook/sql_expect.hpp"
#include "backend/runbook/template.hpp"
#include "backend/core/time_format.hpp"

using namespace vd;
using namespace vd::runbook;

namespace {

// The first diagnostic whose message contains needle, or nullptr.
const Diagnostic* find(const std::vector<Diagnostic>& ds, std::string_view needle) {
    for (const auto& d : ds)
        if (d.message.find(needle) != std::string::npos) return &d;
    return nullptr;
}

const char* kGood = R"(name = "small"
title = "A small restore"
kind = "restore"
rto_target = "1h30m"

[[steps]]
kind = "choose-recovery-point"
resource = "{resource}"

[[steps]]
kind = "form"
[[steps.fields]]
name = "target"
default = "{source}-restore-{yyyymmdd}"
required = true

[[steps]]
kind = "confirm"

[[steps]]
kind = "restore"
method = "aws-backup"
metadata = { MultiAZ = "false" }

[[steps]]
kind = "wait"
timeout = "2h"
interval = 10
)";

}  // namespace

TEST(RunbookReader, ReadsStepsAndParameters) {
    auto rb = load_runbook(kGood, "small.toml");
    ASSERT_TRUE(rb.ok()) << rb.error().message;
    EXPECT_EQ(rb->name, "small");
    EXPECT_EQ(rb->kind, RunbookKind::Restore);
    ASSERT_TRUE(rb->rto_target.has_value());
    EXPECT_EQ(rb->rto_target->count(), 5400);
    ASSERT_EQ(rb->steps.size(), 5u);
    EXPECT_EQ(rb->steps[0].kind, StepKind::ChooseRecoveryPoint);
    EXPECT_EQ(rb->steps[0].id, "choose-recovery-point-1");
    EXPECT_EQ(rb->steps[1].fields.at(0).default_value, "{source}-restore-{yyyymmdd}");
    EXPECT_TRUE(rb->steps[1].fields.at(0).required);
    EXPECT_EQ(rb->steps[2].expect, "{target}");
    EXPECT_EQ(rb->steps[3].metadata.at("MultiAZ"), "false");
    EXPECT_EQ(rb->steps[4].timeout.count(), 7200);
    EXPECT_EQ(rb->steps[4].interval.count(), 10);
    EXPECT_EQ(rb->steps[3].where.line, 20);
}

TEST(RunbookLint, SyntaxErrorHasItsLine) {
    auto ds = lint_runbook_text("name = \"x\"\nkind = \"restore\"\ntitle = oops\n", "f.toml");
    ASSERT_FALSE(ds.empty());
    EXPECT_EQ(ds[0].line, 3);
    EXPECT_EQ(ds[0].severity, Diagnostic::Severity::Error);
}

TEST(RunbookLint, UnknownStepKindAndKeyAreReportedAtTheirLines) {
    const char* text = R"(name = "x"
title = "X"
kind = "restore"

[[steps]]
kind = "info"
text = "hello"

[[steps]]
kind = "restor"

[[steps]]
kind = "info"
text = "bye"
colour = "red"
)";
    auto ds = lint_runbook_text(text, "x.toml");
    const Diagnostic* kind = find(ds, "unknown step kind 'restor'");
    ASSERT_NE(kind, nullptr);
    EXPECT_EQ(kind->line, 10);
    const Diagnostic* key = find(ds, "unknown key 'colour'");
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(key->line, 15);
    EXPECT_EQ(format_diagnostic(*key, "x.toml").rfind("x.toml:15:", 0), 0u);
    EXPECT_EQ(find(ds, "no steps"), nullptr) << "an unreadable step is still a step";
}

TEST(RunbookLint, ARestoreMethodIsOneOfThreeAndNamedOnItsLine) {
    const char* text = R"(name = "x"
title = "X"
kind = "restore"

[[steps]]
kind = "form"
fields = [{ name = "target", label = "New instance" }]

[[steps]]
kind = "restore"
method = "teleport"

[[steps]]
kind = "restore"
)";
    auto ds = lint_runbook_text(text, "x.toml");
    const Diagnostic* unknown = find(ds, "unknown restore method 'teleport' (expected aws-backup, pitr or snapshot)");
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->line, 11);
    const Diagnostic* missing = find(ds, "a restore step needs a method");
    ASSERT_NE(missing, nullptr);
    EXPECT_EQ(missing->line, 13);
    EXPECT_EQ(std::count_if(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.message.find("needs a method") != std::string::npos; }),
              1)
        << "the step with an unknown method is reported once, for its method";
    for (auto m : {RestoreMethod::AwsBackup, RestoreMethod::Pitr, RestoreMethod::Snapshot})
        EXPECT_EQ(parse_restore_method(restore_method_name(m)), m);
}

TEST(RunbookLint, MissingParametersAreErrors) {
    const char* text = R"(name = "x"
title = "X"
kind = "restore"

[[steps]]
kind = "checklist"

[[steps]]
kind = "preflight"
checks = ["target-identifier-free", "moon-phase"]

[[steps]]
kind = "command"
command = "rm -rf /"
)";
    auto ds = lint_runbook_text(text, "x.toml");
    const Diagnostic* items = find(ds, "a checklist step needs items");
    ASSERT_NE(items, nullptr);
    EXPECT_EQ(items->line, 5);
    const Diagnostic* check = find(ds, "unknown preflight check 'moon-phase'");
    ASSERT_NE(check, nullptr);
    EXPECT_EQ(check->line, 10);
    const Diagnostic* shell = find(ds, "set shell = true");
    ASSERT_NE(shell, nullptr);
    EXPECT_EQ(shell->line, 14);
}

TEST(RunbookLint, BadTemplatesAreReported) {
    const char* text = R"(name = "x"
title = "X"
kind = "restore"

[[steps]]
kind = "form"
[[steps.fields]]
name = "target"
default = "{source-restore"
[[steps.fields]]
name = "other"
default = "{nosuch}-x"
[[steps.fields]]
name = "third"
default = "{target}-copy"
)";
    auto ds = lint_runbook_text(text, "x.toml");
    const Diagnostic* unclosed = find(ds, "bad template");
    ASSERT_NE(unclosed, nullptr);
    EXPECT_EQ(unclosed->line, 7);
    const Diagnostic* unknown = find(ds, "unknown variable '{nosuch}'");
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->line, 10);
    EXPECT_EQ(find(ds, "{target}"), nullptr);
}

TEST(RunbookLint, MutatingStepWithoutConfirmBeforeItIsAnError) {
    const char* text = R"(name = "x"
title = "X"
kind = "restore"

[[steps]]
kind = "choose-recovery-point"

[[steps]]
kind = "form"
[[steps.fields]]
name = "target"

[[steps]]
kind = "restore"
method = "aws-backup"

[[steps]]
kind = "confirm"
)";
    auto ds = lint_runbook_text(text, "x.toml");
    const Diagnostic* d = find(ds, "a confirm step must come before this restore step");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 14);
    EXPECT_FALSE(load_runbook(text, "x.toml").ok());
}

TEST(RunbookLint, ChecklistRunbookMayNotMutate) {
    const char* text = R"(name = "x"
title = "X"
kind = "checklist"

[[steps]]
kind = "confirm"

[[steps]]
kind = "cleanup"
)";
    auto ds = lint_runbook_text(text, "x.toml");
    EXPECT_NE(find(ds, "a checklist runbook never changes AWS"), nullptr);
    EXPECT_NE(find(ds, "a cleanup step needs a restore step"), nullptr);
}

TEST(RunbookLint, ConfirmCannotBeSkippableAndExpectationsAreChecked) {
    const char* text = R"(name = "x"
title = "X"
kind = "drill"

[[steps]]
kind = "confirm"
skippable = true

[[steps]]
kind = "sql-check"
[[steps.checks]]
name = "rows"
query = "SELECT 1"
expect = "about 3"
)";
    auto ds = lint_runbook_text(text, "x.toml");
    const Diagnostic* skip = find(ds, "a confirm step cannot be skippable");
    ASSERT_NE(skip, nullptr);
    EXPECT_EQ(skip->line, 7);
    const Diagnostic* expect = find(ds, "bad expectation 'about 3'");
    ASSERT_NE(expect, nullptr);
    EXPECT_EQ(expect->line, 11);
    EXPECT_NE(find(ds, "needs a wait step before it"), nullptr);
    EXPECT_NE(find(ds, "without a cleanup step"), nullptr);
}

TEST(RunbookLint, AVariableNoEarlierStepSetsIsAnError) {
    const char* text = R"(name = "x"
title = "X"
kind = "checklist"

[[steps]]
kind = "checklist"
items = ["DATABASE_URL points at {endpoint_host}:{endpoint_port}", "{target} restored from {recovery_point}"]

[[steps]]
kind = "form"
[[steps.fields]]
name = "target"
default = "{source}-new"
)";
    auto ds = lint_runbook_text(text, "x.toml");
    for (const char* name : {"{endpoint_host}", "{endpoint_port}", "{recovery_point}"}) {
        const Diagnostic* unset = find(ds, std::string("'") + name + "' in a checklist item is not set yet here");
        ASSERT_NE(unset, nullptr) << name;
        EXPECT_EQ(unset->severity, Diagnostic::Severity::Error);
        EXPECT_EQ(unset->line, 7);
    }
    EXPECT_NE(find(ds, "only a wait step before this one sets it"), nullptr);
    EXPECT_EQ(find(ds, "{target}"), nullptr) << "a built-in variable the wizard is started with";
}

TEST(RunbookLint, BuiltinSwitchOverExpandsEveryVariable) {
    for (const auto& b : builtin_runbooks()) {
        auto rb = load_runbook(b.toml, std::string(b.name));
        ASSERT_TRUE(rb.ok()) << rb.error().message;
        if (rb->kind != RunbookKind::Restore) continue;
        auto it = std::find_if(rb->steps.begin(), rb->steps.end(), [](const Step& s) { return s.id == "switch"; });
        ASSERT_NE(it, rb->steps.end()) << b.name << " ends with the switch-over";
        for (const char* v : {"{endpoint_host}", "{endpoint_port}", "{db_name}", "{database_url}"})
            EXPECT_NE(it->text.find(v), std::string::npos) << b.name << " shows " << v;
    }
}

TEST(RunbookLint, EveryBuiltinIsClean) {
    ASSERT_EQ(builtin_runbooks().size(), 5u);
    for (const auto& b : builtin_runbooks()) {
        auto ds = lint_runbook_text(b.toml, std::string(b.name));
        for (const auto& d : ds) ADD_FAILURE() << format_diagnostic(d, b.name);
        auto rb = load_runbook(b.toml, std::string(b.name));
        ASSERT_TRUE(rb.ok()) << rb.error().message;
        EXPECT_EQ(rb->name, b.name);
    }
}

// The built-ins are the files of runbooks/, byte for byte, and every file
// there is built in (a file the build does not list would be silently left out).
TEST(RunbookLint, TheBuiltinsAreTheFilesOfTheRunbooksFolder) {
    std::set<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(VAULTDECK_SOURCE_DIR) / "runbooks")) {
        if (e.path().extension() != ".toml") continue;
        files.insert(e.path().stem().string());
        std::ifstream in(e.path(), std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        EXPECT_EQ(builtin_runbook(e.path().stem().string()), text) << e.path();
    }
    std::set<std::string> builtins;
    for (const auto& b : builtin_runbooks()) builtins.insert(std::string(b.name));
    EXPECT_EQ(files, builtins);
    EXPECT_TRUE(builtin_runbook("no-such-runbook").empty());
}

TEST(RunbookLint, BuiltinsFollowTheProcedures) {
    auto step_kinds = [](std::string_view name) {
        for (const auto& b : builtin_runbooks()) {
            if (b.name != name) continue;
            auto rb = load_runbook(b.toml, std::string(b.name));
            std::vector<StepKind> kinds;
            for (const auto& s : rb->steps) kinds.push_back(s.kind);
            return std::pair{*rb, kinds};
        }
        return std::pair{Runbook{}, std::vector<StepKind>{}};
    };
    auto [drill, drill_kinds] = step_kinds("monthly-drill");
    EXPECT_EQ(drill.kind, RunbookKind::Drill);
    auto pos = [&](StepKind k) { return std::find(drill_kinds.begin(), drill_kinds.end(), k) - drill_kinds.begin(); };
    EXPECT_LT(pos(StepKind::Confirm), pos(StepKind::Restore));
    EXPECT_LT(pos(StepKind::Restore), pos(StepKind::Wait));
    EXPECT_LT(pos(StepKind::Wait), pos(StepKind::SqlCheck));
    EXPECT_LT(pos(StepKind::SqlCheck), pos(StepKind::Cleanup));
    EXPECT_LT(pos(StepKind::Cleanup), pos(StepKind::Report));
    auto [sw, sw_kinds] = step_kinds("switch-application");
    EXPECT_EQ(sw.kind, RunbookKind::Checklist);
    for (auto k : sw_kinds) EXPECT_FALSE(is_mutating(k));
    auto [pitr, pitr_kinds] = step_kinds("pitr-restore");
    EXPECT_NE(std::find(pitr_kinds.begin(), pitr_kinds.end(), StepKind::ChooseTime), pitr_kinds.end());
    auto [snap, snap_kinds] = step_kinds("restore-from-snapshot");
    bool from_snapshots = false;
    for (const auto& s : snap.steps) from_snapshots = from_snapshots || s.from == "rds-snapshots";
    EXPECT_TRUE(from_snapshots);
}

TEST(Template, ExpandsVariablesAndTime) {
    Variables vars{{"source", "prod-db"}};
    add_time_variables(vars, *parse_time("2026-11-22T03:04:05Z"));
    auto out = expand_template("{source}-restore-{yyyymmdd}", vars);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(*out, "prod-db-restore-20261122");
    EXPECT_EQ(*expand_template("{source}-drill-{yyyymmddhhmm}", vars), "prod-db-drill-202611220304");
    EXPECT_EQ(*expand_template("{{literal}} {date}", vars), "{literal} 2026-11-22");
}

TEST(Template, ReportsMissingAndMalformed) {
    Variables vars{{"source", "a"}};
    auto missing = expand_template("{source}-{target}", vars);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("{target}"), std::string::npos);
    EXPECT_FALSE(template_variables("{open").ok());
    EXPECT_FALSE(template_variables("close}").ok());
    EXPECT_FALSE(template_variables("{Upper}").ok());
    auto names = template_variables("{a}-{b_2}");
    ASSERT_TRUE(names.ok());
    EXPECT_EQ(*names, (std::vector<std::string>{"a", "b_2"}));
}

TEST(Duration, ParsesAndFormats) {
    EXPECT_EQ(parse_duration("1h30m")->count(), 5400);
    EXPECT_EQ(parse_duration("45")->count(), 45);
    EXPECT_EQ(parse_duration("1d")->count(), 86400);
    EXPECT_FALSE(parse_duration("1x").ok());
    EXPECT_FALSE(parse_duration("1h30").ok());
    EXPECT_EQ(format_duration(Seconds(5400)), "1h30m");
    EXPECT_EQ(format_duration(Seconds(59)), "59s");
}

// The one line a check step ends with says which checks failed and, when one
// could not run at all (its source unreachable), why: that is no proof of bad data.
TEST(SqlExpectation, ChecksSummaryNamesTheFailuresAndWhyOneCouldNotRun) {
    CheckResult ok;
    ok.name = "connects";
    ok.passed = true;
    CheckResult emptier;
    emptier.name = "no table emptier than the source";
    CheckResult unreachable;
    unreachable.name = "tables match the source";
    unreachable.error = "cannot find the source instance: Throttling: Rate exceeded";
    EXPECT_EQ(checks_summary({ok, ok}), "2 of 2 checks passed");
    EXPECT_EQ(checks_summary({ok, emptier}), "1 of 2 checks passed; failed: no table emptier than the source");
    EXPECT_EQ(checks_summary({ok, emptier, unreachable}),
              "1 of 3 checks passed; failed: no table emptier than the source, tables match the source "
              "(could not run: cannot find the source instance: Throttling: Rate exceeded)");
}

TEST(SqlExpectation, ComparesNumbersTextAndSource) {
    auto ge = parse_expectation(">= 10");
    ASSERT_TRUE(ge.ok());
    EXPECT_TRUE(expectation_met(*ge, "10", std::nullopt));
    EXPECT_FALSE(expectation_met(*ge, "9", std::nullopt));
    EXPECT_FALSE(expectation_met(*ge, "ten", std::nullopt));
    auto src = parse_expectation("== source");
    ASSERT_TRUE(src.ok());
    EXPECT_TRUE(expectation_met(*src, "42", std::string("42.0")));
    EXPECT_FALSE(expectation_met(*src, "41", std::string("42")));
    EXPECT_FALSE(expectation_met(*src, "42", std::nullopt));
    EXPECT_TRUE(expectation_met(*src, "a,b", std::string("a,b")));
    auto text = parse_expectation("== 'ok'");
    ASSERT_TRUE(text.ok());
    EXPECT_TRUE(expectation_met(*text, "ok", std::nullopt));
    EXPECT_FALSE(parse_expectation(">= 'ok'").ok());
    EXPECT_FALSE(parse_expectation("~ 3").ok());
}

TEST(StepKinds, EveryKindHasOneRowWhoseNameReadsBack) {
    const auto& kinds = step_kinds();
    EXPECT_EQ(kinds.size(), static_cast<std::size_t>(StepKind::Report) + 1) << "a kind without a row, or a row twice";
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const StepKindInfo& info = kinds[i];
        EXPECT_EQ(static_cast<std::size_t>(info.kind), i) << info.name << " is out of order";
        EXPECT_EQ(parse_step_kind(info.name), info.kind) << info.name;
        EXPECT_NE(info.details, nullptr) << info.name;
        for (const auto& key : info.keys)
            for (const char* common : {"kind", "id", "title", "text", "skippable", "on_failure"})
                EXPECT_NE(key, common) << info.name << " re-declares a common key";
    }
    EXPECT_TRUE(is_mutating(StepKind::Restore));
    EXPECT_TRUE(is_mutating(StepKind::Cleanup));
    EXPECT_FALSE(is_mutating(StepKind::Wait));
    EXPECT_EQ(parse_step_kind("teleport"), std::nullopt);
}
