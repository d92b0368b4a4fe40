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

// HDF5 describes a failed system call over several lines: "file write failed: time = ...\n,
// filename = ..., errno = 28, error message = 'No space left on device', buf = ...". One line
// with what failed and the system's reason says all a user can act on.
std::string one_line(std::string desc) {
    const std::string marker = "error message = '";
    if (const auto at = desc.find(marker); at != std::string::npos) {
        const auto begin = at + marker.size();
        const auto end = desc.find('\'', begin);
        const auto colon = desc.find(':');
        const std::string what = colon == std::string::npos || colon > at ? std::string() : desc.substr(0, colon);
        const std::string reason = desc.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        desc = what.empty() ? reason : what + ": " + reason;
    }
    for (char& c : desc)
        if (c == '\n' || c == '\r') c = ' ';
    return desc;
}
}  // namespace

std::string last_library_error() {
    std::string detail;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_first, &detail);
    return one_line(std::move(detail));
}

hid_t check(hid_t status, std::string_view file, std::string_view what) {
    if (status >= 0) return status;
    std::string message = std::string(file) + ": " + std::string(what);
    if (std::string detail = last_library_error(); !detail.empty()) message += ": " + detail;
    H5Eclear2(H5E_DEFAULT);
    throw std::runtime_error(message);
}

}  // namespace perfmatrix::h5
