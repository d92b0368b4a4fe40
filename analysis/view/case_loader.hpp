#pragma once
// How an analysis gets a case's samples: from the record itself (a file read whole, records
// built in a test) or from the file, one case at a time (results_reader.hpp, CaseSamples), so
// that `report` and `compare` of a file of 100 M samples hold a case's samples per thread, not
// the file's (docs/comparing.md, "Scale").

#include "measure/model/records.hpp"

#include <functional>
#include <memory>

namespace perfmatrix {

class CaseSamples;

// The record with its samples and the metrics they name: the record itself when it holds them,
// else a copy read for the caller, freed with the last pointer to it.
using CaseLoader = std::function<std::shared_ptr<const CaseRecord>(const CaseRecord&)>;

// For records that hold their samples: hands back the record itself.
CaseLoader samples_in_records();
// Reads each case from the file `samples` belongs to.
CaseLoader samples_from(std::shared_ptr<const CaseSamples> samples);
// `load`, or samples_in_records() when it is empty.
CaseLoader or_in_records(const CaseLoader& load);

}  // namespace perfmatrix
