// What every fuzz target shares: the input as text, and a guard that keeps
// each input small enough for millions of runs. Each target is one
// LLVMFuzzerTestOneInput over one parser; a parser may refuse its input
// (an error value) but must never crash, hang, leak or read out of bounds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vd::fuzz {

// The fuzzer's bytes as a string view.
inline std::string_view text_of(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Inputs past this size teach nothing new and slow the run down.
constexpr size_t kMaxInput = 64 * 1024;

}  // namespace vd::fuzz
