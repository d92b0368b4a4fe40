#include "measure/memory/page_touch.hpp"

#include <fmt/format.h>

namespace perfmatrix::memory {
namespace {

// Differs between neighbouring pages and passes, and is never 0.
unsigned char mark(std::size_t page_index, long long pass) {
    return static_cast<unsigned char>((page_index + static_cast<std::size_t>(pass)) % 255 + 1);
}

}  // namespace

void touch_pages(void* region, std::size_t bytes, std::size_t page, long long pass) {
    // volatile: each store must happen, one per page, in order.
    auto* p = static_cast<volatile unsigned char*>(region);
    for (std::size_t off = 0, i = 0; off < bytes; off += page, ++i) p[off] = mark(i, pass);
}

std::optional<std::string> verify_pages(const void* region, std::size_t bytes, std::size_t page, long long pass,
                                        bool fresh) {
    const auto* p = static_cast<const unsigned char*>(region);
    for (std::size_t off = 0, i = 0; off < bytes; off += page, ++i) {
        if (p[off] != mark(i, pass)) {
            return fmt::format("page {}: first byte is {}, wrote {}", i, p[off], mark(i, pass));
        }
        if (fresh && p[off + 1] != 0)
            return fmt::format("page {}: fresh memory not zero-filled (byte 1 is {})", i, p[off + 1]);
    }
    return std::nullopt;
}

}  // namespace perfmatrix::memory
