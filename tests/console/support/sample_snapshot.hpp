// A hand-built snapshot and findings that look like a small production
// account (the same shapes the demo scenario plants), for screen tests.
// "Now" is Sunday 2025-06-15 12:00 UTC.
#pragma once

#include <vector>

#include "backend/core/clock.hpp"
#include "backend/health/finding.hpp"
#include "backend/poll/snapshot.hpp"

namespace vd::testing {

// The fixed time the sample is built around.
TimePoint sample_now();
// A time given as ISO 8601 text.
TimePoint at(const char* iso);
// prod-main (111122223333) in eu-central-1 and its DR region us-east-1.
poll::Snapshot sample_snapshot();
// Findings about the sample: orders-db out of RPO and failing, a broken
// weekly rule, an unlocked DR vault, a drill due, and some OK ones.
std::vector<health::Finding> sample_findings();

}  // namespace vd::testing
