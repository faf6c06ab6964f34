// The PreSignedUrl of a cross-region CopyDBSnapshot, as the AWS SDKs build it
// from SourceRegion: the same call, signed for the source region, with
// DestinationRegion added.
#pragma once

#include <string>

#include "backend/aws/client.hpp"
#include "backend/core/result.hpp"
#include "backend/services/query_encoding.hpp"

namespace vd::services {

// A URL valid for an hour; errors come from the credentials provider.
Result<std::string> presign_copy_db_snapshot(const aws::ClientOptions& options, const QueryParams& copy_params,
                                             const std::string& source_region);

}  // namespace vd::services
