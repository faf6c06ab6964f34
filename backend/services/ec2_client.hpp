// Amazon EC2, for one question: which regions the account has enabled
// (DescribeRegions, EC2 protocol), so `--region all` covers them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "backend/aws/client.hpp"
#include "backend/core/result.hpp"

namespace vd::services {

class Ec2Client {
public:
    explicit Ec2Client(std::shared_ptr<aws::AwsClient> client);
    // The names of the regions enabled for the account, sorted.
    Result<std::vector<std::string>> describe_regions();

private:
    std::shared_ptr<aws::AwsClient> client_;
};

}  // namespace vd::services
