#include "base/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace bookc::base {

const char* file_kind(unsigned mode) {
    switch (mode & S_IFMT) {
        case S_IFREG:
            return "a regular file";
        case S_IFDIR:
            return "a folder";
        case S_IFIFO:
            return "a FIFO";
        case S_IFSOCK:
            return "a socket";
        case S_IFCHR:
            return "a character device";
        case S_IFBLK:
            return "a block device";
        case S_IFLNK:
            return "a symbolic link";
        default:
            return "not a regular file";
    }
}

std::string read_regular_file(const std::string& path, std::size_t limit, std::string& out) {
    out.clear();
    // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return std::string("cannot be read: ") + std::strerror(errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        std::string err = std::strerror(errno);
        ::close(fd);
        return "cannot be read: " + err;
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return std::string("not a regular file (") + file_kind(st.st_mode) + ")";
    }
    auto size = static_cast<std::size_t>(st.st_size);
    if (size > limit) {
        ::close(fd);
        return "larger than the limit (" + std::to_string(size) + " bytes; at most " +
               std::to_string(limit) + ")";
    }
    // Back to blocking reads: a regular file never blocks, and O_NONBLOCK on some
    // filesystems (FUSE, NFS) can make read() fail with EAGAIN.
    int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    std::string buf;
    buf.resize(size);
    std::size_t got = 0;
    // The file may grow while it is read: read what fstat promised, then check for more
    // up to the limit.
    for (;;) {
        if (got == buf.size()) {
            if (buf.size() >= limit) {
                char probe;
                ssize_t n = ::read(fd, &probe, 1);
                if (n > 0) {
                    ::close(fd);
                    return "larger than the limit (more than " + std::to_string(limit) + " bytes)";
                }
                break;
            }
            buf.resize(std::min(limit, buf.size() + 65536));
        }
        ssize_t n = ::read(fd, buf.data() + got, buf.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string err = std::strerror(errno);
            ::close(fd);
            return "cannot be read: " + err;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    buf.resize(got);
    out = std::move(buf);
    return {};
}

bool read_file(const std::string& path, std::string& out) {
    return read_regular_file(path, kNoLimit, out).empty();
}

}  // namespace bookc::base
