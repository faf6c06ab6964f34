// The SSO token cache file (~/.aws/sso/cache/*.json): any text, read at a
// fixed instant.
#include <chrono>

#include "backend/aws/credentials_sso.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > vd::fuzz::kMaxInput) return 0;
    (void)vd::aws::read_sso_token(vd::fuzz::text_of(data, size), vd::TimePoint(std::chrono::seconds(1800000000)));
    return 0;
}
