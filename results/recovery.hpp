#pragma once
// Opening a results file whatever state its last writer left it in. A writer that was
// SIGKILLed leaves HDF5's superblock status flags set, and HDF5 then refuses every open
// (h5dump, h5py too) until they are cleared, as `h5clear -s` does. We clear them in-process,
// but only after checking that the writer is really gone (WriterLock). Internal to results/.

#include "results/h5_handles.hpp"
#include "results/writer_lock.hpp"

#include <filesystem>
#include <optional>

namespace perfmatrix {

struct OpenedFile {
    // Declared before `file` so that it is released after the file is closed: no other
    // writer may get in while our handle is still open.
    std::optional<WriterLock> lock;  // held while we repair or write the file
    h5::File file;
    bool cleared_flags = false;  // an interrupted writer's status flags were cleared
    bool live_writer = false;    // opened read-only (SWMR) beside a running writer
};

// File access properties for writing: the latest format (SWMR needs it).
h5::PropList writer_access(const std::filesystem::path& file);

// Read-only. Beside a live writer: a SWMR read of what it has committed so far. After a dead
// writer: clears its flags (needs write permission) and says so in cleared_flags.
OpenedFile open_for_reading(const std::filesystem::path& file);

// Read-write, holding the WriterLock (throws if another writer is alive); clears a dead
// writer's flags and says so in cleared_flags.
OpenedFile open_for_writing(const std::filesystem::path& file);

}  // namespace perfmatrix
