// Amazon S3 over rest-xml: only what the lifecycle view needs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "backend/aws/client.hpp"
#include "backend/model/misc.hpp"

namespace vd::services {

class S3Client {
public:
    explicit S3Client(std::shared_ptr<aws::AwsClient> client);
    Result<std::vector<model::Bucket>> list_buckets();
    // A bucket without a configuration is not an error: has_configuration is false.
    Result<model::BucketLifecycle> get_bucket_lifecycle_configuration(const std::string& bucket);

private:
    std::shared_ptr<aws::AwsClient> client_;
};

}  // namespace vd::services
