#include "backend/runbook/field_checks.hpp"

#include <regex>
#include <vector>

#include <fmt/format.h>

#include "backend/runbook/engine.hpp"
#include "backend/services/rds_client.hpp"

namespace vd::runbook {
namespace {

using Check = std::string (*)(const std::string& value);

// Whether the whole value matches a pattern.
bool matches(const std::string& v, const char* pattern) { return std::regex_match(v, std::regex(pattern)); }

// A number within bounds, else why not.
std::string number_between(const std::string& v, long lo, long hi, const char* what) {
    if (v.empty()) return {};
    if (v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos || std::stol(v) < lo || std::stol(v) > hi)
        return fmt::format("'{}' is not a {}: a whole number from {} to {}", v, what, lo, hi);
    return {};
}

// true or false.
std::string yes_no(const std::string& v) {
    if (v.empty() || v == "true" || v == "false") return {};
    return fmt::format("'{}' is neither true nor false", v);
}

std::string check_target(const std::string& v) {
    if (v.empty() || valid_instance_identifier(v)) return {};
    return fmt::format("'{}' is not a valid DB identifier: 1-63 letters, digits or hyphens, starting with a letter, "
                       "no two hyphens in a row, not ending with one", v);
}

std::string check_region(const std::string& v) {
    if (v.empty() || matches(v, "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]")) return {};
    return fmt::format("'{}' is not an AWS region name (like us-east-1)", v);
}

std::string check_class(const std::string& v) {
    if (v.empty()) return {};
    if (!matches(v, "db\\.[a-z][a-z0-9-]*\\.(micro|small|medium|large|xlarge|[0-9]+xlarge|metal(-[0-9]+xl)?)"))
        return fmt::format("'{}' is not a DB instance class (like db.r6g.large or db.t4g.medium)", v);
    return {};
}

std::string check_subnet_group(const std::string& v) {
    if (v.empty() || (v.size() <= 255 && matches(v, "[A-Za-z0-9 ._-]+"))) return {};
    return fmt::format("'{}' is not a DB subnet group name: letters, digits, spaces, periods, underscores and hyphens", v);
}

std::string check_security_groups(const std::string& v) {
    std::string word;
    for (size_t i = 0; i <= v.size(); ++i) {
        if (i < v.size() && v[i] != ',') {
            word += v[i];
            continue;
        }
        if (!word.empty() && !matches(word, "sg-([0-9a-f]{8}|[0-9a-f]{17})"))
            return fmt::format("'{}' is not a VPC security group id (sg- and 8 or 17 hex digits)", word);
        word.clear();
    }
    return {};
}

std::string check_group_name(const std::string& v) {
    if (v.empty() || (v.size() <= 255 && matches(v, "[A-Za-z][A-Za-z0-9.:_-]*"))) return {};
    return fmt::format("'{}' is not a group name: a letter, then letters, digits, '.', ':', '_' or '-'", v);
}

std::string check_port(const std::string& v) { return number_between(v, 1150, 65535, "port"); }
std::string check_iops(const std::string& v) { return number_between(v, 1000, 256000, "number of provisioned IOPS"); }

std::string check_storage_type(const std::string& v) {
    for (const char* t : {"", "gp2", "gp3", "io1", "io2", "standard", "aurora", "aurora-iopt1"})
        if (v == t) return {};
    return fmt::format("'{}' is not a storage type: gp3, gp2, io1, io2 or standard", v);
}

std::string check_lifecycle(const std::string& v) {
    if (v == services::kExtendedSupportDisabled || v == services::kExtendedSupport) return {};
    return fmt::format("choose {} (no Extended Support charges) or {} (paid past the end of standard support)",
                       services::kExtendedSupportDisabled, services::kExtendedSupport);
}

std::string check_role(const std::string& v) {
    if (v.empty() || matches(v, "arn:aws[a-z-]*:iam::[0-9]{12}:role/.+")) return {};
    return fmt::format("'{}' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)", v);
}

struct FieldRule {
    const char* field;
    Check check;
};

const FieldRule kRules[] = {
    {"target", check_target},
    {"region", check_region},
    {"instance_class", check_class},
    {"subnet_group", check_subnet_group},
    {"security_groups", check_security_groups},
    {"parameter_group", check_group_name},
    {"option_group", check_group_name},
    {"port", check_port},
    {"storage_type", check_storage_type},
    {"iops", check_iops},
    {"multi_az", yes_no},
    {"copy_tags_to_snapshot", yes_no},
    {"deletion_protection", yes_no},
    {"engine_lifecycle_support", check_lifecycle},
    {"iam_role", check_role},
};

}  // namespace

std::string field_problem(const std::string& field, const std::string& value) {
    for (const auto& r : kRules)
        if (field == r.field) return r.check(value);
    return {};
}

}  // namespace vd::runbook
