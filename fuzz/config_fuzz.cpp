// The configuration file (config.toml): any text, read with its issues.
#include "backend/config/load.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > vd::fuzz::kMaxInput) return 0;
    auto file = vd::config::parse_config(vd::fuzz::text_of(data, size), "config.toml");
    for (const auto& issue : file.issues) (void)issue.to_string("config.toml");
    return 0;
}
