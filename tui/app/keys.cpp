// The console's key tables and overrides.
#include "tui/app/keys.hpp"

#include <algorithm>
#include <set>

#include "backend/core/text.hpp"
#include "tui/app/console_commands.hpp"
#include "tui/screens/screen.hpp"

namespace vd::tui {

using widgets::KeyBinding;

const std::vector<KeyBinding>& global_bindings() {
    static const std::vector<KeyBinding> kKeys = [] {
        std::vector<KeyBinding> out;
        for (const auto& c : console_commands()) {
            if (c.key.empty()) continue;
            out.push_back({std::string(c.key), std::string(c.name), std::string(c.description), c.footer, c.mutating});
        }
        const auto screens = make_screens();
        for (std::size_t i = 0; i < screens.size() && i < 9; ++i) {
            const std::string n = std::to_string(i + 1);
            out.push_back({n, "screen-" + n, std::string(screens[i]->title()), false, false});
        }
        return out;
    }();
    return kKeys;
}

const std::vector<KeyBinding>& navigation_bindings() {
    static const std::vector<KeyBinding> kKeys = {
        {"j", "down", "Down", false, false},
        {"down", "down", "Down", false, false},
        {"k", "up", "Up", false, false},
        {"up", "up", "Up", false, false},
        {"pgdn", "page-down", "Page down", false, false},
        {"ctrl+d", "page-down", "Page down", false, false},
        {"pgup", "page-up", "Page up", false, false},
        {"ctrl+u", "page-up", "Page up", false, false},
        {"g", "top", "First row", false, false},
        {"home", "top", "First row", false, false},
        {"G", "bottom", "Last row", false, false},
        {"end", "bottom", "Last row", false, false},
        {"s", "sort-next", "Sort by the next column", false, false},
        {"S", "sort-reverse", "Reverse the sort", false, false},
    };
    return kKeys;
}

std::vector<KeyBinding> apply_overrides(std::vector<KeyBinding> bindings,
                                        const std::map<std::string, std::string>& overrides) {
    for (const auto& [command, key] : overrides) {
        auto it = std::find_if(bindings.begin(), bindings.end(),
                               [&](const KeyBinding& b) { return b.command == command; });
        if (it == bindings.end() || !widgets::parse_key(key)) {
            continue;
        }
        it->key = key;
        const KeyBinding moved = *it;
        bindings.erase(std::remove_if(bindings.begin(), bindings.end(),
                                      [&](const KeyBinding& b) { return b.key == key; }),
                       bindings.end());
        bindings.insert(bindings.begin(), moved);
    }
    return bindings;
}

namespace {

// Every command a key can be bound to, sorted, each once.
std::set<std::string> bindable_commands() {
    std::set<std::string> out;
    for (const auto* table : {&global_bindings(), &navigation_bindings()})
        for (const auto& b : *table) out.insert(b.command);
    for (const auto& screen : make_screens())
        for (auto& c : screen->commands()) out.insert(std::move(c));
    return out;
}

}  // namespace

std::string override_problem(const std::string& command, const std::string& key) {
    if (!widgets::parse_key(key)) {
        return "'" + key + "' is not a key (write it as \"r\", \"ctrl+r\", \"shift+tab\", \"f5\" or \"pgdn\")";
    }
    const auto commands = bindable_commands();
    if (commands.count(command)) return "";
    for (const auto& c : commands)
        if (edit_distance(command, c) <= 2) return "'" + command + "' is not a command (did you mean '" + c + "'?)";
    std::string all;
    for (const auto& c : commands) all += (all.empty() ? "" : ", ") + c;
    return "'" + command + "' is not a command (one of: " + all + ")";
}

namespace {

// The short word the footer shows for a command.
std::string footer_label(const std::string& command) {
    if (command == "command-line") return "command";
    if (command == "copy-arn") return "copy ARN";
    if (command == "sort-next") return "sort";
    if (command.rfind("wizard-", 0) == 0) return command.substr(7);
    return command;
}

}  // namespace

std::vector<FooterItem> footer_items(const std::vector<KeyBinding>& bindings) {
    std::vector<FooterItem> out;
    for (const auto& b : bindings) {
        if (!b.visible) {
            continue;
        }
        const bool seen = std::any_of(out.begin(), out.end(), [&](const FooterItem& f) {
            return f.label == footer_label(b.command);
        });
        if (!seen) {
            out.push_back({b.key, footer_label(b.command)});
        }
    }
    return out;
}

}  // namespace vd::tui
