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

Status ensure_private_dir(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return make_error(ErrorKind::Internal, fmt::format("cannot create {}: {}", dir.string(), ec.message()));
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
