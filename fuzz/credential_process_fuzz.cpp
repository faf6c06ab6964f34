// What a credential_process prints: any text as its standard output.
#include "backend/aws/credentials_process.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > vd::fuzz::kMaxInput) return 0;
    (void)vd::aws::parse_process_output(vd::fuzz::text_of(data, size));
    return 0;
}
