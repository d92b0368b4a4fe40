#include "analysis/stats/measured_samples.hpp"

#include "analysis/stats/round_samples.hpp"
#include "analysis/stats/sorted_values.hpp"
#include "analysis/view/case_metrics.hpp"

#include <algorithm>

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
        std::vector<double> sorted = sorted_values(values);
        // One round (and no zero, whose sign two sorts may order differently): its sorted values
        // are the pooled ones, so the second sort of every value is skipped.
        const bool one_round = std::all_of(c.samples.begin(), c.samples.end(),
                                           [&](const Sample& s) { return s.round == c.samples.front().round; });
        auto rounds = one_round && (sorted.front() > 0 || sorted.back() < 0) ? std::vector<std::vector<double>>{sorted}
                                                                             : measured_by_round(c, metric);
        auto medians = round_medians(rounds);
        entry->samples = {std::move(sorted), values.front(), std::move(rounds), std::move(medians)};
    });
    return entry->samples;
}

}  // namespace perfmatrix
