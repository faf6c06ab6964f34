#include "backend/core/memory.hpp"

#include <malloc.h>

namespace vd {

void return_free_memory() { ::malloc_trim(0); }

}  // namespace vd
