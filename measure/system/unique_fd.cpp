#include "measure/system/unique_fd.hpp"

#include <fcntl.h>

#include <cerrno>
#include <system_error>

namespace perfmatrix {

Pipe make_pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe2");
    return Pipe{UniqueFd(fds[0]), UniqueFd(fds[1])};
}

}  // namespace perfmatrix
