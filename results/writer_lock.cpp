#include "results/writer_lock.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

namespace perfmatrix {

namespace {

struct flock whole_file(short type) {
    struct flock lock {};
    lock.l_type = type;
    lock.l_whence = SEEK_SET;
    lock.l_start = 0;
    lock.l_len = 0;  // to the end, however far the file grows
    return lock;
}

int open_or_throw(const std::filesystem::path& file, int flags) {
    const int fd = ::open(file.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(file.string() + ": cannot open: " + std::strerror(errno));
    return fd;
}

bool is_conflict(int err) { return err == EAGAIN || err == EACCES; }

}  // namespace

WriterLock WriterLock::acquire(const std::filesystem::path& file) {
    const int fd = open_or_throw(file, O_RDWR);
    struct flock lock = whole_file(F_WRLCK);
    if (::fcntl(fd, F_OFD_SETLK, &lock) != 0) {
        const int err = errno;
        ::close(fd);
        if (is_conflict(err))
            throw std::runtime_error(file.string() + ": another perfmatrix process is writing this file");
        throw std::runtime_error(file.string() + ": cannot lock: " + std::strerror(err));
    }
    return WriterLock(fd);
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) ::close(fd_);  // closing the description releases the OFD lock
}

bool has_live_writer(const std::filesystem::path& file) {
    // Asking for a read lock (rather than F_OFD_GETLK) works the same inside the writer's own
    // process, where gVisor's GETLK does not report the conflict.
    const int fd = open_or_throw(file, O_RDONLY);
    struct flock lock = whole_file(F_RDLCK);
    const bool locked = ::fcntl(fd, F_OFD_SETLK, &lock) != 0 && is_conflict(errno);
    ::close(fd);  // drops our probe lock, if we got it
    return locked;
}

}  // namespace perfmatrix
