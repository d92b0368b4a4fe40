#include "measure/python/scratch_dir.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <system_error>

namespace perfmatrix::python {

ScratchDir::ScratchDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/perfmatrix-pyperf-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    path_ = pattern;
}

ScratchDir::~ScratchDir() {
    std::error_code ignored;  // a destructor cannot report; a leftover temp dir harms nothing measured
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace perfmatrix::python
