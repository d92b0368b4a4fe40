#include "results/recovery.hpp"

#include <stdexcept>
#include <string>

namespace perfmatrix {

namespace {

// Private file-access properties of HDF5 1.10, set by `h5clear -s --increment`: H5Fopen then
// resets the superblock status flags instead of refusing the file, and accepts a file shorter
// than the superblock says (a writer killed mid-flush can have recorded space it never wrote).
constexpr const char* clear_status_flags = "clear_status_flags";
constexpr const char* skip_eof_check = "skip_eof_check";

h5::PropList clearing_access(const std::filesystem::path& file) {
    h5::PropList fapl = writer_access(file);
    hbool_t yes = true;
    h5::check(H5Pset(fapl.get(), clear_status_flags, &yes), file.string(), "request clearing of HDF5 status flags");
    h5::check(H5Pset(fapl.get(), skip_eof_check, &yes), file.string(), "request skipping the end-of-file check");
    return fapl;
}

hid_t try_open(const std::filesystem::path& file, unsigned flags, hid_t fapl) {
    const hid_t id = H5Fopen(file.c_str(), flags, fapl);
    if (id < 0) H5Eclear2(H5E_DEFAULT);
    return id;
}

// Checked first so that a wrong file is reported as such, not as a failed recovery.
void require_hdf5_file(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) throw std::runtime_error(file.string() + ": no such results file");
    if (H5Fis_hdf5(file.c_str()) <= 0) {
        H5Eclear2(H5E_DEFAULT);
        throw std::runtime_error(file.string() + ": not an HDF5 file");
    }
}

// Clears a dead writer's status flags. The caller holds the WriterLock, so no writer can
// start meanwhile; needs write permission.
h5::File open_clearing_flags(const std::filesystem::path& file) {
    const h5::PropList fapl = clearing_access(file);
    h5::File opened(h5::check(H5Fopen(file.c_str(), H5F_ACC_RDWR, fapl.get()), file.string(),
                              "cannot open, not even after clearing the status flags an interrupted "
                              "writer leaves (is it a writable HDF5 file?)"));
    // The superblock's end-of-allocation can lag behind data the writer had already flushed
    // (a SWMR writer updates it only on H5Fflush); reads there fail with "addr overflow".
    // Like `h5clear -s --increment=0`: move it to the end of the file.
    h5::check(H5Fincrement_filesize(opened.get(), 0), file.string(), "extend the recorded end of file");
    return opened;
}

}  // namespace

h5::PropList writer_access(const std::filesystem::path& file) {
    h5::PropList fapl(h5::check(H5Pcreate(H5P_FILE_ACCESS), file.string(), "create file access list"));
    h5::check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_LATEST, H5F_LIBVER_LATEST), file.string(),
              "select the latest file format");
    return fapl;
}

OpenedFile open_for_reading(const std::filesystem::path& file) {
    h5::silence_library_errors();
    require_hdf5_file(file);
    OpenedFile opened;
    // Asked first: beside a running writer only a SWMR read is sound (a plain open fails, or
    // catches the file mid-flush), and its status flags must not be cleared.
    if (has_live_writer(file)) {
        opened.file = h5::File(h5::check(H5Fopen(file.c_str(), H5F_ACC_RDONLY | H5F_ACC_SWMR_READ, H5P_DEFAULT),
                                         file.string(), "cannot open beside its running writer (retry shortly)"));
        opened.live_writer = true;
        return opened;
    }
    if (hid_t id = try_open(file, H5F_ACC_RDONLY, H5P_DEFAULT); id >= 0) {
        opened.file = h5::File(id);
        return opened;
    }
    try {
        opened.lock = WriterLock::acquire(file);
        opened.file = open_clearing_flags(file);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string(e.what()) +
                                 " (the file cannot be opened as is: an interrupted writer may have left it needing "
                                 "repair, which needs write permission)");
    }
    opened.cleared_flags = true;
    return opened;
}

OpenedFile open_for_writing(const std::filesystem::path& file) {
    h5::silence_library_errors();
    require_hdf5_file(file);
    OpenedFile opened;
    opened.lock = WriterLock::acquire(file);
    const h5::PropList fapl = writer_access(file);
    if (hid_t id = try_open(file, H5F_ACC_RDWR, fapl.get()); id >= 0) {
        opened.file = h5::File(id);
        return opened;
    }
    opened.file = open_clearing_flags(file);
    opened.cleared_flags = true;
    return opened;
}

}  // namespace perfmatrix
