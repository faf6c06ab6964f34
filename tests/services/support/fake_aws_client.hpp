// A test-only AwsClient: records every ServiceRequest and answers with
// canned HttpResponses (or Errors), so request and response shapes can be
// checked without the signing/sending pipeline.
#pragma once

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "backend/aws/client.hpp"

namespace vd::test {

class FakeAwsClient final : public aws::AwsClient {
public:
    explicit FakeAwsClient(std::string region = "eu-west-1", bool read_only = false);

    // Queues a 200 answer with this body.
    void push_body(std::string body, int status = 200);
    // Queues an error the pipeline would have returned.
    void push_error(Error error);
    // Answers every request with this function once the queue is empty.
    void set_handler(std::function<Result<aws::HttpResponse>(const aws::ServiceRequest&)> handler);

    Result<aws::HttpResponse> call(const aws::ServiceRequest& request) override;
    const aws::ClientOptions& options() const override { return options_; }
    aws::ClientOptions& mutable_options() { return options_; }

    const std::vector<aws::ServiceRequest>& requests() const { return requests_; }
    const aws::ServiceRequest& last() const { return requests_.back(); }
    // The value of the first query parameter with this name, or empty.
    static std::string query_value(const aws::ServiceRequest& r, const std::string& name);
    // The decoded form parameters of a query-protocol body, in order.
    static std::vector<std::pair<std::string, std::string>> form_params(const std::string& body);
    // The value of one decoded form parameter, or empty.
    static std::string form_value(const aws::ServiceRequest& r, const std::string& name);

private:
    aws::ClientOptions options_;
    std::deque<Result<aws::HttpResponse>> queue_;
    std::function<Result<aws::HttpResponse>(const aws::ServiceRequest&)> handler_;
    std::vector<aws::ServiceRequest> requests_;
};

// The text of tests/services/fixtures/<name>; aborts the test when missing.
std::string fixture(const std::string& name);

// Percent-decodes a URL component ('+' is a space).
std::string url_decode(const std::string& s);

}  // namespace vd::test
