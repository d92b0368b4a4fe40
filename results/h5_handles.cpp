#include "results/h5_handles.hpp"

#include <stdexcept>

namespace perfmatrix::h5 {

void silence_library_errors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

namespace {
// Walking upward starts at the innermost frame, which carries the most specific reason
// ("unable to lock the file", "file signature not found", ...): keep that one.
herr_t keep_first(unsigned n, const H5E_error2_t* err, void* out) {
    if (n == 0 && err->desc) *static_cast<std::string*>(out) = err->desc;
    return 0;
}
}  // namespace

std::string last_library_error() {
    std::string detail;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_first, &detail);
    return detail;
}

hid_t check(hid_t status, std::string_view file, std::string_view what) {
    if (status >= 0) return status;
    std::string message = std::string(file) + ": " + std::string(what);
    if (std::string detail = last_library_error(); !detail.empty()) message += ": " + detail;
    H5Eclear2(H5E_DEFAULT);
    throw std::runtime_error(message);
}

}  // namespace perfmatrix::h5
