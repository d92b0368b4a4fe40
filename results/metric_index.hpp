#pragma once
// The writer's dictionary of metrics (name, unit, direction, headline): which row of `metrics`
// each is, and which are new and still to be appended. Internal to results/.

#include "measure/model/kind.hpp"
#include "results/schema.hpp"
#include "results/table.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace perfmatrix {

class MetricIndex {
public:
    // Knows every row the table holds already (a resumed file's, orphans included: any row
    // is a valid entry, see schema::MetricRow).
    static MetricIndex from_table(const Table& metrics);

    // The row of a metric. One not seen before gets the next row, held in new_rows() until
    // taken. Metrics that store alike (shortened to the column widths) share a row, as they
    // would read back alike anyway. The same name and unit may have two rows: `time` is
    // python_workload's headline and not blas_gemm's.
    std::int32_t row_of(const MetricSpec& metric);

    // Rows handed out since the last call, in row order: append them before the samples
    // that name them.
    std::vector<schema::MetricRow> take_new_rows();

private:
    struct Key {
        std::string metric, unit;
        Better better;
        int headline;
    };
    struct View {
        std::string_view metric, unit;
        Better better;
        int headline;
    };
    // Heterogeneous, so that a lookup copies no strings (one per sample written).
    struct Less {
        using is_transparent = void;
        static View view(const Key& k) { return {k.metric, k.unit, k.better, k.headline}; }
        static View view(const View& v) { return v; }
        template <class A, class B>
        bool operator()(const A& a, const B& b) const {
            const View x = view(a), y = view(b);
            return std::tie(x.metric, x.unit, x.better, x.headline) < std::tie(y.metric, y.unit, y.better, y.headline);
        }
    };

    std::int32_t add_stored(const schema::MetricRow& row);

    std::map<Key, std::int32_t, Less> rows_;  // by the values given and by the values stored
    std::int32_t size_ = 0;                   // rows in the table plus new ones
    std::vector<schema::MetricRow> new_rows_;
};

}  // namespace perfmatrix
