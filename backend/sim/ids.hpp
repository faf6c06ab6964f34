// Deterministic random numbers and AWS-looking identifiers: the same seed
// gives the same scenario, job ids and request ids.
#pragma once

#include <cstdint>
#include <string>

namespace vd::sim {

class IdSource {
public:
    explicit IdSource(uint64_t seed) : state_(seed ^ 0x9e3779b97f4a7c15ULL) {}

    // The next 64 random bits (splitmix64).
    uint64_t next();
    // A uniform number in [0, 1).
    double uniform();
    // A uniform integer in [lo, hi].
    int64_t range(int64_t lo, int64_t hi);
    // True with probability p.
    bool chance(double p) { return uniform() < p; }
    // 8-4-4-4-12 hex, lower or upper case.
    std::string uuid(bool upper = false);
    // n lower-case hex digits.
    std::string hex(int n);
    // n characters from [a-z0-9].
    std::string alnum(int n);
    // n upper-case letters and digits (RDS resource ids, access keys).
    std::string upper_alnum(int n);

private:
    uint64_t state_;
};

}  // namespace vd::sim
