#include "results/table.hpp"

#include <algorithm>
#include <stdexcept>

namespace perfmatrix {

namespace {

h5::PropList unchecked_transfer(const std::string& file_name) {
    h5::PropList dxpl(h5::check(H5Pcreate(H5P_DATASET_XFER), file_name, "create transfer properties"));
    h5::check(H5Pset_edc_check(dxpl.get(), H5Z_DISABLE_EDC), file_name, "disable checksum verification");
    return dxpl;
}

}  // namespace

Table::Table(const schema::TableSpec& spec, h5::Dataset dataset, std::string file_name)
    : spec_(&spec),
      dataset_(std::move(dataset)),
      row_type_(schema::row_type(spec)),
      file_name_(std::move(file_name)),
      unchecked_(unchecked_transfer(file_name_)) {
    h5::Dataspace space(h5::check(H5Dget_space(dataset_.get()), file_name_, what("get extent")));
    if (H5Sget_simple_extent_ndims(space.get()) != 1)
        throw std::runtime_error(file_name_ + ": dataset '" + spec_->name + "' is not a 1-D table");
    H5Sget_simple_extent_dims(space.get(), &rows_, nullptr);
    h5::PropList dcpl(h5::check(H5Dget_create_plist(dataset_.get()), file_name_, what("get creation properties")));
    if (H5Pget_layout(dcpl.get()) != H5D_CHUNKED || H5Pget_chunk(dcpl.get(), 1, &chunk_rows_) != 1 || chunk_rows_ == 0)
        throw std::runtime_error(file_name_ + ": dataset '" + spec_->name + "' is not a chunked table");
}

Table Table::create(hid_t file, const schema::TableSpec& spec, std::string file_name) {
    const hsize_t initial = 0, unlimited = H5S_UNLIMITED;
    h5::Dataspace space(h5::check(H5Screate_simple(1, &initial, &unlimited), file_name, "create dataspace"));
    h5::PropList dcpl(h5::check(H5Pcreate(H5P_DATASET_CREATE), file_name, "create dcpl"));
    h5::check(H5Pset_chunk(dcpl.get(), 1, &spec.chunk_rows), file_name, "set chunk size");
    if (spec.deflate) h5::check(H5Pset_deflate(dcpl.get(), schema::deflate_level), file_name, "set compression");
    // Last in the pipeline, over the stored bytes: a damaged chunk becomes a read error that
    // names its table instead of wrong numbers in a report.
    h5::check(H5Pset_fletcher32(dcpl.get()), file_name, "set checksum");
    const h5::Datatype stored = schema::row_type(spec);
    h5::Dataset dataset(
        h5::check(H5Dcreate2(file, spec.name, stored.get(), space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                  file_name, std::string("create dataset '") + spec.name + "'"));
    return Table(spec, std::move(dataset), std::move(file_name));
}

Table Table::open(hid_t file, const schema::TableSpec& spec, std::string file_name) {
    h5::Dataset dataset(h5::check(H5Dopen2(file, spec.name, H5P_DEFAULT), file_name,
                                  std::string("open dataset '") + spec.name + "' (not a perfmatrix results file?)"));
    return Table(spec, std::move(dataset), std::move(file_name));
}

std::string Table::what(const char* action) const { return std::string(action) + " of table '" + spec_->name + "'"; }

h5::Dataspace Table::select(hsize_t first, hsize_t n) const {
    h5::Dataspace space(h5::check(H5Dget_space(dataset_.get()), file_name_, what("get dataspace")));
    h5::check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, &first, nullptr, &n, nullptr), file_name_,
              what("select rows"));
    return space;
}

void Table::set_extent(hsize_t n) {
    h5::check(H5Dset_extent(dataset_.get(), &n), file_name_, what("resize"));
    rows_ = n;
}

hsize_t Table::chunk_start(hsize_t row) const { return row / chunk_rows_ * chunk_rows_; }

// Writing part of a chunk (an append to a partly filled one, an overwrite, a rewrite) reads it
// first; a torn one would fail its checksum there. Written back, it gets a checksum of its own.
void Table::write_rows(hsize_t first, hsize_t n, const void* rows, const char* action) {
    const h5::Dataspace file_space = select(first, n);
    const h5::Dataspace memory_space(h5::check(H5Screate_simple(1, &n, nullptr), file_name_, "create dataspace"));
    const hid_t transfer = torn_chunk_ok_ ? unchecked_.get() : H5P_DEFAULT;
    h5::check(H5Dwrite(dataset_.get(), row_type_.get(), memory_space.get(), file_space.get(), transfer, rows),
              file_name_, what(action));
}

void Table::append(const void* rows, hsize_t n) {
    if (n == 0) return;
    const hsize_t first = rows_;
    set_extent(first + n);
    write_rows(first, n, rows, "append rows");
}

void Table::overwrite(hsize_t index, const void* row) {
    if (index >= rows_) throw std::out_of_range(file_name_ + ": " + what("overwrite past the end"));
    write_rows(index, 1, row, "overwrite row");
}

// HDF5's reason when the read fails (taken before closing the dataspaces clears it); "" when not.
std::string Table::try_read(hid_t type, hsize_t first, hsize_t n, void* out, hid_t transfer) const {
    const h5::Dataspace file_space = select(first, n);
    const h5::Dataspace memory_space(h5::check(H5Screate_simple(1, &n, nullptr), file_name_, "create dataspace"));
    if (H5Dread(dataset_.get(), type, memory_space.get(), file_space.get(), transfer, out) >= 0) return "";
    std::string reason = h5::last_library_error();
    H5Eclear2(H5E_DEFAULT);
    return reason.empty() ? "failed" : reason;
}

void Table::check_read(const std::string& reason, const char* action) const {
    if (!reason.empty()) throw std::runtime_error(file_name_ + ": " + what(action) + ": " + reason);
}

void Table::read_as(hid_t type, hsize_t first, hsize_t n, void* out, const char* action) const {
    if (n == 0) return;
    if (first + n > rows_) throw std::out_of_range(file_name_ + ": " + what("read past the end"));
    const std::string reason = try_read(type, first, n, out, H5P_DEFAULT);
    if (reason.empty() || !torn_chunk_ok_) {
        check_read(reason, action);
        return;
    }
    // Only the table's last chunk may be torn: rows an append has made visible (the extent
    // on disk) were written whole before it.
    const hsize_t last_chunk = chunk_start(rows_ - 1);
    if (first + n <= last_chunk) check_read(reason, action);
    const hsize_t tail = std::max(first, last_chunk);
    auto* bytes = static_cast<unsigned char*>(out);
    if (tail > first) check_read(try_read(type, first, tail - first, bytes, H5P_DEFAULT), action);
    const std::size_t size = H5Tget_size(type);
    check_read(try_read(type, tail, first + n - tail, bytes + (tail - first) * size, unchecked_.get()), action);
    read_torn_ = true;
}

void Table::read(hsize_t first, hsize_t n, void* out) const { read_as(row_type_.get(), first, n, out, "read rows"); }

void Table::read_column(const char* column, hsize_t first, hsize_t n, void* out) const {
    const h5::Datatype type = schema::column_type(*spec_, column);
    read_as(type.get(), first, n, out, "read column");
}

void Table::truncate(hsize_t n) {
    if (n >= rows_) return;
    if (torn_chunk_ok_) rewrite_rows_of_chunk_at(n);
    set_extent(n);
}

// Shrinking the extent fills the cut part of the chunk that holds the new end, reading it with
// its checksum checked; a torn one would fail there. Its rows before n are rewritten first,
// read and written unchecked, which gives it a checksum of its own.
void Table::rewrite_rows_of_chunk_at(hsize_t n) {
    const hsize_t start = chunk_start(n);
    if (start == n) return;  // the chunk lies wholly past n: shrinking drops it unread
    std::vector<unsigned char> rows((n - start) * spec_->row_size);
    read(start, n - start, rows.data());
    write_rows(start, n - start, rows.data(), "rewrite the rows of a torn chunk");
}

void Table::flush() { h5::check(H5Dflush(dataset_.get()), file_name_, what("flush")); }

}  // namespace perfmatrix
