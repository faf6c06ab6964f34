#include "backend/core/text.hpp"

namespace vd {

std::string one_line(const char* raw) {
    std::string m = raw != nullptr ? raw : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    for (auto& c : m)
        if (c == '\n') c = ' ';
    return m;
}

}  // namespace vd
