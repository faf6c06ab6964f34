#include "backend/sim/faults.hpp"

#include <charconv>
#include <sstream>

namespace vd::sim {
namespace {

Error fault_error(const std::string& message) { return make_error(ErrorKind::InvalidInput, "--faults: " + message); }

// A probability 0..1.
Result<double> probability(const std::string& name, const std::string& text) {
    double v = -1;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || ptr != text.data() + text.size() || v < 0 || v > 1) {
        return fault_error(name + " must be a probability from 0 to 1, got '" + text + "'");
    }
    return v;
}

// A whole number with an optional unit suffix removed.
Result<long> number_with_unit(const std::string& name, std::string text, std::string_view unit) {
    if (text.size() > unit.size() && text.compare(text.size() - unit.size(), unit.size(), unit) == 0) {
        text.resize(text.size() - unit.size());
    }
    long v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || ptr != text.data() + text.size() || text.empty()) {
        return fault_error(name + " must be a whole number of " + std::string(unit) + ", got '" + text + "'");
    }
    return v;
}

}  // namespace

Result<FaultSpec> parse_faults(std::string_view spec) {
    FaultSpec f;
    std::stringstream in{std::string(spec)};
    std::string item;
    while (std::getline(in, item, ',')) {
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (item.empty()) continue;
        auto eq = item.find('=');
        if (eq == std::string::npos) return fault_error("expected name=value, got '" + item + "'");
        std::string name = item.substr(0, eq), value = item.substr(eq + 1);
        if (name == "throttle" || name == "error5xx" || name == "reset" || name == "truncate") {
            auto p = probability(name, value);
            if (!p) return p.error();
            (name == "throttle" ? f.throttle : name == "error5xx" ? f.error5xx : name == "reset" ? f.reset : f.truncate) = *p;
        } else if (name == "latency") {
            std::string low = value, high = value;
            if (auto dash = value.find('-'); dash != std::string::npos) {
                low = value.substr(0, dash);
                high = value.substr(dash + 1);
            }
            auto lo = number_with_unit(name, low, "ms");
            if (!lo) return lo.error();
            auto hi = number_with_unit(name, high, "ms");
            if (!hi) return hi.error();
            if (*lo < 0 || *hi < *lo || *hi > 60000) return fault_error("latency must be MIN-MAXms with 0 <= MIN <= MAX <= 60000");
            f.latency_min = std::chrono::milliseconds(*lo);
            f.latency_max = std::chrono::milliseconds(*hi);
        } else if (name == "skew") {
            auto s = number_with_unit(name, value, "s");
            if (!s) return s.error();
            f.skew = std::chrono::seconds(*s);
        } else {
            return fault_error("unknown fault '" + name + "' (known: throttle, error5xx, latency, reset, truncate, skew)");
        }
    }
    return f;
}

}  // namespace vd::sim
