// S3Client over rest-xml with path-style addressing: /{bucket}?lifecycle.
#include "backend/services/s3_client.hpp"

#include "backend/services/paging.hpp"
#include "backend/services/query_encoding.hpp"
#include "backend/services/send.hpp"
#include "backend/services/xml_util.hpp"

namespace vd::services {

namespace {

// A GET to S3 (path already encoded).
aws::ServiceRequest get(std::string operation, std::string path) {
    aws::ServiceRequest r;
    r.service = "s3";
    r.operation = std::move(operation);
    r.protocol = aws::Protocol::RestXml;
    r.method = "GET";
    r.path = std::move(path);
    return r;
}

// One <Rule> of a lifecycle configuration; the prefix comes from <Filter>
// (or <Filter><And>) on current configurations, <Prefix> on old ones.
model::BucketLifecycleRule lifecycle_rule(pugi::xml_node n) {
    model::BucketLifecycleRule rule;
    rule.id = xml_text(n, "ID");
    rule.status = xml_text(n, "Status");
    pugi::xml_node filter = n.child("Filter");
    if (n.child("Prefix")) rule.prefix = xml_text(n, "Prefix");
    else if (filter.child("Prefix")) rule.prefix = xml_text(filter, "Prefix");
    else rule.prefix = xml_text(filter.child("And"), "Prefix");
    for (pugi::xml_node t : n.children("Transition")) {
        model::LifecycleTransition transition;
        transition.days = xml_int(t, "Days");
        transition.storage_class = xml_text(t, "StorageClass");
        rule.transitions.push_back(std::move(transition));
    }
    rule.expiration_days = xml_int(n.child("Expiration"), "Days");
    rule.noncurrent_expiration_days = xml_int(n.child("NoncurrentVersionExpiration"), "NoncurrentDays");
    return rule;
}

}  // namespace

// Wraps the pipeline client of one account.
S3Client::S3Client(std::shared_ptr<aws::AwsClient> client) : client_(std::move(client)) {}

// Every bucket, following ContinuationToken.
Result<std::vector<model::Bucket>> S3Client::list_buckets() {
    return collect_pages<model::Bucket>("ListBuckets", [&](const std::string& token, std::vector<model::Bucket>& items)
                                                           -> Result<std::string> {
        auto r = get("ListBuckets", "/");
        if (!token.empty()) r.query.emplace_back("continuation-token", token);
        auto response = send(*client_, r);
        if (!response) return response.error();
        pugi::xml_document doc;
        if (auto parsed = parse_xml_body(response->body, doc, r.operation); !parsed) return parsed.error();
        pugi::xml_node result = doc.child("ListAllMyBucketsResult");
        if (!result)
            return make_error(ErrorKind::Parse, "ListBuckets: the answer has no <ListAllMyBucketsResult>", "MalformedXML");
        for (pugi::xml_node b : result.child("Buckets").children("Bucket")) {
            model::Bucket bucket;
            bucket.name = xml_text(b, "Name");
            bucket.creation_date = xml_time(b, "CreationDate");
            bucket.region = xml_text(b, "BucketRegion");
            items.push_back(std::move(bucket));
        }
        return xml_text(result, "ContinuationToken");
    });
}

// The lifecycle rules of one bucket; none is not an error.
Result<model::BucketLifecycle> S3Client::get_bucket_lifecycle_configuration(const std::string& bucket) {
    const char* op = "GetBucketLifecycleConfiguration";
    if (auto s = require(bucket, "a bucket name", op); !s) return s.error();
    auto r = get(op, "/" + encode_label(bucket));
    r.query.emplace_back("lifecycle", "");
    model::BucketLifecycle lifecycle;
    lifecycle.bucket = bucket;
    auto response = send(*client_, r);
    if (!response) {
        if (response.error().code == "NoSuchLifecycleConfiguration") return lifecycle;
        return response.error();
    }
    pugi::xml_document doc;
    if (auto parsed = parse_xml_body(response->body, doc, op); !parsed) return parsed.error();
    pugi::xml_node config = doc.child("LifecycleConfiguration");
    if (!config)
        return make_error(ErrorKind::Parse, std::string(op) + ": the answer has no <LifecycleConfiguration>", "MalformedXML");
    lifecycle.has_configuration = true;
    for (pugi::xml_node rule : config.children("Rule")) lifecycle.rules.push_back(lifecycle_rule(rule));
    return lifecycle;
}

}  // namespace vd::services
