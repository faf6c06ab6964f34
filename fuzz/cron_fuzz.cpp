// The AWS cron and rate evaluator: any expression, evaluated forwards and
// backwards from a fixed instant in UTC and in a zone with DST.
#include <chrono>

#include "backend/health/cron.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 512) return 0;
    std::string_view expression = vd::fuzz::text_of(data, size);
    const vd::TimePoint at = vd::TimePoint(std::chrono::sys_days(std::chrono::year(2028) / 2 / 29)) + std::chrono::hours(3);
    for (const char* zone : {"Etc/UTC", "America/New_York"}) {
        (void)vd::health::next_after(expression, at, zone);
        (void)vd::health::previous_before(expression, at, zone);
    }
    return 0;
}
