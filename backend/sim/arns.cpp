#include "backend/sim/arns.hpp"

#include <fmt/format.h>

#include <vector>

namespace vd::sim {
namespace {

// The colon-separated fields of an ARN.
std::vector<std::string_view> arn_fields(std::string_view arn) {
    std::vector<std::string_view> out;
    for (int i = 0; i < 5; ++i) {
        size_t colon = arn.find(':');
        if (colon == std::string_view::npos) break;
        out.push_back(arn.substr(0, colon));
        arn.remove_prefix(colon + 1);
    }
    out.push_back(arn);
    return out;
}

}  // namespace

std::string vault_arn(std::string_view region, std::string_view account, std::string_view name) {
    return fmt::format("arn:aws:backup:{}:{}:backup-vault:{}", region, account, name);
}

std::string plan_arn(std::string_view region, std::string_view account, std::string_view plan_id) {
    return fmt::format("arn:aws:backup:{}:{}:backup-plan:{}", region, account, plan_id);
}

std::string db_instance_arn(std::string_view region, std::string_view account, std::string_view identifier) {
    return fmt::format("arn:aws:rds:{}:{}:db:{}", region, account, identifier);
}

std::string db_cluster_arn(std::string_view region, std::string_view account, std::string_view identifier) {
    return fmt::format("arn:aws:rds:{}:{}:cluster:{}", region, account, identifier);
}

std::string db_snapshot_arn(std::string_view region, std::string_view account, std::string_view identifier) {
    return fmt::format("arn:aws:rds:{}:{}:snapshot:{}", region, account, identifier);
}

std::string cluster_snapshot_arn(std::string_view region, std::string_view account, std::string_view identifier) {
    return fmt::format("arn:aws:rds:{}:{}:cluster-snapshot:{}", region, account, identifier);
}

std::string efs_arn(std::string_view region, std::string_view account, std::string_view file_system_id) {
    return fmt::format("arn:aws:elasticfilesystem:{}:{}:file-system/{}", region, account, file_system_id);
}

std::string kms_key_arn(std::string_view region, std::string_view account, std::string_view key_id) {
    return fmt::format("arn:aws:kms:{}:{}:key/{}", region, account, key_id);
}

std::string role_arn(std::string_view account, std::string_view role_name) {
    return fmt::format("arn:aws:iam::{}:role/{}", account, role_name);
}

std::string resource_type_of(std::string_view arn) {
    auto f = arn_fields(arn);
    if (f.size() < 6 || f[0] != "arn") return {};
    std::string_view service = f[2], rest = f[5];
    if (service == "rds") {
        if (rest.substr(0, 3) == "db:") return "RDS";
        if (rest.substr(0, 8) == "cluster:") return "Aurora";
        return {};
    }
    if (service == "elasticfilesystem") return "EFS";
    if (service == "s3") return "S3";
    if (service == "dynamodb") return "DynamoDB";
    if (service == "ec2") return rest.substr(0, 7) == "volume/" ? "EBS" : "EC2";
    return {};
}

std::string resource_name_of(std::string_view arn) {
    size_t cut = arn.find_last_of(":/");
    return std::string(cut == std::string_view::npos ? arn : arn.substr(cut + 1));
}

std::string region_of(std::string_view arn) {
    auto f = arn_fields(arn);
    return f.size() >= 4 ? std::string(f[3]) : std::string{};
}

std::string account_of(std::string_view arn) {
    auto f = arn_fields(arn);
    return f.size() >= 5 ? std::string(f[4]) : std::string{};
}

std::string vault_name_of(std::string_view vault_arn) {
    size_t cut = vault_arn.rfind(':');
    return std::string(cut == std::string_view::npos ? vault_arn : vault_arn.substr(cut + 1));
}

bool wildcard_match(std::string_view pattern, std::string_view text) {
    size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

}  // namespace vd::sim
