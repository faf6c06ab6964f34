#include "backend/core/text.hpp"

#include <algorithm>
#include <vector>

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

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace vd
