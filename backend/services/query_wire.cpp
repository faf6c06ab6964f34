#include "backend/services/query_wire.hpp"

namespace vd::services::query_wire {

aws::ServiceRequest make(const std::string& service, const QueryParams& params, bool mutating) {
    aws::ServiceRequest r;
    r.service = service;
    r.operation = params.pairs().front().second;
    r.protocol = aws::Protocol::Query;
    r.method = "POST";
    r.path = "/";
    r.body = params.form_body();
    r.mutating = mutating;
    return r;
}

Result<pugi::xml_node> call(aws::AwsClient& client, const aws::ServiceRequest& request, pugi::xml_document& doc) {
    auto response = send(client, request);
    if (!response) return response.error();
    if (auto parsed = parse_xml_body(response->body, doc, request.operation); !parsed) return parsed.error();
    return query_result(doc, request.operation);
}

}  // namespace vd::services::query_wire
