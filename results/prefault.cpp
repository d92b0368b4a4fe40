#include "results/prefault.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace perfmatrix {

namespace {
#ifdef MADV_POPULATE_WRITE
constexpr int populate_write = MADV_POPULATE_WRITE;
#else
constexpr int populate_write = 23;  // its value since Linux 5.14, for older C library headers
#endif
}  // namespace

void prefault(void* data, std::size_t bytes) {
    if (bytes == 0) return;
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    // madvise wants a page-aligned start; populating the rest of the first page changes nothing
    // in it (the pages are only mapped, not written).
    const auto begin = reinterpret_cast<std::uintptr_t>(data) & ~(page - 1);
    const auto end = reinterpret_cast<std::uintptr_t>(data) + bytes;
    // Errors (EINVAL from an older kernel) are ignored: this only saves time.
    (void)madvise(reinterpret_cast<void*>(begin), end - begin, populate_write);
}

}  // namespace perfmatrix
