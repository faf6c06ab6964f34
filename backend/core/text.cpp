#include "backend/core/text.hpp"

namespace vd {

std::string one_line(const char* raw) {
    std::string m;
    for (const char* p = raw; p != nullptr && *p != '\0'; ++p) {
        bool space = *p == '\n' || *p == '\t' || *p == ' ';
        if (!space) m += *p;
        else if (!m.empty() && m.back() != ' ') m += ' ';
    }
    if (!m.empty() && m.back() == ' ') m.pop_back();
    return m;
}

}  // namespace vd
