#pragma once
// Reads a results file back into records (schema: docs/results.md).

#include "measure/model/records.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace perfmatrix {

// Committed cases only (orphan rows of a crashed writer are left out), with their axes,
// samples, environment and components, in commit order. A file of another schema version is
// refused. A file whose writer was killed is recovered first (its HDF5 status
// flags cleared, which needs write permission); a file being written right now is read as far
// as it is committed. *note (when not null) gets one line saying either, or "".
// Throws std::runtime_error naming the file when it cannot be read.
Results read_results(const std::filesystem::path& file, std::string* note);

// The samples of each case of a file that read_results_by_case opened, read one case at a time.
// A file of 100 M samples takes ~9 GB as records, but its analysis needs one case's at a time per
// thread: `report` and `compare` read a file this way (docs/comparing.md, "Scale").
// The file stays open (read-only) while this lives.
class CaseSamples {
public:
    struct State;
    explicit CaseSamples(std::unique_ptr<State> state);
    ~CaseSamples();
    CaseSamples(const CaseSamples&) = delete;
    CaseSamples& operator=(const CaseSamples&) = delete;

    // The record `c` (one that read_results_by_case returned, or a copy) with its samples and
    // the metrics they name, exactly as read_results returns it. Checks the rows as read_results
    // does, so a damaged file throws here (std::runtime_error naming the file) rather than when
    // it was opened. Safe from several threads: the reads take turns (HDF5 here is not
    // thread-safe), the conversion does not.
    CaseRecord load(const CaseRecord& c) const;

private:
    std::unique_ptr<State> state_;
};

struct ResultsByCase {
    // As read_results returns them, except that every case's `samples` is empty and its
    // `metrics` are only those its components name: samples.load(case) gives the rest.
    Results results;
    std::shared_ptr<const CaseSamples> samples;
};

// read_results without reading the samples: the same checks, the same note, the same records
// otherwise. Its memory grows with the number of cases, not of samples.
ResultsByCase read_results_by_case(const std::filesystem::path& file, std::string* note);

}  // namespace perfmatrix
