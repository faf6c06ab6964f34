// AWS STS over the query protocol.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "backend/aws/client.hpp"
#include "backend/model/misc.hpp"

namespace vd::services {

class StsClient {
public:
    explicit StsClient(std::shared_ptr<aws::AwsClient> client);
    Result<model::CallerIdentity> get_caller_identity();

private:
    std::shared_ptr<aws::AwsClient> client_;
};

}  // namespace vd::services
