#include "aws/support/suite_files.hpp"

#include <fstream>
#include <sstream>

namespace vd::aws::testdata {

std::filesystem::path sigv4_suites() {
    return std::filesystem::path(VAULTDECK_TEST_DATA_DIR) / "sigv4";
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

RawRequest parse_raw_request(const std::string& text) {
    RawRequest r;
    size_t eol = text.find('\n');
    std::string line = text.substr(0, eol);
    size_t sp = line.find(' ');
    size_t proto = line.rfind(" HTTP/");
    r.method = line.substr(0, sp);
    std::string target = line.substr(sp + 1, proto - sp - 1);
    size_t q = target.find('?');
    r.path = target.substr(0, q);
    if (q != std::string::npos) r.query = target.substr(q + 1);
    size_t pos = eol == std::string::npos ? text.size() : eol + 1;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        std::string h = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        pos = end == std::string::npos ? text.size() : end + 1;
        if (h.empty()) {
            r.body = text.substr(pos);
            break;
        }
        if ((h[0] == ' ' || h[0] == '\t') && !r.headers.empty()) {
            r.headers.back().second += "\n" + h;
            continue;
        }
        size_t colon = h.find(':');
        r.headers.emplace_back(h.substr(0, colon), h.substr(colon + 1));
    }
    return r;
}

std::string header_line(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(name + ":", 0) == 0) {
            std::string v = line.substr(name.size() + 1);
            return !v.empty() && v[0] == ' ' ? v.substr(1) : v;
        }
    }
    return {};
}

std::string request_line_query(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    size_t q = line.find('?');
    size_t proto = line.rfind(" HTTP/");
    return q == std::string::npos ? std::string{} : line.substr(q + 1, proto - q - 1);
}

}  // namespace vd::aws::testdata
