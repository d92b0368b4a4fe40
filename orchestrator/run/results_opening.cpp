#include "orchestrator/run/results_opening.hpp"

#include "orchestrator/job/job_error.hpp"
#include "orchestrator/job/job_selection.hpp"
#include "orchestrator/job/overrides.hpp"
#include "orchestrator/run/round_plan.hpp"
#include "orchestrator/run/running_cases.hpp"
#include "orchestrator/version.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

// Units per benchmark, in job order: `perfmatrix status` counts what is left from it.
std::vector<std::pair<std::string, std::int64_t>> planned_per_benchmark(const Job& job) {
    std::vector<std::pair<std::string, std::int64_t>> planned;
    for (const Case& c : job.cases) {
        if (planned.empty() || planned.back().first != c.benchmark) planned.emplace_back(c.benchmark, 0);
        planned.back().second += c.settings.rounds;
    }
    return planned;
}

// A resumed file keeps the order it was started with: another seed would run the rest in an
// order nobody can replay.
void check_same_seed(const ResultsWriter& results, const RunOptions& opt) {
    const RunMeta& m = results.meta();
    if (opt.seed && *opt.seed != m.seed)
        throw JobError(opt.output, 0, 0,
                       fmt::format("--resume: the file was started with --seed {}, this run asks for --seed {}; "
                                   "resume without --seed, or start a new file",
                                   m.seed, *opt.seed));
}

// A file holds one share of a job array: resuming it as another share would mix two plans.
void check_same_share(const ResultsWriter& results, const RunOptions& opt, const ArrayShare& share) {
    const RunMeta& m = results.meta();
    if (m.array_split == share.count && m.array_index == share.index) return;
    const auto describe = [](int split, int index) {
        if (index < 0) return fmt::format("merged from the shares of --array-split {}", split);
        return split == 1 ? std::string("the whole job (no --array-split)")
                          : fmt::format("share {} of --array-split {}", index, split);
    };
    throw JobError(opt.output, 0, 0,
                   fmt::format("--resume: the file holds {}, this run asks for {}; resume with the same split",
                               describe(m.array_split, m.array_index), describe(share.count, share.index)));
}

// Keeps only this share's cases (in their order): everything after this sees a smaller job.
void keep_share(Job& job, const ArrayShare& share) {
    if (share.count == 1) return;
    std::vector<Case> kept;
    for (std::size_t k : cases_of_share(job.cases.size(), share)) kept.push_back(std::move(job.cases[k]));
    job.cases = std::move(kept);
}

void refuse_job_as_output(const RunOptions& opt) {
    std::error_code ec;
    if (fs::equivalent(opt.output, opt.job_path, ec))
        throw JobError(opt.output, 0, 0,
                       "-o names the job file itself; the results go to another file (e.g. -o "
                       "results.h5)");
}

bool resuming(const RunOptions& opt) { return opt.resume && fs::exists(opt.output); }

// The cases this run plans, in the order that matters: the selection first (a share of a job
// array is a share of what is selected), then the share, then the settings.
void plan_cases(Job& job, const ArrayShare& share, const SettingOverrides& settings, const Selection& selection) {
    keep_selected(job, selection);
    if (job.missing_environments) throw *job.missing_environments;
    keep_share(job, share);
    apply_overrides(job, settings);
}

// An existing file continued with the settings and selection it was started with.
ResultsWriter resume_results(const RunOptions& opt, Job& job, const ArrayShare& share, std::string* recovery_note) {
    ResultsWriter results = ResultsWriter::resume(opt.output, job.hash, recovery_note);
    check_same_share(results, opt, share);
    check_same_seed(results, opt);
    const RunMeta& m = results.meta();
    plan_cases(job, share, resumed_overrides(m, opt.settings, opt.output),
               resumed_selection(m.selection, opt.selection, opt.output));
    return results;
}

ResultsWriter create_results(const RunOptions& opt, Job& job, const ArrayShare& share) {
    const fs::path out = opt.output;
    plan_cases(job, share, opt.settings, opt.selection);
    if (fs::exists(out)) {
        if (!opt.overwrite)
            throw JobError(opt.output, 0, 0,
                           "results file exists; use --resume to continue it or --overwrite to replace it");
        require_replaceable(out);
        fs::remove(out);
    }
    RunMeta meta;
    meta.job_path = job.path;
    meta.job_text = job.text;
    meta.job_hash = job.hash;
    meta.tool_version = tool_version;
    meta.planned_cases = static_cast<int>(job.cases.size());
    meta.array_split = share.count;
    meta.array_index = share.index;
    meta.planned_per_benchmark = planned_per_benchmark(job);
    record_overrides(opt.settings, meta);
    meta.selection = opt.selection.to_json();
    meta.seed = opt.seed ? *opt.seed : fresh_seed();
    meta.planned_units = static_cast<std::int64_t>(all_units(job.cases).size());
    return ResultsWriter::create(out, meta);
}

}  // namespace

// Each case's place in the whole expanded job, by id, taken before keep_share: a file of one
// share, and a merge of shares, keep the whole job's order.
std::map<std::string, int> plan_indices(const Job& job) {
    std::map<std::string, int> plan;
    for (std::size_t i = 0; i < job.cases.size(); ++i) plan.emplace(job.cases[i].id, static_cast<int>(i));
    return plan;
}

ResultsWriter open_results(const RunOptions& opt, Job& job, const ArrayShare& share, std::string* recovery_note) {
    refuse_job_as_output(opt);
    return resuming(opt) ? resume_results(opt, job, share, recovery_note) : create_results(opt, job, share);
}

}  // namespace perfmatrix
