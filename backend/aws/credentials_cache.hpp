// The expiry-aware cache: a provider around another (usually the chain)
// that keeps the last credentials and asks again only when they are about
// to expire. Thread-safe: one caller refreshes while the others either keep
// using still-valid credentials or wait for the result; the wrapped provider
// is never called while the cache's lock is held.
#pragma once

#include <chrono>
#include <memory>

#include "backend/aws/credentials.hpp"
#include "backend/core/clock.hpp"

namespace vd::aws {

struct CacheOptions {
    std::chrono::seconds refresh_before{5 * 60};  // refresh this long before expiration
    std::shared_ptr<const Clock> clock;           // empty: the system clock
};

// Wraps `inner`; its name is the inner provider's name.
std::shared_ptr<CredentialsProvider> make_cached_provider(std::shared_ptr<CredentialsProvider> inner,
                                                          CacheOptions options = {});

}  // namespace vd::aws
