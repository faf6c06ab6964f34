#include "backend/core/files.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

namespace vd {
namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorKind::NotFound, fmt::format("cannot read {}: {}", path.string(), std::strerror(errno)));
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Status write_file_atomic(const fs::path& path, std::string_view content, unsigned mode) {
    fs::path tmp = path;
    tmp += fmt::format(".tmp.{}", ::getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) return make_error(ErrorKind::Internal, fmt::format("cannot write {}: {}", tmp.string(), std::strerror(errno)));
    ::fchmod(fd, mode);
    size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            return make_error(ErrorKind::Internal, fmt::format("cannot write {}: {}", tmp.string(), std::strerror(err)));
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmp.c_str());
        return make_error(ErrorKind::Internal, fmt::format("cannot flush {}: {}", tmp.string(), std::strerror(errno)));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        return make_error(ErrorKind::Internal, fmt::format("cannot rename to {}: {}", path.string(), std::strerror(err)));
    }
    int dfd = ::open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return ok_status();
}

// Every folder this creates is 0700, from the first missing one down (a
// fresh ~/.local/state is not left 0755 for others to list); folders that
// already exist keep their mode, except the last, which is made 0700.
Status ensure_private_dir(const fs::path& dir) {
    std::vector<fs::path> missing;
    std::error_code ec;
    for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST)
            return make_error(ErrorKind::Internal, fmt::format("cannot create {}: {}", it->string(), std::strerror(errno)));
        ::chmod(it->c_str(), 0700);  // whatever the umask took away
    }
    if (!fs::is_directory(dir, ec)) return make_error(ErrorKind::Internal, fmt::format("cannot create {}: not a folder", dir.string()));
    ::chmod(dir.c_str(), 0700);
    return ok_status();
}

fs::path home_dir() {
    if (const char* h = std::getenv("HOME"); h != nullptr && *h != '\0') return h;
    if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_dir != nullptr) return pw->pw_dir;
    return "/";
}

namespace {
fs::path xdg(const char* var, const char* fallback) {
    if (const char* v = std::getenv(var); v != nullptr && *v == '/') return fs::path(v) / "vaultdeck";
    return home_dir() / fallback / "vaultdeck";
}
}  // namespace

fs::path xdg_config_home() { return xdg("XDG_CONFIG_HOME", ".config"); }
fs::path xdg_cache_home() { return xdg("XDG_CACHE_HOME", ".cache"); }
fs::path xdg_state_home() { return xdg("XDG_STATE_HOME", ".local/state"); }

}  // namespace vd
