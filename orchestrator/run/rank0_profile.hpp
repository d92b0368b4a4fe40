#pragma once
// Where rank 0's time goes, for bench/rank0_capacity.sh: with PERFMATRIX_RANK0_PROFILE=1 in its
// environment, `perfmatrix run` prints one line at the end with the seconds its main thread
// spent receiving results (MPI receive and decode), building records, handing out cases,
// writing the running-cases file and printing progress, the rest of the run loop being its
// waits; the seconds the commit thread spent committing to HDF5 (commit_thread.hpp); and the
// CPU seconds of the process, of its main thread and of the commit thread, from the profile's
// making to the summary.
// Off, a section costs one branch: no clock is read.

#include <array>
#include <chrono>
#include <cstdlib>
#include <string>

namespace perfmatrix {

class Rank0Profile {
public:
    enum Part { receive, record, hand_out, running_file, progress, parts, loop = parts };

    Rank0Profile()
        : on_(enabled()), cpu_at_start_(on_ ? cpu_seconds() : 0), main_cpu_at_start_(on_ ? main_cpu_seconds() : 0) {}

    // Adds the time until it is destroyed to `part`.
    class Section {
    public:
        Section(Rank0Profile& p, Part part) : p_(p.on_ ? &p : nullptr), part_(part) {
            if (p_) start_ = std::chrono::steady_clock::now();
        }
        ~Section() {
            if (p_)
                p_->seconds_[part_] += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        }
        Section(const Section&) = delete;
        Section& operator=(const Section&) = delete;

    private:
        Rank0Profile* p_;
        Part part_;
        std::chrono::steady_clock::time_point start_{};
    };

    Section time(Part part) { return Section(*this, part); }
    // A commit of `cases` cases: the summary gives the mean group.
    void committed(std::size_t cases) {
        ++groups_;
        grouped_ += cases;
    }
    bool on() const { return on_; }
    // "rank 0 profile (...): receive 0.412 s (21%), ..."; "" when off. The commit thread's
    // seconds and CPU seconds come from it.
    std::string summary(double commit_seconds, double commit_cpu_seconds) const;

private:
    static double cpu_seconds();       // user + system, of this process
    static double main_cpu_seconds();  // of the calling thread
    static bool enabled() {
        const char* v = std::getenv("PERFMATRIX_RANK0_PROFILE");
        return v != nullptr && std::string(v) == "1";
    }

    bool on_;
    double cpu_at_start_;
    double main_cpu_at_start_;
    std::array<double, parts + 1> seconds_{};  // the parts, then the whole loop
    std::size_t groups_ = 0, grouped_ = 0;     // commits, and the cases in them
};

}  // namespace perfmatrix
