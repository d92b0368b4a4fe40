#include "results/table.hpp"

#include <stdexcept>

namespace perfmatrix {

Table::Table(const schema::TableSpec& spec, h5::Dataset dataset, std::string file_name)
    : spec_(&spec), dataset_(std::move(dataset)), row_type_(schema::row_type(spec)), file_name_(std::move(file_name)) {
    h5::Dataspace space(h5::check(H5Dget_space(dataset_.get()), file_name_, what("get extent")));
    if (H5Sget_simple_extent_ndims(space.get()) != 1)
        throw std::runtime_error(file_name_ + ": dataset '" + spec_->name + "' is not a 1-D table");
    H5Sget_simple_extent_dims(space.get(), &rows_, nullptr);
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

void Table::append(const void* rows, hsize_t n) {
    if (n == 0) return;
    const hsize_t first = rows_;
    set_extent(first + n);
    const h5::Dataspace file_space = select(first, n);
    const h5::Dataspace memory_space(h5::check(H5Screate_simple(1, &n, nullptr), file_name_, "create dataspace"));
    h5::check(H5Dwrite(dataset_.get(), row_type_.get(), memory_space.get(), file_space.get(), H5P_DEFAULT, rows),
              file_name_, what("append rows"));
}

void Table::overwrite(hsize_t index, const void* row) {
    if (index >= rows_) throw std::out_of_range(file_name_ + ": " + what("overwrite past the end"));
    const hsize_t one = 1;
    const h5::Dataspace file_space = select(index, one);
    const h5::Dataspace memory_space(h5::check(H5Screate_simple(1, &one, nullptr), file_name_, "create dataspace"));
    h5::check(H5Dwrite(dataset_.get(), row_type_.get(), memory_space.get(), file_space.get(), H5P_DEFAULT, row),
              file_name_, what("overwrite row"));
}

void Table::read(hsize_t first, hsize_t n, void* out) const {
    if (n == 0) return;
    if (first + n > rows_) throw std::out_of_range(file_name_ + ": " + what("read past the end"));
    const h5::Dataspace file_space = select(first, n);
    const h5::Dataspace memory_space(h5::check(H5Screate_simple(1, &n, nullptr), file_name_, "create dataspace"));
    h5::check(H5Dread(dataset_.get(), row_type_.get(), memory_space.get(), file_space.get(), H5P_DEFAULT, out),
              file_name_, what("read rows"));
}

void Table::read_column(const char* column, hsize_t first, hsize_t n, void* out) const {
    if (n == 0) return;
    if (first + n > rows_) throw std::out_of_range(file_name_ + ": " + what("read past the end"));
    const h5::Datatype type = schema::column_type(*spec_, column);
    const h5::Dataspace file_space = select(first, n);
    const h5::Dataspace memory_space(h5::check(H5Screate_simple(1, &n, nullptr), file_name_, "create dataspace"));
    h5::check(H5Dread(dataset_.get(), type.get(), memory_space.get(), file_space.get(), H5P_DEFAULT, out), file_name_,
              what("read column"));
}

void Table::truncate(hsize_t n) {
    if (n < rows_) set_extent(n);
}

void Table::flush() { h5::check(H5Dflush(dataset_.get()), file_name_, what("flush")); }

}  // namespace perfmatrix
