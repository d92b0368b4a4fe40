#include "results/metric_index.hpp"

#include "results/rows.hpp"

#include <limits>
#include <stdexcept>

namespace perfmatrix {

MetricIndex MetricIndex::from_table(const Table& metrics) {
    MetricIndex index;
    for (const auto& row : metrics.read_rows<schema::MetricRow>(0, metrics.rows())) {
        MetricName name = from_row(row);
        // A pair stored twice (possible only in a damaged file) keeps its first row.
        index.rows_.try_emplace(Key{std::move(name.metric), std::move(name.unit)}, index.size_);
        ++index.size_;
    }
    return index;
}

std::int32_t MetricIndex::row_of(std::string_view metric, std::string_view unit) {
    if (const auto found = rows_.find(View{metric, unit}); found != rows_.end()) return found->second;
    const std::int32_t row = add_stored(to_metric_row(std::string(metric), std::string(unit)));
    rows_.try_emplace(Key{std::string(metric), std::string(unit)}, row);
    return row;
}

// The row of a pair as it is stored, appending it when new.
std::int32_t MetricIndex::add_stored(const schema::MetricRow& row) {
    MetricName stored = from_row(row);
    if (const auto found = rows_.find(View{stored.metric, stored.unit}); found != rows_.end()) return found->second;
    if (size_ == std::numeric_limits<std::int32_t>::max())
        throw std::length_error("results file: more distinct (metric, unit) pairs than a metrics row index holds");
    rows_.try_emplace(Key{std::move(stored.metric), std::move(stored.unit)}, size_);
    new_rows_.push_back(row);
    return size_++;
}

std::vector<schema::MetricRow> MetricIndex::take_new_rows() {
    std::vector<schema::MetricRow> out;
    out.swap(new_rows_);
    return out;
}

}  // namespace perfmatrix
