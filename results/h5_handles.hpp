#pragma once
// RAII owners for HDF5 identifiers, and the one place that turns HDF5 failures into exceptions.
// Internal to results/: callers outside this folder never see an hid_t.

#include <hdf5.h>

#include <string>
#include <string_view>
#include <utility>

namespace perfmatrix::h5 {

// Owns one identifier and closes it with Close. Move-only, like the id it guards.
template <herr_t (*Close)(hid_t)>
class Handle {
public:
    Handle() = default;
    explicit Handle(hid_t id) : id_(id) {}
    ~Handle() { reset(); }
    Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, H5I_INVALID_HID);
        }
        return *this;
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    hid_t get() const { return id_; }
    explicit operator bool() const { return id_ >= 0; }
    // Closes now; errors are ignored because a destructor cannot report them.
    void reset() {
        if (id_ >= 0) Close(id_);
        id_ = H5I_INVALID_HID;
    }

private:
    hid_t id_ = H5I_INVALID_HID;
};

using File = Handle<H5Fclose>;
using Dataset = Handle<H5Dclose>;
using Dataspace = Handle<H5Sclose>;
using Datatype = Handle<H5Tclose>;
using PropList = Handle<H5Pclose>;
using Attribute = Handle<H5Aclose>;

// HDF5 prints its error stack to stderr by default; we report errors as exceptions instead.
// Idempotent and cheap: call it at every public entry point.
void silence_library_errors();

// The most specific message on HDF5's current error stack ("" when empty).
std::string last_library_error();

// Throws std::runtime_error("<file>: <what>: <HDF5 detail>") when status is negative.
// Returns status so that identifiers can be checked inline.
hid_t check(hid_t status, std::string_view file, std::string_view what);

}  // namespace perfmatrix::h5
