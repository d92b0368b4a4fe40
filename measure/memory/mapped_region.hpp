#pragma once
// An anonymous private mapping, unmapped when it goes away. Page-aligned, and fresh from the
// kernel: no page is resident until first touched, which the page-fault kind relies on and
// which lets STREAM's threads place their own part of the arrays.

#include <cstddef>

namespace perfmatrix::memory {

class MappedRegion {
public:
    MappedRegion() = default;
    explicit MappedRegion(std::size_t bytes);  // throws std::system_error
    ~MappedRegion();
    MappedRegion(MappedRegion&& other) noexcept;
    MappedRegion& operator=(MappedRegion&& other) noexcept;
    MappedRegion(const MappedRegion&) = delete;
    MappedRegion& operator=(const MappedRegion&) = delete;

    void* data() const { return data_; }
    std::size_t size() const { return size_; }
    // madvise(MADV_HUGEPAGE); throws std::system_error when the kernel refuses it.
    void advise_huge_pages();

private:
    void release() noexcept;
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

std::size_t page_size();

}  // namespace perfmatrix::memory
