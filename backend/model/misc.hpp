// Value types from STS and S3 that the console shows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/model/fields.hpp"

namespace vd::model {

struct CallerIdentity {
    std::string account;
    std::string arn;
    std::string user_id;
};
VD_FIELDS(CallerIdentity, account, arn, user_id)

struct LifecycleTransition {
    std::optional<int64_t> days;
    std::string storage_class;  // GLACIER, DEEP_ARCHIVE, STANDARD_IA, ...
};
VD_FIELDS(LifecycleTransition, days, storage_class)

struct BucketLifecycleRule {
    std::string id;
    std::string status;  // Enabled, Disabled
    std::string prefix;
    std::vector<LifecycleTransition> transitions;
    std::optional<int64_t> expiration_days;
    std::optional<int64_t> noncurrent_expiration_days;
};
VD_FIELDS(BucketLifecycleRule, id, status, prefix, transitions, expiration_days, noncurrent_expiration_days)

struct BucketLifecycle {
    std::string bucket;
    std::string region;
    bool has_configuration = false;  // false on NoSuchLifecycleConfiguration
    std::vector<BucketLifecycleRule> rules;
};
VD_FIELDS(BucketLifecycle, bucket, region, has_configuration, rules)

struct Bucket {
    std::string name;
    std::optional<TimePoint> creation_date;
    std::string region;
};
VD_FIELDS(Bucket, name, creation_date, region)

}  // namespace vd::model
