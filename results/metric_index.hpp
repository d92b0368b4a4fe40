#pragma once
// The writer's dictionary of (metric, unit) pairs: which row of `metrics` each pair is, and
// which pairs are new and still to be appended. Internal to results/.

#include "results/schema.hpp"
#include "results/table.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

class MetricIndex {
public:
    // Knows every row the table holds already (a resumed file's, orphans included: any row
    // is a valid entry, see schema::MetricRow).
    static MetricIndex from_table(const Table& metrics);

    // The row of (metric, unit). A pair not seen before gets the next row, held in new_rows()
    // until taken. Pairs that store alike (shortened to the column widths) share a row, as
    // they would read back alike anyway.
    std::int32_t row_of(std::string_view metric, std::string_view unit);

    // Rows handed out since the last call, in row order: append them before the samples
    // that name them.
    std::vector<schema::MetricRow> take_new_rows();

private:
    struct Key {
        std::string metric, unit;
    };
    struct View {
        std::string_view metric, unit;
    };
    // Heterogeneous, so that a lookup copies no strings (one per sample written).
    struct Less {
        using is_transparent = void;
        static View view(const Key& k) { return {k.metric, k.unit}; }
        static View view(const View& v) { return v; }
        template <class A, class B>
        bool operator()(const A& a, const B& b) const {
            const View x = view(a), y = view(b);
            return x.metric != y.metric ? x.metric < y.metric : x.unit < y.unit;
        }
    };

    std::int32_t add_stored(const schema::MetricRow& row);

    std::map<Key, std::int32_t, Less> rows_;  // by the values given and by the values stored
    std::int32_t size_ = 0;                   // rows in the table plus new ones
    std::vector<schema::MetricRow> new_rows_;
};

}  // namespace perfmatrix
