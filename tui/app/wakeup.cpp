// The eventfd behind Wakeup.
#include "tui/app/wakeup.hpp"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace vd::tui {

Result<std::shared_ptr<Wakeup>> Wakeup::create() {
    const int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (fd < 0) {
        return make_error(ErrorKind::Internal, std::string("eventfd: ") + std::strerror(errno));
    }
    return std::shared_ptr<Wakeup>(new Wakeup(fd));
}

Wakeup::~Wakeup() { ::close(fd_); }

void Wakeup::notify() noexcept {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(fd_, &one, sizeof one);
}

void Wakeup::drain() noexcept {
    std::uint64_t value = 0;
    while (::read(fd_, &value, sizeof value) > 0) {
    }
}

}  // namespace vd::tui
