// Shell completion scripts for bash, zsh and fish, made from the CLI11 tree
// (tui/cli_spec): each command's subcommands and options, and the values
// an option or argument takes (list kinds, screens, runbooks, formats).
#include <algorithm>

#include <fmt/format.h>

#include "tui/cli/cli_spec.hpp"
#include "tui/cli/man_page.hpp"

namespace vd::cli {
namespace {

// One command of the tree: its path ("" for vaultdeck, "drill run"), the
// words that may follow it, and the option names that take a value.
struct Node {
    std::string path;
    const CLI::App* app = nullptr;
    std::vector<std::string> subcommands;
    std::vector<std::string> options;
};

// The values an option (or, with "", the positional argument) completes to.
struct Values {
    std::string path;
    std::string option;
    std::vector<std::string> words;
};

std::vector<std::string> join_kinds() {
    std::vector<std::string> out;
    for (const auto& k : list_kinds()) out.emplace_back(k.name);
    return out;
}

// Completion values, one row per option that takes a known set.
std::vector<Values> value_rows() {
    return {
        {"list", "", join_kinds()},
        {"list", "--output", {"table", "json", "csv"}},
        {"status", "--output", {"text", "json"}},
        {"render", "--screen", screen_ids()},
        {"drill run", "--runbook", builtin_runbook_names()},
        {"runbook show", "", builtin_runbook_names()},
        {"sim serve", "--scenario", {"demo", "empty", "small", "large", "hostile"}},
        {"", "--completion", {"bash", "zsh", "fish"}},
        {"", "--region", {"all", "us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1",
                          "ap-southeast-1", "ap-northeast-1"}},
    };
}

void collect(const CLI::App& app, const std::string& path, const std::vector<std::string>& global, std::vector<Node>& out) {
    Node n{path, &app, {}, path.empty() ? option_names(app) : global};
    if (!path.empty())
        for (const auto& o : option_names(app))
            if (std::find(n.options.begin(), n.options.end(), o) == n.options.end()) n.options.push_back(o);
    for (const auto* sub : visible_subcommands(app)) n.subcommands.push_back(sub->get_name());
    out.push_back(n);
    for (const auto* sub : visible_subcommands(app))
        collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), global, out);
}

std::vector<Node> tree(const CLI::App& app) {
    std::vector<Node> nodes;
    collect(app, "", option_names(app), nodes);
    return nodes;
}

std::string words(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& w : list) out += (out.empty() ? "" : " ") + w;
    return out;
}

// The body bash and zsh share: walk the typed words to the command path,
// then choose candidates from the previous word and the path.
std::string shared_body(const std::vector<Node>& nodes) {
    std::string steps, by_prev, by_path;
    for (const auto& n : nodes)
        for (const auto& s : n.subcommands)
            steps += fmt::format("      \"{}:{}\") path_=\"{}\" ;;\n", n.path, s, n.path.empty() ? s : n.path + " " + s);
    for (const auto& v : value_rows()) {
        if (v.option.empty()) continue;
        const std::string pattern = v.path.empty() ? "*\"|" + v.option + "\"" : "\"" + v.path + "|" + v.option + "\"";
        by_prev += fmt::format("    {}) cands=\"{}\" ;;\n", pattern, words(v.words));
    }
    for (const auto& n : nodes) {
        std::vector<std::string> all = n.subcommands;
        for (const auto& v : value_rows())
            if (v.option.empty() && v.path == n.path) all.insert(all.end(), v.words.begin(), v.words.end());
        all.insert(all.end(), n.options.begin(), n.options.end());
        by_path += fmt::format("      \"{}\") cands=\"{}\" ;;\n", n.path, words(all));
    }
    return "  local path_=\"\" w i cands=\"\"\n"
           "  for ((i = first; i < current; i++)); do\n"
           "    w=\"${cmdline[i]}\"\n"
           "    case \"$path_:$w\" in\n" + steps +
           "    esac\n"
           "  done\n"
           "  case \"$path_|$prev\" in\n" + by_prev +
           "    *)\n"
           "      case \"$path_\" in\n" + by_path +
           "      esac ;;\n"
           "  esac\n";
}

std::string bash_script(const std::vector<Node>& nodes) {
    return "# bash completion for vaultdeck (made by `vaultdeck --completion bash`)\n"
           "_vaultdeck() {\n"
           "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
           "  local -a cmdline=(\"${COMP_WORDS[@]}\")\n"
           "  local first=1 current=$COMP_CWORD\n" +
           shared_body(nodes) +
           "  COMPREPLY=($(compgen -W \"$cands\" -- \"$cur\"))\n"
           "}\n"
           "complete -F _vaultdeck vaultdeck\n";
}

std::string zsh_script(const std::vector<Node>& nodes) {
    return "#compdef vaultdeck\n"
           "# zsh completion for vaultdeck (made by `vaultdeck --completion zsh`)\n"
           "_vaultdeck() {\n"
           "  local prev=\"${words[CURRENT-1]}\"\n"
           "  local -a cmdline=(\"${words[@]}\")\n"
           "  local first=2 current=$CURRENT\n" +
           shared_body(nodes) +
           "  compadd -- ${=cands}\n"
           "}\n"
           "if [ \"$funcstack[1]\" = \"_vaultdeck\" ]; then _vaultdeck \"$@\"; else compdef _vaultdeck vaultdeck; fi\n";
}

// Text inside fish single quotes: quotes and backslashes escaped.
std::string fish_quoted(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// fish: one `complete` line per subcommand, option and value set.
std::string fish_script(const std::vector<Node>& nodes) {
    std::string out = "# fish completion for vaultdeck (made by `vaultdeck --completion fish`)\ncomplete -c vaultdeck -f\n";
    auto condition = [](const std::string& path) {
        if (path.empty()) return std::string("__fish_use_subcommand");
        std::string c;
        size_t start = 0;
        while (start <= path.size()) {
            size_t space = path.find(' ', start);
            std::string word = path.substr(start, space == std::string::npos ? std::string::npos : space - start);
            c += (c.empty() ? "" : "; and ") + std::string("__fish_seen_subcommand_from ") + word;
            if (space == std::string::npos) break;
            start = space + 1;
        }
        return c;
    };
    for (const auto& n : nodes) {
        // A command's subcommands, until one of them is typed.
        std::string offer = condition(n.path);
        if (!n.path.empty() && !n.subcommands.empty()) offer += "; and not __fish_seen_subcommand_from " + words(n.subcommands);
        for (const auto* sub : visible_subcommands(*n.app))
            out += fmt::format("complete -c vaultdeck -n '{}' -a {} -d '{}'\n", offer, sub->get_name(),
                               fish_quoted(sub->get_description().substr(0, 60)));
        for (const auto& o : option_names(*n.app)) {
            std::string values;
            for (const auto& v : value_rows())
                if (v.option == o && (v.path == n.path)) values = " -x -a '" + words(v.words) + "'";
            out += fmt::format("complete -c vaultdeck -n '{}' -l {}{}\n", n.path.empty() ? "true" : condition(n.path),
                               o.substr(2), values);
        }
        for (const auto& v : value_rows())
            if (v.option.empty() && v.path == n.path)
                out += fmt::format("complete -c vaultdeck -n '{}' -a '{}'\n", condition(n.path), words(v.words));
    }
    return out;
}

}  // namespace

std::string completion_script(const CLI::App& app, std::string_view shell) {
    const auto nodes = tree(app);
    if (shell == "bash") return bash_script(nodes);
    if (shell == "zsh") return zsh_script(nodes);
    if (shell == "fish") return fish_script(nodes);
    return {};
}

}  // namespace vd::cli
