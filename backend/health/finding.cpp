#include "backend/health/finding.hpp"

namespace vd::health {

const char* severity_name(Severity s) {
    switch (s) {
    case Severity::Ok: return "ok";
    case Severity::Warning: return "warning";
    case Severity::Critical: return "critical";
    case Severity::Unknown: return "unknown";
    }
    return "unknown";
}

}  // namespace vd::health
