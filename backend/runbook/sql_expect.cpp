#include "backend/runbook/sql_expect.hpp"

#include <cerrno>
#include <cstdlib>

#include <fmt/format.h>

namespace vd::runbook {
namespace {

// The number a whole string spells, if it spells one.
std::optional<double> to_number(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty()) return std::nullopt;
    std::string copy(s);
    char* end = nullptr;
    errno = 0;
    double v = std::strtod(copy.c_str(), &end);
    if (errno != 0 || end == copy.c_str() || *end != '\0') return std::nullopt;
    return v;
}

// Compares two values with an operator.
template <class T>
bool compare(Expectation::Op op, const T& a, const T& b) {
    switch (op) {
        case Expectation::Op::Eq: return a == b;
        case Expectation::Op::Ne: return a != b;
        case Expectation::Op::Ge: return a >= b;
        case Expectation::Op::Le: return a <= b;
        case Expectation::Op::Gt: return a > b;
        case Expectation::Op::Lt: return a < b;
    }
    return false;
}

}  // namespace

// Parses ">= 10", "== source", "!= 'x'" into an Expectation.
Result<Expectation> parse_expectation(std::string_view text) {
    auto bad = [&](std::string why) {
        return make_error(ErrorKind::InvalidInput,
                          fmt::format("bad expectation '{}': {} (write e.g. \">= 1\", \"== 42\", \"== source\")", text, why),
                          "expect");
    };
    std::string_view s = text;
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    Expectation e;
    static constexpr std::pair<std::string_view, Expectation::Op> kOps[] = {
        {"==", Expectation::Op::Eq}, {"!=", Expectation::Op::Ne}, {">=", Expectation::Op::Ge},
        {"<=", Expectation::Op::Le}, {">", Expectation::Op::Gt},  {"<", Expectation::Op::Lt},
    };
    bool found = false;
    for (const auto& [spelling, op] : kOps) {
        if (s.substr(0, spelling.size()) == spelling) {
            e.op = op;
            s.remove_prefix(spelling.size());
            found = true;
            break;
        }
    }
    if (!found) return bad("it must start with ==, !=, >=, <=, > or <");
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty()) return bad("nothing to compare with");
    if (s == "source") {
        e.operand = Expectation::Operand::Source;
    } else if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) {
        if (e.op != Expectation::Op::Eq && e.op != Expectation::Op::Ne) return bad("text compares only with == or !=");
        e.operand = Expectation::Operand::Text;
        e.text = std::string(s.substr(1, s.size() - 2));
    } else if (auto n = to_number(s)) {
        e.operand = Expectation::Operand::Number;
        e.number = *n;
    } else {
        return bad("expected a number, source, or a quoted text");
    }
    return e;
}

// Whether the value meets the expectation (numbers compare as numbers).
bool expectation_met(const Expectation& e, const std::string& actual, const std::optional<std::string>& source) {
    switch (e.operand) {
        case Expectation::Operand::Number: {
            auto a = to_number(actual);
            return a && compare(e.op, *a, e.number);
        }
        case Expectation::Operand::Text: return compare(e.op, actual, e.text);
        case Expectation::Operand::Source: {
            if (!source) return false;
            auto a = to_number(actual);
            auto b = to_number(*source);
            if (a && b) return compare(e.op, *a, *b);
            return compare(e.op, actual, *source);
        }
    }
    return false;
}

std::string checks_summary(const std::vector<CheckResult>& results) {
    std::string failed_names;
    std::string first_error;
    int passed = 0;
    for (const auto& r : results) {
        if (r.passed) {
            ++passed;
            continue;
        }
        failed_names += (failed_names.empty() ? "" : ", ") + r.name;
        if (first_error.empty()) first_error = r.error;
    }
    std::string summary = fmt::format("{} of {} checks passed", passed, results.size());
    if (failed_names.empty()) return summary;
    return fmt::format("{}; failed: {}{}", summary, failed_names, first_error.empty() ? "" : " (could not run: " + first_error + ")");
}

}  // namespace vd::runbook
