#include "backend/sim/s3_api.hpp"

#include <charconv>

#include "backend/sim/listing.hpp"
#include "backend/sim/query_xml.hpp"

namespace vd::sim {
namespace {

// A successful S3 answer with this document.
WireResponse s3_response(const pugi::xml_document& doc, const std::string& request_id) {
    WireResponse r;
    r.headers = {{"Content-Type", "application/xml"}, {"x-amz-request-id", request_id}, {"x-amz-id-2", request_id + "="}};
    r.body = xml_to_string(doc);
    return r;
}

WireResponse list_buckets(Call& call) {
    auto& buckets = call.world.buckets[call.account_id];
    int limit = 10000;
    if (auto text = param(call.query, "max-buckets")) {
        auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
        if (ec != std::errc{} || ptr != text->data() + text->size() || limit < 1 || limit > 10000) {
            return s3_error_response(api_error(400, "InvalidArgument", "max-buckets must be between 1 and 10000"), call.request_id);
        }
    }
    std::optional<std::string> start;
    if (auto token = param(call.query, "continuation-token"); token && !token->empty()) {
        auto key = decode_page_token(*token);
        if (!key) return s3_error_response(api_error(400, "InvalidArgument", "The continuation token provided is incorrect"), call.request_id);
        start = *key;
    }
    std::string prefix = param(call.query, "prefix").value_or("");
    std::string region = param(call.query, "bucket-region").value_or("");
    pugi::xml_document doc;
    auto root = doc.append_child("ListAllMyBucketsResult");
    root.append_attribute("xmlns") = kS3Namespace;
    auto owner = root.append_child("Owner");
    add_text(owner, "DisplayName", "vaultdeck-" + call.account_id);
    add_text(owner, "ID", std::string(64 - call.account_id.size(), 'a') + call.account_id);
    auto list = root.append_child("Buckets");
    std::string next = page_through(
        buckets, start, limit,
        [&](const Bucket& b) { return b.name.rfind(prefix, 0) == 0 && (region.empty() || b.region == region); },
        [&](const Bucket& b) {
            auto n = list.append_child("Bucket");
            add_text(n, "Name", b.name);
            add_time(n, "CreationDate", b.creation);
            add_text(n, "BucketRegion", b.region);
        });
    if (!next.empty()) add_text(root, "ContinuationToken", next);
    add_text_if(root, "Prefix", prefix);
    return s3_response(doc, call.request_id);
}

WireResponse get_lifecycle(Call& call, const std::string& name) {
    auto& buckets = call.world.buckets[call.account_id];
    auto it = buckets.find(name);
    if (it == buckets.end()) {
        return s3_error_response(api_error(404, "NoSuchBucket", "The specified bucket does not exist"), call.request_id, name);
    }
    if (it->second.lifecycle.empty()) {
        return s3_error_response(api_error(404, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist"),
                                 call.request_id, name);
    }
    pugi::xml_document doc;
    auto root = doc.append_child("LifecycleConfiguration");
    root.append_attribute("xmlns") = kS3Namespace;
    for (const auto& rule : it->second.lifecycle) {
        auto r = root.append_child("Rule");
        add_text(r, "ID", rule.id);
        add_text(r.append_child("Filter"), "Prefix", rule.prefix);
        add_text(r, "Status", rule.status);
        if (rule.transition_days > 0) {
            auto t = r.append_child("Transition");
            add_int(t, "Days", rule.transition_days);
            add_text(t, "StorageClass", rule.transition_class);
        }
        if (rule.expiration_days > 0) add_int(r.append_child("Expiration"), "Days", rule.expiration_days);
    }
    WireResponse r = s3_response(doc, call.request_id);
    r.headers.emplace_back("x-amz-transition-default-minimum-object-size", "all_storage_classes_128K");
    return r;
}

}  // namespace

WireResponse s3_error_response(const Error& error, const std::string& request_id, const std::string& bucket) {
    pugi::xml_document doc;
    auto root = doc.append_child("Error");
    add_text(root, "Code", error.code);
    add_text(root, "Message", error.message);
    add_text_if(root, "BucketName", bucket);
    add_text(root, "RequestId", request_id);
    add_text(root, "HostId", request_id + "=");
    WireResponse r;
    r.status = error.http_status > 0 ? error.http_status : 400;
    r.headers = {{"Content-Type", "application/xml"}, {"x-amz-request-id", request_id}, {"x-amz-id-2", request_id + "="}};
    r.body = xml_to_string(doc);
    return r;
}

WireResponse handle_s3(Call& call) {
    auto segments = split_path(call.wire.path);
    while (!segments.empty() && segments.back().empty()) segments.pop_back();
    bool lifecycle = param(call.query, "lifecycle").has_value();
    if (call.wire.method == "GET" && segments.empty() && !lifecycle) {
        call.operation = "ListBuckets";
        return list_buckets(call);
    }
    if (call.wire.method == "GET" && segments.size() == 1 && lifecycle) {
        call.operation = "GetBucketLifecycleConfiguration";
        return get_lifecycle(call, percent_decode(segments[0]));
    }
    call.operation = "Unknown";
    return s3_error_response(api_error(501, "NotImplemented",
                                       "A header or query you provided implies functionality that is not implemented: " +
                                           call.wire.method + " " + call.wire.path),
                             call.request_id);
}

}  // namespace vd::sim
