// Amazon S3 over rest-xml, only what the lifecycle view needs: ListBuckets
// and GetBucketLifecycleConfiguration (path-style addressing).
#pragma once

#include "backend/core/result.hpp"
#include "backend/sim/call.hpp"
#include "backend/sim/wire.hpp"

namespace vd::sim {

inline constexpr const char* kS3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

WireResponse handle_s3(Call& call);
// An S3 error document (<Error><Code/><Message/>...</Error>).
WireResponse s3_error_response(const Error& error, const std::string& request_id, const std::string& bucket = {});

}  // namespace vd::sim
