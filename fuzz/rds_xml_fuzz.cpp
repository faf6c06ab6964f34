// The query/XML side: any XML document through the RDS shape parsers (every
// element is tried as an instance, cluster, snapshot and automated backup),
// and the AWS error parser for each protocol.
#include <pugixml.hpp>

#include "backend/aws/aws_error.hpp"
#include "backend/services/rds_parse.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > vd::fuzz::kMaxInput) return 0;
    std::string_view text = vd::fuzz::text_of(data, size);
    pugi::xml_document doc;
    if (doc.load_buffer(text.data(), text.size())) {
        int budget = 2000;
        for (const pugi::xpath_node& n : doc.select_nodes("//*")) {
            if (--budget < 0) break;
            using namespace vd::services::rds_parse;
            (void)db_instance(n.node());
            (void)db_cluster(n.node());
            (void)db_snapshot(n.node());
            (void)db_cluster_snapshot(n.node());
            (void)automated_backup(n.node());
        }
    }
    vd::aws::HttpResponse response;
    response.status = 400;
    response.body = std::string(text);
    response.headers.emplace_back("x-amzn-requestid", "fuzz");
    for (auto protocol : {vd::aws::Protocol::RestJson, vd::aws::Protocol::Query, vd::aws::Protocol::RestXml})
        (void)vd::aws::parse_error_response(response, protocol, "Fuzz");
    return 0;
}
