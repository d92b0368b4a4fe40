#pragma once
// Rows of the results file, as C++ values. results/schema.hpp maps them to HDF5.

#include "workers/case.hpp"
#include "workers/host_info.hpp"
#include "workers/sample.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

// Written once, when the file is created.
struct RunMeta {
    std::string job_path;
    std::string job_text;
    std::string job_hash;  // sha-256 hex of job_text; --resume refuses another job
    std::string tool_version;
    int planned_cases = 0;
    // The share of a job array this file holds (`perfmatrix run --array-split N`): split 1 is
    // the whole job; index -1 marks a file merged from shares (`perfmatrix merge`).
    int array_split = 1;
    int array_index = 0;
    // Cases planned per benchmark, in job order, so `perfmatrix status` can say what is left.
    // Empty for files written before it was recorded.
    std::vector<std::pair<std::string, std::int64_t>> planned_per_benchmark;
};

// One row per `perfmatrix run` on the file: the first run and each --resume.
struct InvocationRecord {
    int invocation = 0;
    double started = 0, ended = 0;  // unix seconds; ended 0 while running
    std::string status;             // running | completed | interrupted | killed | failed
    std::string command_line;
    std::string tool_version;
    std::string git_describe;
    std::string host;
    int mpi_size = 1;
};

struct RankRecord {
    int invocation = 0;
    int rank = 0;
    int node = 0;  // ranks with equal node share a machine (MPI shared-memory split)
    HostInfo info;
};

struct CaseRecord {
    std::string case_id;
    std::string benchmark;
    std::string kind;
    std::string status;
    std::string reason;
    int rank = -1;  // -1 when no rank ran it (unschedulable)
    std::string host;
    int invocation = 0;
    double started = 0, ended = 0;  // unix seconds
    std::vector<AxisValue> axes;
    std::vector<Sample> samples;
    // What produced this case's numbers beyond its rank's environment, in the runner's order.
    std::vector<std::pair<std::string, std::string>> environment;
    std::vector<ComponentSample> components;  // samples of parts of the case (e.g. per module)
};

struct Results {
    RunMeta meta;
    int schema_version = 0;
    std::vector<InvocationRecord> invocations;
    std::vector<RankRecord> ranks;
    std::vector<CaseRecord> cases;  // committed cases only, with all their rows
    bool writer_active = false;     // a running perfmatrix was writing the file when it was read
};

}  // namespace perfmatrix
