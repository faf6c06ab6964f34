// Hands memory freed after a large transient allocation (a fetch of 100 k
// recovery points, a cache written whole) back to the system, so that the
// resident size of a long-running console follows what it holds, not what
// it once held.
#pragma once

namespace vd {

void return_free_memory();

}  // namespace vd
