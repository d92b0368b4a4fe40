#pragma once
// Touching every page of a region: one byte written per page, which is what makes the kernel
// map it (a read alone would map the shared zero page and fault again on the first write).

#include <cstddef>
#include <optional>
#include <string>

namespace perfmatrix::memory {

// Writes the pass's mark into the first byte of each page.
void touch_pages(void* region, std::size_t bytes, std::size_t page, long long pass);

// Empty when every page's first byte holds the pass's mark and, with `fresh`, its second
// byte is still 0 (fresh anonymous memory must come zero-filled); otherwise what differed.
std::optional<std::string> verify_pages(const void* region, std::size_t bytes, std::size_t page, long long pass,
                                        bool fresh);

}  // namespace perfmatrix::memory
