// Amazon EC2, for two questions: which regions the account has enabled
// (DescribeRegions, so `--region all` covers them), and whether VPC security
// groups exist in a region (DescribeSecurityGroups, a restore's preflight).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "backend/aws/client.hpp"
#include "backend/core/result.hpp"

namespace vd::services {

// A VPC security group.
struct SecurityGroup {
    std::string id;
    std::string name;
    std::string vpc_id;
};

class Ec2Client {
public:
    explicit Ec2Client(std::shared_ptr<aws::AwsClient> client);
    // The names of the regions enabled for the account, sorted.
    Result<std::vector<std::string>> describe_regions();
    // The security groups of these ids; an error (code InvalidGroup.NotFound)
    // names the first that does not exist.
    Result<std::vector<SecurityGroup>> describe_security_groups(const std::vector<std::string>& ids);

private:
    std::shared_ptr<aws::AwsClient> client_;
};

}  // namespace vd::services
