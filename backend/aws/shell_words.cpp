#include "backend/aws/shell_words.hpp"

#include <cctype>

namespace vd::aws {

Result<std::vector<std::string>> shell_split(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;  // a word has started (so "" yields an empty word)
    size_t i = 0;
    while (i < line.size()) {
        char c = line[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (in_word) words.push_back(std::move(word));
            word.clear();
            in_word = false;
            ++i;
        } else if (c == '\'') {
            size_t end = line.find('\'', i + 1);
            if (end == std::string_view::npos) return make_error(ErrorKind::InvalidInput, "no closing quotation (')");
            word.append(line.substr(i + 1, end - i - 1));
            in_word = true;
            i = end + 1;
        } else if (c == '"') {
            ++i;
            bool closed = false;
            while (i < line.size()) {
                char d = line[i];
                if (d == '"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) {
                    word.push_back(line[i + 1]);
                    i += 2;
                    continue;
                }
                word.push_back(d);
                ++i;
            }
            if (!closed) return make_error(ErrorKind::InvalidInput, "no closing quotation (\")");
            in_word = true;
        } else if (c == '\\') {
            if (i + 1 >= line.size()) return make_error(ErrorKind::InvalidInput, "no character after a trailing backslash");
            word.push_back(line[i + 1]);
            in_word = true;
            i += 2;
        } else {
            word.push_back(c);
            in_word = true;
            ++i;
        }
    }
    if (in_word) words.push_back(std::move(word));
    return words;
}

}  // namespace vd::aws
