#pragma once
// Tells a live writer from a dead one. HDF5 1.10 drops its own file lock once SWMR writing
// starts, and a SIGKILLed writer leaves the same status flags as a running one, so the flags
// alone cannot say whether clearing them is safe. The writer therefore holds an open-file-
// description lock (F_OFD_SETLK) on the file for its whole life; the kernel drops it when the
// process dies, however it dies. OFD locks are independent of HDF5's flock() and are not lost
// when another descriptor of the same file is closed in the same process.

#include <filesystem>

namespace perfmatrix {

class WriterLock {
public:
    // Takes the lock; throws std::runtime_error naming the file if a live writer holds it.
    static WriterLock acquire(const std::filesystem::path& file);

    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    ~WriterLock();

private:
    explicit WriterLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

// True while some process (this one included) holds the WriterLock of file.
bool has_live_writer(const std::filesystem::path& file);

}  // namespace perfmatrix
