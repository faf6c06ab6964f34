#include "services/support/model_check.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <stdexcept>

#include "services/support/fake_aws_client.hpp"

namespace vd::test {
namespace {

const nlohmann::json kNull;

nlohmann::json read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return nlohmann::json::parse(in);
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

// True when the segment holds only unreserved characters and %XX escapes.
bool properly_encoded(const std::string& segment) {
    static const std::regex pattern("^([A-Za-z0-9._~-]|%[0-9A-F]{2})*$");
    return std::regex_match(segment, pattern);
}

bool is_integer_text(const std::string& s) {
    static const std::regex pattern("^-?[0-9]+$");
    return std::regex_match(s, pattern);
}

const char* protocol_name(aws::Protocol p) {
    switch (p) {
        case aws::Protocol::RestJson: return "rest-json";
        case aws::Protocol::Query: return "query";
        case aws::Protocol::RestXml: return "rest-xml";
    }
    return "?";
}

// The name a member goes by on the wire.
std::string wire_name(const std::string& member, const nlohmann::json& spec) {
    return spec.value("locationName", member);
}

}  // namespace

ServiceModel ServiceModel::load(const std::string& service) {
    std::filesystem::path base = std::filesystem::path(VAULTDECK_TEST_DATA_DIR) / "aws-models" / service;
    for (const auto& entry : std::filesystem::directory_iterator(base)) {
        if (!entry.is_directory()) continue;
        ServiceModel m;
        m.model_ = read_json(entry.path() / "service-2.json");
        m.paginators_ = read_json(entry.path() / "paginators-1.json");
        return m;
    }
    throw std::runtime_error("no model under " + base.string());
}

std::set<std::string> ServiceModel::operations() const {
    std::set<std::string> out;
    for (const auto& [name, _] : model_["operations"].items()) out.insert(name);
    return out;
}

std::string ServiceModel::api_version() const { return model_["metadata"]["apiVersion"]; }

const nlohmann::json& ServiceModel::paginator(const std::string& operation) const {
    const auto& p = paginators_["pagination"];
    auto it = p.find(operation);
    return it == p.end() ? kNull : *it;
}

const nlohmann::json& ServiceModel::shape(const std::string& name) const { return model_["shapes"].at(name); }

std::string ServiceModel::input_wire_name(const std::string& operation, const std::string& member) const {
    const auto& op = model_["operations"].at(operation);
    if (!op.contains("input")) return {};
    const auto& members = shape(op["input"]["shape"])["members"];
    auto it = members.find(member);
    return it == members.end() ? std::string() : wire_name(member, *it);
}

std::vector<std::string> ServiceModel::check(const aws::ServiceRequest& r) const {
    std::vector<std::string> problems;
    const auto& ops = model_["operations"];
    if (!ops.contains(r.operation)) return {"unknown operation " + r.operation};
    const auto& meta = model_["metadata"];
    std::string protocol = meta["protocol"];
    if (protocol != protocol_name(r.protocol))
        problems.push_back("protocol is " + std::string(protocol_name(r.protocol)) + ", the model says " + protocol);
    std::string signing = meta.value("signingName", meta.value("endpointPrefix", ""));
    if (r.service != signing) problems.push_back("service is '" + r.service + "', the model says '" + signing + "'");
    if (protocol == "query") check_query(ops[r.operation], r, problems);
    else check_rest(ops[r.operation], r, problems);
    return problems;
}

void ServiceModel::check_rest(const nlohmann::json& op, const aws::ServiceRequest& r,
                              std::vector<std::string>& problems) const {
    const std::string& name = r.operation;
    if (r.method != op["http"]["method"])
        problems.push_back(name + ": method " + r.method + ", the model says " + op["http"]["method"].get<std::string>());
    nlohmann::json input = op.contains("input") ? shape(op["input"]["shape"]) : nlohmann::json{{"members", nlohmann::json::object()}};
    const auto& members = input["members"];

    std::string uri = op["http"]["requestUri"];
    std::string uri_path = uri.substr(0, uri.find('?'));
    std::map<std::string, std::string> literal_query;
    if (auto q = uri.find('?'); q != std::string::npos)
        for (const auto& part : split(uri.substr(q + 1), '&')) literal_query[part.substr(0, part.find('='))] = "";

    // The path, segment by segment.
    auto want = split(uri_path, '/');
    auto got = split(r.path, '/');
    std::set<std::string> labels_seen;
    size_t gi = 0;
    for (size_t wi = 0; wi < want.size(); ++wi, ++gi) {
        const std::string& w = want[wi];
        if (gi >= got.size()) {
            problems.push_back(name + ": path " + r.path + " is shorter than " + uri_path);
            break;
        }
        if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
            bool greedy = w[w.size() - 2] == '+';
            std::string label = w.substr(1, w.size() - (greedy ? 3 : 2));
            labels_seen.insert(label);
            bool found = false;
            for (const auto& [m, spec] : members.items())
                if (spec.value("location", "") == "uri" && spec.value("locationName", "") == label) found = true;
            if (!found) problems.push_back(name + ": the model has no uri member for {" + label + "}");
            if (got[gi].empty()) problems.push_back(name + ": empty value for {" + label + "}");
            if (!greedy && !properly_encoded(got[gi]))
                problems.push_back(name + ": {" + label + "} is not percent-encoded: " + got[gi]);
            if (greedy) gi = got.size() - (want.size() - wi);
        } else if (w != got[gi]) {
            problems.push_back(name + ": path " + r.path + " does not match " + uri_path);
            break;
        }
    }
    if (gi != got.size()) problems.push_back(name + ": path " + r.path + " does not match " + uri_path);

    // The query string.
    std::set<std::string> sent;
    for (const auto& [qname, value] : r.query) {
        if (!sent.insert(qname).second) problems.push_back(name + ": query parameter " + qname + " sent twice");
        if (literal_query.count(qname)) continue;
        const nlohmann::json* spec = nullptr;
        for (const auto& [m, s] : members.items())
            if (s.value("location", "") == "querystring" && s.value("locationName", "") == qname) spec = &s;
        if (spec == nullptr) {
            problems.push_back(name + ": query parameter " + qname + " is not in the input shape");
            continue;
        }
        check_text((*spec)["shape"], value, name + " ?" + qname, problems);
    }
    for (const auto& [lit, _] : literal_query)
        if (!sent.count(lit)) problems.push_back(name + ": the URI's ?" + lit + " is missing");

    // The body and the required members.
    nlohmann::json body = nlohmann::json::object();
    bool has_body_members = false;
    for (const auto& [m, spec] : members.items())
        if (!spec.contains("location")) has_body_members = true;
    if (!r.body.empty()) {
        if (!has_body_members) problems.push_back(name + ": sends a body but the input has no body members");
        if (r.protocol != aws::Protocol::RestJson) {
            problems.push_back(name + ": unexpected body");
        } else {
            body = nlohmann::json::parse(r.body, nullptr, false);
            if (!body.is_object()) {
                problems.push_back(name + ": the body is not a JSON object");
                body = nlohmann::json::object();
            }
            for (const auto& [key, value] : body.items()) {
                auto it = members.find(key);
                if (it == members.end() || it->contains("location"))
                    problems.push_back(name + ": body member " + key + " is not in the input shape");
                else
                    check_json((*it)["shape"], value, name + " body." + key, problems);
            }
        }
    }
    for (const auto& req : input.value("required", nlohmann::json::array())) {
        const auto& spec = members[req.get<std::string>()];
        std::string loc = spec.value("location", "");
        std::string wire = wire_name(req, spec);
        bool present = loc == "uri"          ? labels_seen.count(wire) > 0
                       : loc == "querystring" ? sent.count(wire) > 0
                       : loc == "header"      ? aws::find_header(r.headers, wire).has_value()
                                              : body.contains(req.get<std::string>());
        if (!present) problems.push_back(name + ": required member " + req.get<std::string>() + " is missing");
    }
}

void ServiceModel::check_json(const std::string& shape_name, const nlohmann::json& v, const std::string& where,
                              std::vector<std::string>& problems) const {
    const auto& s = shape(shape_name);
    std::string type = s["type"];
    bool ok = true;
    if (type == "structure") {
        ok = v.is_object();
        if (ok) {
            for (const auto& [key, value] : v.items()) {
                auto it = s["members"].find(key);
                if (it == s["members"].end()) problems.push_back(where + "." + key + " is not in shape " + shape_name);
                else check_json((*it)["shape"], value, where + "." + key, problems);
            }
            for (const auto& req : s.value("required", nlohmann::json::array()))
                if (!v.contains(req.get<std::string>())) problems.push_back(where + ": required " + req.get<std::string>() + " missing");
        }
    } else if (type == "list") {
        ok = v.is_array();
        if (ok)
            for (size_t i = 0; i < v.size(); ++i) check_json(s["member"]["shape"], v[i], where + "[" + std::to_string(i) + "]", problems);
    } else if (type == "map") {
        ok = v.is_object();
        if (ok)
            for (const auto& [key, value] : v.items()) check_json(s["value"]["shape"], value, where + "{" + key + "}", problems);
    } else if (type == "string" || type == "blob") {
        ok = v.is_string();
    } else if (type == "boolean") {
        ok = v.is_boolean();
    } else if (type == "integer" || type == "long") {
        ok = v.is_number_integer();
        if (ok && s.contains("min") && v.get<int64_t>() < s["min"].get<int64_t>()) ok = false;
        if (ok && s.contains("max") && v.get<int64_t>() > s["max"].get<int64_t>()) ok = false;
    } else if (type == "timestamp" || type == "double" || type == "float") {
        ok = v.is_number();
    }
    if (!ok) problems.push_back(where + ": " + v.dump() + " is not a valid " + type + " (" + shape_name + ")");
}

void ServiceModel::check_text(const std::string& shape_name, const std::string& value, const std::string& where,
                              std::vector<std::string>& problems) const {
    const auto& s = shape(shape_name);
    std::string type = s["type"];
    bool ok = true;
    if (type == "timestamp") {
        static const std::regex iso("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$");
        ok = std::regex_match(value, iso);
    } else if (type == "boolean") {
        ok = value == "true" || value == "false";
    } else if (type == "integer" || type == "long") {
        ok = is_integer_text(value);
        if (ok && s.contains("min") && std::stoll(value) < s["min"].get<int64_t>()) ok = false;
        if (ok && s.contains("max") && std::stoll(value) > s["max"].get<int64_t>()) ok = false;
    } else if (type != "string") {
        ok = false;
    }
    if (!ok) problems.push_back(where + ": '" + value + "' is not a valid " + type + " (" + shape_name + ")");
}

void ServiceModel::check_query(const nlohmann::json& op, const aws::ServiceRequest& r,
                               std::vector<std::string>& problems) const {
    const std::string& name = r.operation;
    if (r.method != "POST") problems.push_back(name + ": the query protocol POSTs, not " + r.method);
    if (r.path != "/") problems.push_back(name + ": the query protocol posts to /, not " + r.path);
    if (!r.query.empty()) problems.push_back(name + ": parameters belong in the form body, not the query string");
    auto params = FakeAwsClient::form_params(r.body);
    std::map<std::string, std::string> values;
    for (const auto& [k, v] : params)
        if (!values.emplace(k, v).second) problems.push_back(name + ": parameter " + k + " sent twice");
    if (values["Action"] != name) problems.push_back(name + ": Action is '" + values["Action"] + "'");
    if (values["Version"] != api_version()) problems.push_back(name + ": Version is '" + values["Version"] + "'");

    std::string input_shape = op.contains("input") ? op["input"]["shape"].get<std::string>() : std::string();
    std::map<std::string, std::set<int>> list_indices;  // list prefix -> indices seen
    std::set<std::string> top_level;
    for (const auto& [key, value] : params) {
        if (key == "Action" || key == "Version") continue;
        if (input_shape.empty()) {
            problems.push_back(name + ": parameter " + key + " but the operation takes no input");
            continue;
        }
        auto tokens = split(key, '.');
        std::string current = input_shape;
        std::string prefix;
        bool failed = false;
        for (size_t i = 0; i < tokens.size() && !failed; ++i) {
            const auto& s = shape(current);
            std::string type = s["type"];
            if (type == "structure") {
                bool found = false;
                for (const auto& [m, spec] : s["members"].items()) {
                    if (wire_name(m, spec) == tokens[i]) {
                        current = spec["shape"];
                        found = true;
                        if (i == 0) top_level.insert(m);
                    }
                }
                if (!found) {
                    problems.push_back(name + ": parameter " + key + ": '" + tokens[i] + "' is not a member of " + current);
                    failed = true;
                }
                prefix += (prefix.empty() ? "" : ".") + tokens[i];
            } else if (type == "list") {
                bool flattened = s.value("flattened", false);
                if (!flattened) {
                    std::string member = s["member"].value("locationName", "member");
                    if (tokens[i] != member) {
                        problems.push_back(name + ": parameter " + key + ": list items of " + prefix + " are '" + member +
                                           ".N', not '" + tokens[i] + "'");
                        failed = true;
                        break;
                    }
                    prefix += "." + tokens[i];
                    ++i;
                }
                if (i >= tokens.size() || !is_integer_text(tokens[i]) || std::stoi(tokens[i]) < 1) {
                    problems.push_back(name + ": parameter " + key + ": list index missing or not 1-based");
                    failed = true;
                    break;
                }
                list_indices[prefix].insert(std::stoi(tokens[i]));
                prefix += "." + tokens[i];
                current = s["member"]["shape"];
            } else {
                problems.push_back(name + ": parameter " + key + ": " + current + " is a " + type + ", nothing nests in it");
                failed = true;
            }
        }
        if (!failed) {
            std::string type = shape(current)["type"];
            if (type == "structure" || type == "list" || type == "map")
                problems.push_back(name + ": parameter " + key + " stops at a " + type);
            else
                check_text(current, value, name + " " + key, problems);
        }
    }
    for (const auto& [prefix, indices] : list_indices) {
        int expect = 1;
        for (int i : indices)
            if (i != expect++) problems.push_back(name + ": list " + prefix + " is not numbered 1..N");
    }
    if (!input_shape.empty())
        for (const auto& req : shape(input_shape).value("required", nlohmann::json::array()))
            if (!top_level.count(req.get<std::string>()))
                problems.push_back(name + ": required member " + req.get<std::string>() + " is missing");
}

}  // namespace vd::test
