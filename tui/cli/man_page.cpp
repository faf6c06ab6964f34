// vaultdeck(1): the manual page, written in roff from the same CLI11 tree
// that parses the command line and prints --help, and from the reference
// tables of tui/cli_spec. The build runs `vaultdeck --man-page` to make the
// installed page, so the page and --help cannot drift apart.
#include "tui/cli/man_page.hpp"

#include <fmt/format.h>

#include "tui/cli/cli_spec.hpp"

namespace vd::cli {
namespace {

// Text made safe for roff: backslashes escaped, hyphens kept as minus signs,
// a leading dot or quote neutralised.
std::string roff(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else out += c;
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
    std::string safe;
    for (size_t i = 0; i < out.size(); ++i) {
        safe += out[i];
        if (out[i] == '\n' && i + 1 < out.size() && (out[i + 1] == '.' || out[i + 1] == '\'')) safe += "\\&";
    }
    return safe;
}

// "--region VALUE" or "--yes": how an option is written.
std::string usage_of(const CLI::Option& opt) {
    std::string names;
    for (const auto& s : opt.get_snames()) names += (names.empty() ? "-" : ", -") + s;
    for (const auto& l : opt.get_lnames()) names += (names.empty() ? "--" : ", --") + l;
    if (opt.get_expected_min() == 0) return fmt::format("\\fB{}\\fR", roff(names));
    std::string type = opt.get_type_name();
    if (type.empty()) type = "VALUE";
    return fmt::format("\\fB{}\\fR \\fI{}\\fR", roff(names), roff(type));
}

// One .TP paragraph per visible option (positionals first, as ARGUMENTS).
std::string options_of(const CLI::App& command) {
    std::string out;
    for (const auto* opt : command.get_options()) {
        if (opt->get_group().empty()) continue;
        if (opt->get_lnames().empty() && opt->get_snames().empty() && !opt->get_positional()) continue;
        const std::string head = opt->get_positional() ? fmt::format("\\fI{}\\fR", roff(opt->get_name())) : usage_of(*opt);
        out += ".TP\n" + head + "\n" + roff(opt->get_description()) + "\n";
    }
    return out;
}

// A command and, depth first, its subcommands, each under its full name.
std::string commands_of(const CLI::App& command, const std::string& prefix) {
    std::string out;
    for (const auto* sub : visible_subcommands(command)) {
        const std::string name = prefix.empty() ? sub->get_name() : prefix + " " + sub->get_name();
        out += fmt::format(".SS \"vaultdeck {}\"\n{}\n", name, roff(sub->get_description()));
        out += options_of(*sub);
        if (!sub->get_footer().empty()) out += ".PP\n.nf\n" + roff(sub->get_footer()) + "\n.fi\n";
        out += commands_of(*sub, name);
    }
    return out;
}

// A reference table as .TP paragraphs.
std::string table(const std::vector<Entry>& rows) {
    std::string out;
    for (const auto& r : rows) out += ".TP\n\\fB" + roff(r.name) + "\\fR\n" + roff(r.text) + "\n";
    return out;
}

}  // namespace

std::string man_page(const CLI::App& app, std::string_view version) {
    std::string out;
    out += fmt::format(".TH VAULTDECK 1 \"\" \"vaultdeck {}\" \"User Commands\"\n", version);
    out += ".SH NAME\nvaultdeck \\- terminal console for AWS Backup and Amazon RDS backups\n";
    out += ".SH SYNOPSIS\n\\fBvaultdeck\\fR [\\fIOPTIONS\\fR]\n.br\n\\fBvaultdeck\\fR [\\fIOPTIONS\\fR] \\fICOMMAND\\fR ...\n";
    out += ".SH DESCRIPTION\n" + roff(app.get_description()) + "\n";
    out += ".PP\nThe console shows every recovery point, backup, copy and restore job and lifecycle, "
           "checks every protected resource against its RPO, and walks restores and restore-test drills "
           "step by step. Nothing changes AWS without a typed confirmation, and never with \\fB\\-\\-read\\-only\\fR.\n";
    out += ".SH OPTIONS\nThese options apply to the console and to every command that reads AWS.\n";
    out += options_of(app);
    out += ".SH COMMANDS\n" + commands_of(app, "");
    out += ".SH LIST KINDS\nThe kinds \\fBvaultdeck list\\fR takes and the AWS operations behind each.\n";
    out += table(list_kinds());
    out += ".SH ENVIRONMENT\n" + table(environment_variables());
    out += ".SH FILES\n" + table(files());
    out += ".SH EXIT STATUS\n" + table(exit_codes());
    out += ".SH SEE ALSO\n\\fBaws\\fR(1); the README, docs/list\\-json.md, docs/status\\-json.md, "
           "docs/config.example.toml and the IAM policies in docs/iam/ under /usr/share/doc/vaultdeck.\n";
    return out;
}

}  // namespace vd::cli
