#pragma once
// Writes one run's results file (schema: docs/results.md). Crash-safe: the file is written
// in HDF5's SWMR mode, and commit_case (commit_cases) returns only once the case (every case of
// the group) is on disk: it survives the process being SIGKILLed; there is no fsync, so not a
// power cut. One thread uses a writer.

#include "measure/model/records.hpp"

#include <filesystem>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <utility>

namespace perfmatrix {

class ResultsWriter {
public:
    // A new file; throws if it already exists (use resume).
    static ResultsWriter create(const std::filesystem::path& file, const RunMeta& meta);

    // Reopens a file for `perfmatrix run --resume`: recovers it if its last writer was killed,
    // refuses it if it was written for another job (job_hash differs), drops orphan rows so
    // that rerun cases are not stored twice, and marks invocations left "running" as "killed".
    // *recovery_note (when not null) gets one line saying what was repaired, or "".
    static ResultsWriter resume(const std::filesystem::path& file, const std::string& job_hash,
                                std::string* recovery_note);

    ResultsWriter(ResultsWriter&&) noexcept;
    ResultsWriter& operator=(ResultsWriter&&) noexcept;
    ResultsWriter(const ResultsWriter&) = delete;
    ResultsWriter& operator=(const ResultsWriter&) = delete;
    // Closes the file. An invocation still open is recorded as "failed".
    ~ResultsWriter();

    const std::filesystem::path& path() const;
    const RunMeta& meta() const;

    // Every committed (case id, round), whatever its status: --resume skips them.
    std::set<std::pair<std::string, int>> committed_units() const;
    // Ids of the cases with at least one committed round.
    std::set<std::string> committed_case_ids() const;

    // Appends an invocation row with status "running" (record.status and record.invocation
    // are ignored) and returns its number: 0 for the first run, then 1, 2, ... per resume.
    int begin_invocation(InvocationRecord record);
    // Appends an invocation of another file as it was, status and times kept (perfmatrix merge),
    // and returns its number here. Not while an invocation is open.
    int copy_invocation(InvocationRecord record);
    // Records a rank of the open invocation, with its environment rows.
    void add_rank(const RankRecord& rank);
    // Stores one round of a case (c.round) with its axes, samples, environment and components;
    // durable when it returns. Throws if the case id is empty or longer than 256 bytes, or
    // that round of the case is already committed.
    void commit_case(const CaseRecord& c);
    // Stores a group of rounds, in order, as commit_case would one by one, but with one append
    // and one flush per table for the whole group: the cost of a commit is mostly its flushes,
    // so rank 0 commits the results that arrive together as one group. Durable when it returns.
    // Every check is made first (a round twice in the group is refused too), so a bad group
    // writes nothing; a crash inside it keeps a prefix of the group, each case whole or absent.
    void commit_cases(std::span<const CaseRecord> cases);
    // Closes the open invocation: status is completed, interrupted or failed.
    void finish_invocation(const std::string& status, double ended);

private:
    struct Impl;
    explicit ResultsWriter(std::unique_ptr<Impl> impl);
    Impl& impl() const;
    std::unique_ptr<Impl> impl_;
};

// What `run --overwrite` may delete: a perfmatrix results file that no running perfmatrix is
// writing (results/replaceable.cpp). Throws std::invalid_argument saying why not: a live writer,
// a file that is not HDF5, an HDF5 file without perfmatrix's schema_version. An HDF5 file that
// cannot be opened (a writer killed mid-write leaves its status flags set) counts as a results
// file: replacing such a file is what --overwrite is for.
void require_replaceable(const std::filesystem::path& file);

}  // namespace perfmatrix
