#pragma once
// Opening a run's results file: a new one with the plan's metadata, or one resumed with the
// share, seed, settings and selection it was started with. The job's cases are selected, shared
// and overridden here, in the order that matters, before anything is handed out.

#include "orchestrator/job/job.hpp"
#include "orchestrator/run/array_split.hpp"
#include "orchestrator/run/run_options.hpp"
#include "results/results_writer.hpp"

#include <map>
#include <string>

namespace perfmatrix {

// Each case's place in the whole expanded job, by id: take it before open_results keeps a share.
std::map<std::string, int> plan_indices(const Job& job);

// Creates or resumes opt.output for `job` and plans the job's cases for this run. Throws
// JobError for a file that does not fit the request; `recovery_note` tells what a resume repaired.
ResultsWriter open_results(const RunOptions& opt, Job& job, const ArrayShare& share, std::string* recovery_note);

}  // namespace perfmatrix
