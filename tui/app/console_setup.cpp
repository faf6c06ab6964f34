// Console options from the configuration.
#include "tui/app/console_setup.hpp"

#include "backend/health/report.hpp"
#include "backend/runbook/audit_log.hpp"
#include "tui/app/keys.hpp"

namespace vd::tui {

ConsoleOptions console_options(const config::Config& config, bool read_only) {
    ConsoleOptions o;
    o.read_only = read_only;
    o.key_overrides = config.keys;
    o.rto_target = std::chrono::duration_cast<std::chrono::seconds>(config.rto);
    o.evaluate = [config](const poll::Snapshot& snapshot, TimePoint now) {
        return health::evaluate(snapshot, config, now).findings;
    };
    o.load_audit = [] { return runbook::read_audit_log(runbook::default_audit_path(), 5000); };
    return o;
}

std::vector<config::ConfigIssue> key_issues(const config::Config& config) {
    std::vector<config::ConfigIssue> out;
    for (const auto& [command, key] : config.keys) {
        std::string problem = override_problem(command, key);
        if (problem.empty()) continue;
        auto line = config.key_lines.find(command);
        out.push_back({line == config.key_lines.end() ? 0 : line->second, "keys." + command, std::move(problem)});
    }
    return out;
}

std::string theme_name(const config::Config& config) {
    switch (config.theme) {
    case config::Theme::Dark: return "dark";
    case config::Theme::Light: return "light";
    case config::Theme::Ansi16: return "dark16";
    case config::Theme::Mono: return "mono";
    }
    return "dark";
}

std::string screen_names() {
    std::string out;
    for (const auto& s : make_screens()) out += (out.empty() ? "" : ", ") + std::string(s->id());
    return out;
}

}  // namespace vd::tui
