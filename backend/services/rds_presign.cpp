#include "backend/services/rds_presign.hpp"

#include "backend/aws/endpoints.hpp"
#include "backend/aws/sigv4.hpp"

namespace vd::services {

Result<std::string> presign_copy_db_snapshot(const aws::ClientOptions& options, const QueryParams& copy_params,
                                             const std::string& source_region) {
    if (!options.credentials)
        return make_error(ErrorKind::Credentials, "CopyDBSnapshot: no credentials to presign the cross-region copy",
                          "NoCredentials");
    auto credentials = options.credentials->credentials();
    if (!credentials) return credentials.error();
    QueryParams params = copy_params;
    params.add("DestinationRegion", options.region);
    std::string endpoint = options.endpoint_url.empty() ? aws::aws_endpoint("rds", source_region) : options.endpoint_url;
    while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
    aws::HttpRequest request;
    request.method = "GET";
    request.url = endpoint + "/?" + params.form_body();
    TimePoint now = options.clock ? options.clock->now() : system_clock()->now();
    auto signing = aws::sigv4::params_for_service("rds", source_region, now);
    return aws::sigv4::presign_url(request, *credentials, signing, 3600);
}

}  // namespace vd::services
