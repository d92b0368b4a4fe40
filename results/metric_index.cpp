#include "results/metric_index.hpp"

#include "results/rows.hpp"

#include <limits>
#include <stdexcept>

namespace perfmatrix {

MetricIndex MetricIndex::from_table(const Table& metrics) {
    MetricIndex index;
    for (const auto& row : metrics.read_rows<schema::MetricRow>(0, metrics.rows())) {
        MetricSpec m = from_row(row);
        // A metric stored twice (possible only in a damaged file) keeps its first row.
        index.rows_.try_emplace(Key{std::move(m.name), std::move(m.unit), m.better, m.headline}, index.size_);
        ++index.size_;
    }
    return index;
}

std::int32_t MetricIndex::row_of(const MetricSpec& metric) {
    const View wanted{metric.name, metric.unit, metric.better, metric.headline};
    if (const auto found = rows_.find(wanted); found != rows_.end()) return found->second;
    const std::int32_t row = add_stored(to_metric_row(metric));
    rows_.try_emplace(Key{metric.name, metric.unit, metric.better, metric.headline}, row);
    return row;
}

// The row of a pair as it is stored, appending it when new.
std::int32_t MetricIndex::add_stored(const schema::MetricRow& row) {
    MetricSpec stored = from_row(row);
    const View as_stored{stored.name, stored.unit, stored.better, stored.headline};
    if (const auto found = rows_.find(as_stored); found != rows_.end()) return found->second;
    if (size_ == std::numeric_limits<std::int32_t>::max())
        throw std::length_error("results file: more distinct metrics than a metrics row index holds");
    rows_.try_emplace(Key{std::move(stored.name), std::move(stored.unit), stored.better, stored.headline}, size_);
    new_rows_.push_back(row);
    return size_++;
}

std::vector<schema::MetricRow> MetricIndex::take_new_rows() {
    std::vector<schema::MetricRow> out;
    out.swap(new_rows_);
    return out;
}

}  // namespace perfmatrix
