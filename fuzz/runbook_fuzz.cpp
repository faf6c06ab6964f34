// Runbook files: any text through the reader and, when it reads, lint.
#include "backend/runbook/lint.hpp"
#include "backend/runbook/runbook_reader.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > vd::fuzz::kMaxInput) return 0;
    std::string_view text = vd::fuzz::text_of(data, size);
    auto outcome = vd::runbook::read_runbook(text, "fuzz.toml");
    if (outcome.runbook) (void)vd::runbook::load_runbook(text, "fuzz.toml");
    (void)vd::runbook::parse_duration(text.substr(0, 64));
    return 0;
}
