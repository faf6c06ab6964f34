// The disk cache's decoder: any bytes must decode or be refused with an
// error, never crash or allocate without bound.
#include <string_view>

#include "backend/poll/cache_codec.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > vd::fuzz::kMaxInput) return 0;
    (void)vd::poll::decode_snapshot(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
