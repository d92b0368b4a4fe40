#include "analysis/stats/measured_samples.hpp"

#include "analysis/stats/round_samples.hpp"
#include "analysis/stats/sorted_values.hpp"
#include "analysis/view/case_metrics.hpp"

namespace perfmatrix {

const MeasuredSamples& MeasuredCache::of(const CaseRecord& c, const std::string& metric) {
    Entry* entry = nullptr;
    {
        const std::lock_guard lock(mutex_);
        entry = &cache_[{&c, metric}];  // std::map: the entry stays where it is
    }
    std::call_once(entry->computed, [&] {
        const std::vector<double> values = measured_values(c, metric);
        if (values.empty()) return;
        auto rounds = measured_by_round(c, metric);
        auto medians = round_medians(rounds);
        entry->samples = {sorted_values(values), values.front(), std::move(rounds), std::move(medians)};
    });
    return entry->samples;
}

}  // namespace perfmatrix
