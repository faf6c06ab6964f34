#include "backend/sim/query_input.hpp"

#include <charconv>

namespace vd::sim {

QueryInput::QueryInput(const WireRequest& request) {
    params_ = parse_form(request.query);
    auto type = aws::find_header(request.headers, "content-type").value_or("");
    if (request.method == "POST" && (type.empty() || type.find("x-www-form-urlencoded") != std::string::npos)) {
        for (auto& p : parse_form(request.body)) params_.push_back(std::move(p));
    }
    action_ = get("Action");
}

std::string QueryInput::get(const std::string& name) const { return param(params_, name).value_or(""); }

bool QueryInput::has(const std::string& name) const { return param(params_, name).has_value(); }

Result<std::optional<bool>> QueryInput::boolean(const std::string& name) const {
    auto v = param(params_, name);
    if (!v) return std::optional<bool>{};
    if (*v == "true" || *v == "True" || *v == "TRUE") return std::optional<bool>(true);
    if (*v == "false" || *v == "False" || *v == "FALSE") return std::optional<bool>(false);
    Error e = make_error(ErrorKind::Aws, "Invalid boolean value '" + *v + "' for " + name, "InvalidParameterValue");
    e.http_status = 400;
    return e;
}

Result<std::optional<int64_t>> QueryInput::integer(const std::string& name) const {
    auto v = param(params_, name);
    if (!v) return std::optional<int64_t>{};
    int64_t out = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc{} || ptr != v->data() + v->size()) {
        Error e = make_error(ErrorKind::Aws, "Invalid integer value '" + *v + "' for " + name, "InvalidParameterValue");
        e.http_status = 400;
        return e;
    }
    return std::optional<int64_t>(out);
}

std::vector<std::string> QueryInput::list(const std::string& name, const std::string& member_name) const {
    std::vector<std::string> out;
    for (const std::string& middle : {member_name, std::string("member")}) {
        for (int i = 1;; ++i) {
            auto v = param(params_, name + "." + middle + "." + std::to_string(i));
            if (!v) break;
            out.push_back(*v);
        }
        if (!out.empty()) break;
    }
    return out;
}

std::vector<QueryFilter> QueryInput::filters() const {
    std::vector<QueryFilter> out;
    for (int i = 1;; ++i) {
        std::string prefix = "Filters.Filter." + std::to_string(i);
        auto name = param(params_, prefix + ".Name");
        if (!name) break;
        out.push_back({*name, list(prefix + ".Values", "Value")});
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> QueryInput::tags() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 1;; ++i) {
        std::string prefix = "Tags.Tag." + std::to_string(i);
        auto key = param(params_, prefix + ".Key");
        if (!key) break;
        out.emplace_back(*key, get(prefix + ".Value"));
    }
    return out;
}

}  // namespace vd::sim
