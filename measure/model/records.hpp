#pragma once
// Rows of the results file, as C++ values. results/schema.hpp maps them to HDF5.

#include "measure/model/case.hpp"
#include "measure/model/host_info.hpp"
#include "measure/model/kind.hpp"
#include "measure/model/sample.hpp"

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
    // (case, round) units planned per benchmark, in job order, so `perfmatrix status` can say
    // what is left.
    std::vector<std::pair<std::string, std::int64_t>> planned_per_benchmark;
    // Rounds (docs/job-files.md, "Rounds"): `--rounds` when it overrode the job's settings (0: it did not),
    // the seed of the order the (case, round) units run in, and how many units are planned.
    // --resume refuses another round count or seed.
    int rounds_override = 0;
    std::uint64_t seed = 0;
    std::int64_t planned_units = 0;
    // The other command-line settings (--repetitions, --warmup, --sample-time, --timeout) as a
    // JSON object, and the selection (-k, --benchmark, --category) the run planned, as one too;
    // "" when none. --resume keeps both and refuses others.
    std::string settings_override;
    std::string selection;
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

// One round of a case: an independent measurement process, one row of `cases` in the file.
struct RoundRecord {
    int round = 0;
    std::string status;
    std::string reason;
    int rank = -1;  // -1 when no rank ran it (unschedulable, skipped)
    int node = -1;
    std::string host;
    int invocation = 0;
    double started = 0, ended = 0;  // unix seconds
};

// A case. The writer stores one round at a time (round, rank, node ... say which); the reader
// hands back one record per case with every committed round in `rounds` (in round order), the
// rounds' samples and components together (Sample::round tells them apart), and the case's
// status, reason, rank, host and times summarised from its rounds (case_summary.hpp).
struct CaseRecord {
    std::string case_id;
    std::string benchmark;
    std::string kind;
    // The case's category (startup, compute, ...). Empty in a record built by hand: then the
    // writer and analysis take category_of(kind, environment).
    std::string category;
    std::string status;
    std::string reason;
    int round = 0;
    // Its place in the expanded job (`perfmatrix plan`'s order, the whole job's even in a share of
    // --array-split): rounds commit in a random order, and readers put cases back in this one.
    // -1: unknown (a record built by hand).
    int plan_index = -1;
    int rank = -1;  // -1 when no rank ran it (unschedulable)
    int node = -1;
    std::string host;
    int invocation = 0;
    double started = 0, ended = 0;  // unix seconds
    std::vector<AxisValue> axes;
    std::vector<Sample> samples;
    // What produced this case's numbers beyond its rank's environment, in the runner's order.
    std::vector<std::pair<std::string, std::string>> environment;
    std::vector<ComponentSample> components;  // samples of parts of the case (e.g. per module)
    std::vector<RoundRecord> rounds;          // filled by the reader; ignored by the writer
    // How its metrics read (unit, direction, headline), as the file describes them: the reader
    // fills it with those its samples and components use. The writer stores these where given,
    // else what the kind declares (describe_metric).
    std::vector<MetricSpec> metrics;
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
