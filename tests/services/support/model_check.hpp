// Checks a ServiceRequest against the AWS service model (service-2.json):
// method and URI pattern, every query/body name against the input shape
// with its location name and type, required members, and the query
// protocol's Param.Member.N list encoding.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backend/aws/client.hpp"

namespace vd::test {

class ServiceModel {
public:
    // Loads tests/data/aws-models/<service>/<version>/ (the only version there).
    static ServiceModel load(const std::string& service);

    // Every way the request departs from the model; empty when it matches.
    std::vector<std::string> check(const aws::ServiceRequest& request) const;

    std::set<std::string> operations() const;
    std::string api_version() const;
    // The paginator entry of an operation, or null when it does not paginate.
    const nlohmann::json& paginator(const std::string& operation) const;
    // The wire name of an input member (its locationName, else its name), or empty.
    std::string input_wire_name(const std::string& operation, const std::string& member) const;
    const nlohmann::json& shape(const std::string& name) const;

private:
    void check_rest(const nlohmann::json& op, const aws::ServiceRequest& r, std::vector<std::string>& problems) const;
    void check_query(const nlohmann::json& op, const aws::ServiceRequest& r, std::vector<std::string>& problems) const;
    void check_json(const std::string& shape_name, const nlohmann::json& value, const std::string& where,
                    std::vector<std::string>& problems) const;
    // Checks a text value (query string or form parameter) against a scalar shape.
    void check_text(const std::string& shape_name, const std::string& value, const std::string& where,
                    std::vector<std::string>& problems) const;

    nlohmann::json model_;
    nlohmann::json paginators_;
};

}  // namespace vd::test
