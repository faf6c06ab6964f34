// SigV4 canonicalisation: any request line (method, path, query, headers
// taken from the input's lines) through the canonical request, the string
// to sign and the encoders.
#include <chrono>
#include <string>
#include <vector>

#include "backend/aws/sigv4.hpp"
#include "fuzz/fuzz_input.hpp"

namespace {

// The input's lines; at most `limit`.
std::vector<std::string> lines_of(std::string_view text, size_t limit) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size() && out.size() < limit) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        out.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 8192) return 0;
    namespace sigv4 = vd::aws::sigv4;
    std::string_view text = vd::fuzz::text_of(data, size);
    auto lines = lines_of(text, 16);
    while (lines.size() < 3) lines.emplace_back();
    (void)sigv4::uri_decode(text);
    (void)sigv4::uri_encode(text, true);
    (void)sigv4::canonical_query(lines[2]);
    for (const char* service : {"backup", "s3"}) {
        auto params = sigv4::params_for_service(service, "us-east-1", vd::TimePoint(std::chrono::seconds(1700000000)));
        (void)sigv4::canonical_path(lines[1], params);
        sigv4::CanonicalInput in;
        in.method = lines[0];
        in.path = lines[1];
        in.query = lines[2];
        in.headers.emplace_back("host", "backup.us-east-1.amazonaws.com");
        for (size_t i = 3; i < lines.size(); ++i) {
            auto colon = lines[i].find(':');
            if (colon == std::string::npos) continue;
            in.headers.emplace_back(lines[i].substr(0, colon), lines[i].substr(colon + 1));
        }
        in.payload_hash = sigv4::sha256_hex("");
        auto creq = sigv4::canonical_request(in, params);
        (void)sigv4::string_to_sign(creq, params);
    }
    return 0;
}
