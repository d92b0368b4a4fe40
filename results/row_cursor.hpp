#pragma once
// Reads a table front to back in blocks, so that a reader holds a bounded number of rows in
// memory however large the file is. Internal to results/.

#include "results/table.hpp"

#include <algorithm>
#include <vector>

namespace perfmatrix {

template <class Row>
class RowCursor {
public:
    // Visits rows [0, end) of table.
    RowCursor(const Table& table, hsize_t end, hsize_t block_rows = 4096)
        : table_(&table), end_(end), block_rows_(block_rows) {}

    hsize_t position() const { return next_; }
    bool done() const { return next_ >= end_; }
    hsize_t remaining() const { return done() ? 0 : end_ - next_; }

    // The next row; valid until the following call. Call only while !done().
    const Row& next() {
        if (next_ >= block_first_ + block_size_) load_block();
        return block_[next_++ - block_first_];
    }

private:
    // Into the same buffer every time: a fresh one per block would be fresh pages from the
    // kernel each time, which cost more than reading the rows into them.
    void load_block() {
        block_first_ = next_;
        block_size_ = std::min(block_rows_, end_ - next_);
        if (block_.size() < block_size_) block_.resize(block_size_);
        table_->read(next_, block_size_, block_.data());
    }

    const Table* table_;
    hsize_t end_;
    hsize_t block_rows_;
    hsize_t next_ = 0;
    hsize_t block_first_ = 0;
    hsize_t block_size_ = 0;
    std::vector<Row> block_;
};

}  // namespace perfmatrix
