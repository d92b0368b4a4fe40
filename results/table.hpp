#pragma once
// One table of the results file: a 1-D chunked, extendible dataset of a compound row type.
// Internal to results/.

#include "results/h5_handles.hpp"
#include "results/schema.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

class Table {
public:
    // A new, empty table (the file must not be in SWMR mode yet).
    static Table create(hid_t file, const schema::TableSpec& spec, std::string file_name);
    // An existing table; throws if the file lacks it.
    static Table open(hid_t file, const schema::TableSpec& spec, std::string file_name);

    hsize_t rows() const { return rows_; }
    // Rows per chunk, as the file stores the table (a file written by another version may
    // differ from the schema's).
    hsize_t chunk_rows() const { return chunk_rows_; }
    const char* name() const { return spec_->name; }

    // Appends n rows laid out like spec.row_size-byte structs.
    void append(const void* rows, hsize_t n);
    // Replaces row `index` in place.
    void overwrite(hsize_t index, const void* row);
    // Reads rows [first, first+n) into out (n row structs).
    void read(hsize_t first, hsize_t n, void* out) const;
    // Reads one column of rows [first, first+n); out holds n values of that column.
    void read_column(const char* column, hsize_t first, hsize_t n, void* out) const;
    // A file its writer did not close (killed, or still writing) may hold one torn chunk per
    // table: HDF5 rewrites a partly filled chunk in place, so a crash or a read during that
    // write finds the committed rows' bytes unchanged but the chunk's checksum from another
    // write. With this on, a read that fails its checksum and reaches the table's last chunk
    // reads that chunk again unchecked (every earlier chunk must still pass), and writes
    // rewrite it with a fresh checksum. Off (the default): any mismatch is an error.
    void tolerate_torn_chunk(bool on) { torn_chunk_ok_ = on; }
    // Whether a read took the torn-chunk path.
    bool read_a_torn_chunk() const { return read_torn_; }
    // Cuts the table to n rows (not allowed in SWMR mode).
    void truncate(hsize_t n);
    // Pushes this table's data and metadata to the file (SWMR: makes rows visible, durable).
    void flush();

    template <class Row>
    std::vector<Row> read_rows(hsize_t first, hsize_t n) const {
        std::vector<Row> out(n);
        if (n > 0) read(first, n, out.data());
        return out;
    }
    template <class Row>
    Row read_row(hsize_t index) const {
        Row row{};
        read(index, 1, &row);
        return row;
    }

private:
    Table(const schema::TableSpec& spec, h5::Dataset dataset, std::string file_name);
    h5::Dataspace select(hsize_t first, hsize_t n) const;
    std::string try_read(hid_t type, hsize_t first, hsize_t n, void* out, hid_t transfer) const;
    void check_read(const std::string& reason, const char* action) const;
    void read_as(hid_t type, hsize_t first, hsize_t n, void* out, const char* action) const;
    hsize_t chunk_start(hsize_t row) const;
    void write_rows(hsize_t first, hsize_t n, const void* rows, const char* action);
    void rewrite_rows_of_chunk_at(hsize_t n);
    void set_extent(hsize_t n);
    std::string what(const char* action) const;

    const schema::TableSpec* spec_;
    h5::Dataset dataset_;
    h5::Datatype row_type_;
    std::string file_name_;
    hsize_t rows_ = 0;
    hsize_t chunk_rows_ = 1;
    bool torn_chunk_ok_ = false;
    mutable bool read_torn_ = false;
    h5::PropList unchecked_;  // transfer properties that skip checksum verification
};

}  // namespace perfmatrix
