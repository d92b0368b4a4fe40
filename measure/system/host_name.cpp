#include "measure/system/host_name.hpp"

#include <unistd.h>

#include <array>
#include <chrono>

namespace perfmatrix {

std::string host_name() {
    std::array<char, 256> buf{};
    if (gethostname(buf.data(), buf.size() - 1) != 0) return "unknown";
    return buf.data();
}

double unix_now() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

}  // namespace perfmatrix
