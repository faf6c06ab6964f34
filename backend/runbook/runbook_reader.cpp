#include "backend/runbook/runbook_reader.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace vd::runbook {
namespace {

const std::set<std::string> kTopKeys{"name", "title", "description", "kind", "rto_target", "rpo_target", "steps"};
const std::set<std::string> kCommonStepKeys{"kind", "id", "title", "text", "skippable", "on_failure"};

// The 1-based place of a node in the file.
SourceLine where(const toml::node& n) {
    return {static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column)};
}

SourceLine where(const toml::key& k) {
    return {static_cast<int>(k.source().begin.line), static_cast<int>(k.source().begin.column)};
}

// Collects diagnostics while one runbook is read.
class Reader {
public:
    std::vector<Diagnostic> diagnostics;

    // Records an error at a place.
    void error(SourceLine at, std::string message) {
        diagnostics.push_back({Diagnostic::Severity::Error, at.line, at.column, std::move(message)});
    }

    // A string value, or an error when the node is something else.
    std::string text(const toml::node& n, std::string_view key) {
        if (auto s = n.value<std::string>()) return *s;
        error(where(n), fmt::format("'{}' must be a string", key));
        return {};
    }

    // A boolean value, or an error when the node is something else.
    bool flag(const toml::node& n, std::string_view key) {
        if (auto b = n.value<bool>()) return *b;
        error(where(n), fmt::format("'{}' must be true or false", key));
        return false;
    }

    // A duration ("2h" or seconds), or an error.
    std::optional<Seconds> duration(const toml::node& n, std::string_view key) {
        if (auto i = n.value<int64_t>()) {
            if (*i > 0) return Seconds(*i);
        } else if (auto s = n.value<std::string>()) {
            auto d = parse_duration(*s);
            if (d && d->count() > 0) return *d;
        }
        error(where(n), fmt::format("'{}' must be a positive duration such as \"90m\", \"2h\" or \"45s\"", key));
        return std::nullopt;
    }

    // An array of strings, or an error.
    std::vector<std::string> strings(const toml::node& n, std::string_view key) {
        std::vector<std::string> out;
        const auto* arr = n.as_array();
        if (arr == nullptr) {
            error(where(n), fmt::format("'{}' must be an array of strings", key));
            return out;
        }
        for (const auto& item : *arr) {
            if (auto s = item.value<std::string>())
                out.push_back(*s);
            else
                error(where(item), fmt::format("every entry of '{}' must be a string", key));
        }
        return out;
    }

    // The tables of an array of tables, or an error.
    std::vector<const toml::table*> tables(const toml::node& n, std::string_view key) {
        std::vector<const toml::table*> out;
        const auto* arr = n.as_array();
        if (arr == nullptr) {
            error(where(n), fmt::format("'{}' must be an array of tables ([[steps.{}]])", key, key));
            return out;
        }
        for (const auto& item : *arr) {
            if (const auto* t = item.as_table())
                out.push_back(t);
            else
                error(where(item), fmt::format("every entry of '{}' must be a table", key));
        }
        return out;
    }

    // Reads the checklist items: strings, or tables with a text.
    void read_items(const toml::node& n, Step& step) {
        const auto* arr = n.as_array();
        if (arr == nullptr) {
            error(where(n), "'items' must be an array");
            return;
        }
        for (const auto& item : *arr) {
            if (auto s = item.value<std::string>()) {
                step.items.push_back({*s, where(item)});
            } else if (const auto* t = item.as_table()) {
                ChecklistItem ci{{}, where(item)};
                for (const auto& [k, v] : *t) {
                    if (k.str() == "text")
                        ci.text = text(v, "text");
                    else
                        error(where(k), fmt::format("unknown key '{}' in a checklist item (expected text)", k.str()));
                }
                step.items.push_back(std::move(ci));
            } else {
                error(where(item), "every checklist item must be a string or a table with a text");
            }
        }
    }

    // Reads the fields of a form step.
    void read_fields(const toml::node& n, Step& step) {
        for (const auto* t : tables(n, "fields")) {
            FormField f;
            f.where = where(*t);
            for (const auto& [k, v] : *t) {
                std::string_view key = k.str();
                if (key == "name") f.name = text(v, key);
                else if (key == "label") f.label = text(v, key);
                else if (key == "default") f.default_value = text(v, key);
                else if (key == "help") f.help = text(v, key);
                else if (key == "required") f.required = flag(v, key);
                else error(where(k), fmt::format("unknown key '{}' in a form field (expected name, label, default, help, required)", key));
            }
            step.fields.push_back(std::move(f));
        }
    }

    // Reads the queries of a sql-check step.
    void read_sql_checks(const toml::node& n, Step& step) {
        for (const auto* t : tables(n, "checks")) {
            SqlCheckSpec c;
            c.where = where(*t);
            for (const auto& [k, v] : *t) {
                std::string_view key = k.str();
                if (key == "name") c.name = text(v, key);
                else if (key == "query") c.query = text(v, key);
                else if (key == "expect") c.expect = text(v, key);
                else error(where(k), fmt::format("unknown key '{}' in a SQL check (expected name, query, expect)", key));
            }
            step.sql_checks.push_back(std::move(c));
        }
    }

    // Reads the metadata table of a restore step.
    void read_method(const toml::node& n, Step& step) {
        const std::string name = text(n, "method");
        step.method = parse_restore_method(name);
        if (!step.method && !name.empty())
            error(where(n), fmt::format("unknown restore method '{}' (expected aws-backup, pitr or snapshot)", name));
    }

    void read_metadata(const toml::node& n, Step& step) {
        const auto* t = n.as_table();
        if (t == nullptr) {
            error(where(n), "'metadata' must be a table of strings");
            return;
        }
        for (const auto& [k, v] : *t) step.metadata[std::string(k.str())] = text(v, k.str());
    }

    // Reads one key of a step whose kind is known.
    void read_step_key(std::string_view key, const toml::node& v, Step& step) {
        if (key == "id") step.id = text(v, key);
        else if (key == "title") step.title = text(v, key);
        else if (key == "text") step.text = text(v, key);
        else if (key == "skippable") step.skippable = flag(v, key);
        else if (key == "on_failure") {
            std::string s = text(v, key);
            if (s == "stop") step.on_failure = OnFailure::Stop;
            else if (s == "continue") step.on_failure = OnFailure::Continue;
            else error(where(v), "'on_failure' must be \"stop\" or \"continue\"");
        }
        else if (key == "items") read_items(v, step);
        else if (key == "from") step.from = text(v, key);
        else if (key == "resource_type") step.resource_type = text(v, key);
        else if (key == "resource") step.resource = text(v, key);
        else if (key == "vault") step.vault = text(v, key);
        else if (key == "snapshot_type") step.snapshot_type = text(v, key);
        else if (key == "default") step.default_time = text(v, key);
        else if (key == "fields") read_fields(v, step);
        else if (key == "checks" && step.kind == StepKind::Preflight) step.checks = strings(v, key);
        else if (key == "checks") read_sql_checks(v, step);
        else if (key == "expect") step.expect = text(v, key);
        else if (key == "method") read_method(v, step);
        else if (key == "metadata") read_metadata(v, step);
        else if (key == "timeout") step.timeout = duration(v, key).value_or(step.timeout);
        else if (key == "interval") step.interval = duration(v, key).value_or(step.interval);
        else if (key == "database") step.database = text(v, key);
        else if (key == "user") step.user = text(v, key);
        else if (key == "sslmode") step.sslmode = text(v, key);
        else if (key == "argv") step.argv = strings(v, key);
        else if (key == "command") step.command = text(v, key);
        else if (key == "shell") step.shell = flag(v, key);
    }

    // Reads one [[steps]] table.
    std::optional<Step> read_step(const toml::table& t, size_t index) {
        Step step;
        step.where = where(t);
        const toml::node* kind_node = t.get("kind");
        if (kind_node == nullptr) {
            error(step.where, fmt::format("step {} has no kind", index + 1));
            return std::nullopt;
        }
        std::string kind_text = text(*kind_node, "kind");
        auto kind = parse_step_kind(kind_text);
        if (!kind) {
            std::string known;
            for (const auto& info : step_kinds()) known += std::string(known.empty() ? "" : ", ") + info.name;
            error(where(*kind_node), fmt::format("unknown step kind '{}' (expected {})", kind_text, known));
            return std::nullopt;
        }
        step.kind = *kind;
        if (step.kind == StepKind::Command) step.timeout = Seconds(300);
        const auto& allowed = step_kind_info(step.kind).keys;
        for (const auto& [k, v] : t) {
            std::string key(k.str());
            step.lines[key] = where(k);
            if (!kCommonStepKeys.count(key) && std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                error(where(k), fmt::format("unknown key '{}' in a {} step", key, kind_text));
                continue;
            }
            read_step_key(key, v, step);
        }
        if (step.id.empty()) step.id = fmt::format("{}-{}", kind_text, index + 1);
        return step;
    }

    // Reads the whole document.
    Runbook read(const toml::table& doc) {
        Runbook rb;
        for (const auto& [k, v] : doc) {
            std::string_view key = k.str();
            if (!kTopKeys.count(std::string(key))) {
                error(where(k), fmt::format("unknown key '{}' (expected name, title, description, kind, rto_target, rpo_target, steps)", key));
                continue;
            }
            if (key == "name") {
                rb.name = text(v, key);
                rb.where_name = where(k);
            } else if (key == "title") {
                rb.title = text(v, key);
            } else if (key == "description") {
                rb.description = text(v, key);
            } else if (key == "kind") {
                rb.where_kind = where(k);
                std::string s = text(v, key);
                if (auto kind = parse_runbook_kind(s))
                    rb.kind = *kind;
                else
                    error(where(v), fmt::format("unknown runbook kind '{}' (expected restore, drill or checklist)", s));
            } else if (key == "rto_target") {
                rb.rto_target = duration(v, key);
            } else if (key == "rpo_target") {
                rb.rpo_target = duration(v, key);
            } else if (key == "steps") {
                auto steps = tables(v, "steps");
                rb.step_tables = steps.size();
                for (size_t i = 0; i < steps.size(); ++i)
                    if (auto s = read_step(*steps[i], i)) rb.steps.push_back(std::move(*s));
            }
        }
        return rb;
    }
};

}  // namespace

// Reads a runbook from TOML text, with every structural problem reported.
ReadOutcome read_runbook(std::string_view text, const std::string& origin) {
    ReadOutcome out;
    toml::table doc;
    try {
        doc = toml::parse(text, origin);
    } catch (const toml::parse_error& e) {
        out.diagnostics.push_back({Diagnostic::Severity::Error, static_cast<int>(e.source().begin.line),
                                   static_cast<int>(e.source().begin.column), std::string(e.description())});
        return out;
    }
    Reader reader;
    Runbook rb = reader.read(doc);
    rb.origin = origin;
    rb.source = std::string(text);
    out.runbook = std::move(rb);
    out.diagnostics = std::move(reader.diagnostics);
    return out;
}

// Parses "2h", "90m", "1h30m", "45s", "1d" or plain seconds.
Result<Seconds> parse_duration(std::string_view text) {
    if (text.empty()) return make_error(ErrorKind::InvalidInput, "empty duration");
    int64_t total = 0;
    size_t i = 0;
    bool any = false;
    while (i < text.size()) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return make_error(ErrorKind::InvalidInput, fmt::format("bad duration '{}'", text));
        int64_t n = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
            n = n * 10 + (text[i] - '0');
            if (n > 100000000) return make_error(ErrorKind::InvalidInput, fmt::format("duration '{}' is too long", text));
            ++i;
        }
        int64_t unit = 1;
        if (i < text.size()) {
            switch (text[i]) {
                case 'd': unit = 86400; break;
                case 'h': unit = 3600; break;
                case 'm': unit = 60; break;
                case 's': unit = 1; break;
                default: return make_error(ErrorKind::InvalidInput, fmt::format("bad duration '{}'", text));
            }
            ++i;
        } else if (any) {
            return make_error(ErrorKind::InvalidInput, fmt::format("bad duration '{}' (a unit is missing)", text));
        }
        total += n * unit;
        any = true;
    }
    return Seconds(total);
}

// The short form of a duration: "2h", "1h30m", "45s".
std::string format_duration(Seconds d) {
    int64_t s = d.count();
    if (s == 0) return "0s";
    std::string out;
    if (s < 0) {
        out = "-";
        s = -s;
    }
    if (s >= 86400) {
        out += fmt::format("{}d", s / 86400);
        s %= 86400;
    }
    if (s >= 3600) {
        out += fmt::format("{}h", s / 3600);
        s %= 3600;
    }
    if (s >= 60) {
        out += fmt::format("{}m", s / 60);
        s %= 60;
    }
    if (s > 0) out += fmt::format("{}s", s);
    return out;
}

}  // namespace vd::runbook
