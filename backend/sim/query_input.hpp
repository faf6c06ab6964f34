// Reading query-protocol parameters (RDS, STS): the form body of a POST or
// the query string of a GET, with the flattened list and structure names
// botocore uses (Filters.Filter.1.Name, VpcSecurityGroupIds.VpcSecurityGroupId.1).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backend/core/result.hpp"
#include "backend/sim/form.hpp"
#include "backend/sim/wire.hpp"

namespace vd::sim {

struct QueryFilter {
    std::string name;
    std::vector<std::string> values;
};

class QueryInput {
public:
    explicit QueryInput(const WireRequest& request);

    const std::string& action() const { return action_; }
    // The value of a parameter, "" when absent.
    std::string get(const std::string& name) const;
    bool has(const std::string& name) const;
    // "true" / "false"; nullopt when absent; an InvalidParameterValue error otherwise.
    Result<std::optional<bool>> boolean(const std::string& name) const;
    Result<std::optional<int64_t>> integer(const std::string& name) const;
    // A list member: name.member_name.1, name.member_name.2... (or name.member.N).
    std::vector<std::string> list(const std::string& name, const std::string& member_name) const;
    // Filters.Filter.N.Name / Filters.Filter.N.Values.Value.M.
    std::vector<QueryFilter> filters() const;
    // Tags.Tag.N.Key / Value.
    std::vector<std::pair<std::string, std::string>> tags() const;

private:
    Params params_;
    std::string action_;
};

}  // namespace vd::sim
