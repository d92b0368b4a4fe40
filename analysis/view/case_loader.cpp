#include "analysis/view/case_loader.hpp"

#include "results/results_reader.hpp"

namespace perfmatrix {

CaseLoader samples_in_records() {
    // An aliasing pointer that owns nothing: the record outlives the analysis.
    return [](const CaseRecord& c) { return std::shared_ptr<const CaseRecord>(std::shared_ptr<void>{}, &c); };
}

CaseLoader samples_from(std::shared_ptr<const CaseSamples> samples) {
    return [samples = std::move(samples)](const CaseRecord& c) {
        return std::make_shared<const CaseRecord>(samples->load(c));
    };
}

CaseLoader or_in_records(const CaseLoader& load) { return load ? load : samples_in_records(); }

}  // namespace perfmatrix
