// The disk cache of snapshots: any bytes as a cache file must load or be
// refused with an error, never crash.
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "backend/poll/snapshot_cache.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > vd::fuzz::kMaxInput) return 0;
    static const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("vaultdeck-fuzz-cache-" + std::to_string(::getpid()) + ".json");
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    (void)vd::poll::load_snapshot_cache(file);
    return 0;
}
