// `vaultdeck runbook list | show NAME | lint FILE`: the built-in runbooks
// and the operator's own in ~/.config/vaultdeck/runbooks.
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "backend/runbook/catalog.hpp"
#include "backend/runbook/lint.hpp"
#include "backend/runbook/runbook_reader.hpp"
#include "tui/cli/commands.hpp"

namespace vd::cli {
namespace {

using runbook::Runbook;
using runbook::Step;
using runbook::StepKind;

// Prints every runbook with its kind and where it comes from.
int list_runbooks() {
    auto entries = runbook::list_runbooks(runbook::user_runbook_dir());
    size_t width = 4;
    for (const auto& e : entries) width = std::max(width, e.name.size());
    print_out(fmt::format("{:<{}}  {:<9}  {:<9}  {}\n", "NAME", width, "KIND", "FROM", "TITLE"));
    bool broken = false;
    for (const auto& e : entries) {
        std::string from = e.origin == "built-in" ? "built-in" : "file";
        if (!e.error.empty()) {
            broken = true;
            print_out(fmt::format("{:<{}}  {:<9}  {:<9}  error: {}\n", e.name, width, "-", from, e.error));
        } else {
            print_out(fmt::format("{:<{}}  {:<9}  {:<9}  {}\n", e.name, width, e.kind, from, e.title));
        }
    }
    print_out(fmt::format("\nYour runbooks: {}/*.toml\n", runbook::user_runbook_dir().string()));
    return broken ? kExitWarning : kExitOk;
}

// Prints one runbook: header, targets and the steps in order; or, with
// --toml, its TOML text as it was read.
int show_runbook(const std::string& name, bool toml) {
    auto rb = runbook::find_runbook(name, runbook::user_runbook_dir());
    if (!rb) {
        print_error(rb.error().message);
        return kExitWarning;
    }
    if (toml) {
        print_out(rb->source);
        if (!rb->source.empty() && rb->source.back() != '\n') print_out("\n");
        return kExitOk;
    }
    print_out(fmt::format("{} — {}\n", rb->name, rb->title));
    print_out(fmt::format("kind: {}   from: {}\n", runbook::runbook_kind_name(rb->kind), rb->origin));
    if (rb->rto_target) print_out(fmt::format("RTO target: {}\n", runbook::format_duration(*rb->rto_target)));
    if (rb->rpo_target) print_out(fmt::format("RPO target: {}\n", runbook::format_duration(*rb->rpo_target)));
    if (!rb->description.empty()) print_out(fmt::format("\n{}\n", rb->description));
    print_out(fmt::format("\nSteps:\n"));
    for (size_t i = 0; i < rb->steps.size(); ++i) {
        const Step& s = rb->steps[i];
        std::string flags;
        if (s.skippable) flags += " [skippable]";
        if (runbook::is_mutating(s.kind)) flags += " [changes AWS]";
        std::string details = runbook::step_kind_info(s.kind).details(s);
        print_out(fmt::format("{:>3}. {:<22} {}{}\n", i + 1, runbook::step_kind_name(s.kind), s.title.empty() ? s.id : s.title, flags));
        if (!details.empty()) print_out(fmt::format("     {:<22} {}\n", "", details));
    }
    return kExitOk;
}

// Lints one file; prints each problem with its line and exits 1 on errors.
int lint_file(const std::string& file) {
    auto text = runbook::read_runbook_file(file);
    if (!text) {
        print_error(text.error().message);
        return kExitWarning;
    }
    auto diagnostics = runbook::lint_runbook_text(*text, file);
    int errors = 0;
    int warnings = 0;
    for (const auto& d : diagnostics) {
        (d.severity == runbook::Diagnostic::Severity::Error ? errors : warnings)++;
        print_out(fmt::format("{}\n", runbook::format_diagnostic(d, file)));
    }
    if (errors == 0) {
        print_out(fmt::format("{}: ok{}\n", file, warnings ? fmt::format(" ({} warnings)", warnings) : ""));
        return kExitOk;
    }
    print_out(fmt::format("{}: {} errors, {} warnings\n", file, errors, warnings));
    return kExitWarning;
}

}  // namespace

// Lists, shows or lints runbooks.
int run_runbook(const GlobalOptions&, const RunbookOptions& o) {
    if (o.action == "list") return list_runbooks();
    if (o.action == "show") return show_runbook(o.name, o.toml);
    if (o.action == "lint") return lint_file(o.name);
    std::fprintf(stderr, "vaultdeck: runbook: expected list, show NAME or lint FILE\n");
    return kExitUsage;
}

}  // namespace vd::cli
