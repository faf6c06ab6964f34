#include "services/support/fake_aws_client.hpp"

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vd::test {

FakeAwsClient::FakeAwsClient(std::string region, bool read_only) {
    options_.region = std::move(region);
    options_.read_only = read_only;
}

void FakeAwsClient::push_body(std::string body, int status) {
    aws::HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    queue_.emplace_back(std::move(r));
}

void FakeAwsClient::push_error(Error error) { queue_.emplace_back(std::move(error)); }

void FakeAwsClient::set_handler(std::function<Result<aws::HttpResponse>(const aws::ServiceRequest&)> handler) {
    handler_ = std::move(handler);
}

Result<aws::HttpResponse> FakeAwsClient::call(const aws::ServiceRequest& request) {
    requests_.push_back(request);
    if (!queue_.empty()) {
        auto next = std::move(queue_.front());
        queue_.pop_front();
        return next;
    }
    if (handler_) return handler_(request);
    return make_error(ErrorKind::Internal, "FakeAwsClient: no canned answer for " + request.operation, "NoCannedAnswer");
}

std::string FakeAwsClient::query_value(const aws::ServiceRequest& r, const std::string& name) {
    for (const auto& [k, v] : r.query)
        if (k == name) return v;
    return {};
}

std::string url_decode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> FakeAwsClient::form_params(const std::string& body) {
    std::vector<std::pair<std::string, std::string>> out;
    std::stringstream in(body);
    std::string part;
    while (std::getline(in, part, '&')) {
        if (part.empty()) continue;
        auto eq = part.find('=');
        if (eq == std::string::npos) out.emplace_back(url_decode(part), "");
        else out.emplace_back(url_decode(part.substr(0, eq)), url_decode(part.substr(eq + 1)));
    }
    return out;
}

std::string FakeAwsClient::form_value(const aws::ServiceRequest& r, const std::string& name) {
    for (const auto& [k, v] : form_params(r.body))
        if (k == name) return v;
    return {};
}

std::string fixture(const std::string& name) {
    std::string path = std::string(VAULTDECK_SOURCE_DIR) + "/tests/services/fixtures/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("missing fixture " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace vd::test
