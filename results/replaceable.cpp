#include "results/h5_handles.hpp"
#include "results/results_writer.hpp"
#include "results/schema.hpp"
#include "results/writer_lock.hpp"

#include <hdf5.h>

#include <stdexcept>
#include <string>

namespace perfmatrix {

void require_replaceable(const std::filesystem::path& file) {
    const std::string name = file.string();
    // Deleting a live writer's file leaves it writing into an unlinked inode: both runs would
    // report "completed" and the first one's results would be gone.
    if (has_live_writer(file))
        throw std::invalid_argument(name +
                                    ": a running perfmatrix is writing it; --overwrite would destroy that "
                                    "run's results: let it finish (or stop it), or choose another -o");
    h5::silence_library_errors();
    if (H5Fis_hdf5(file.c_str()) <= 0) {
        H5Eclear2(H5E_DEFAULT);
        throw std::invalid_argument(name +
                                    ": not a perfmatrix results file (not HDF5); --overwrite replaces only "
                                    "results files: remove it yourself if you mean to replace it");
    }
    const hid_t id = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (id < 0) {
        H5Eclear2(H5E_DEFAULT);
        return;
    }
    const h5::File opened(id);
    if (H5Aexists(id, schema::attr::schema_version) <= 0) {
        H5Eclear2(H5E_DEFAULT);
        throw std::invalid_argument(name +
                                    ": an HDF5 file that perfmatrix did not write (no schema_version); "
                                    "--overwrite replaces only results files: remove it yourself if you "
                                    "mean to replace it");
    }
}

}  // namespace perfmatrix
