#pragma once
// One operand (a matrix or vector) stored `copies` times, each copy 64-byte aligned. Kernels
// whose operands fit in cache cycle through the copies, so every call starts from memory as
// it would inside a real program, not from a cache warmed by the previous call.

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

namespace perfmatrix::blas {

// How many copies make a working set of `bytes` exceed the cache: twice the last-level
// cache, because replacement is not strict LRU and caches need not be inclusive.
inline std::size_t copies_to_exceed(std::size_t bytes, std::size_t cache_bytes, bool rotate) {
    if (!rotate || bytes == 0 || bytes >= 2 * cache_bytes) return 1;
    return (2 * cache_bytes + bytes - 1) / bytes;
}

template <typename T>
class OperandCopies {
public:
    OperandCopies(std::size_t count, std::size_t copies)
        : count_(count), copies_(copies), stride_(round_up(count * sizeof(T)) / sizeof(T)) {
        void* p = std::aligned_alloc(64, round_up(stride_ * sizeof(T) * copies_));
        if (!p) throw std::bad_alloc();
        data_.reset(static_cast<T*>(p));
        // Touch every page now: page faults belong to set-up, not to the timed calls.
        std::memset(p, 0, stride_ * sizeof(T) * copies_);
    }

    T* copy(std::size_t c) { return data_.get() + c * stride_; }
    const T* copy(std::size_t c) const { return data_.get() + c * stride_; }
    std::size_t count() const { return count_; }
    std::size_t copies() const { return copies_; }

    // Copies 0's contents into every other copy: all copies then share one expected result.
    void replicate() {
        for (std::size_t c = 1; c < copies_; ++c) std::memcpy(copy(c), copy(0), count_ * sizeof(T));
    }

private:
    struct Free {
        void operator()(T* p) const { std::free(p); }
    };
    static std::size_t round_up(std::size_t bytes) { return (bytes + 63) / 64 * 64; }

    std::size_t count_;
    std::size_t copies_;
    std::size_t stride_;  // elements between copies
    std::unique_ptr<T, Free> data_;
};

}  // namespace perfmatrix::blas
