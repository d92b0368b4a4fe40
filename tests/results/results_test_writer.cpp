// Test-only writer: creates (or with --resume continues) a results file and commits fixture
// cases 0..CASES-1 that it does not hold yet, printing each case id on stdout once
// commit_case has returned. The crash test SIGKILLs it mid-loop; the ctest fixtures use it to
// make a file for h5dump and check_results.py.
//
//   results_test_writer FILE CASES SAMPLES [--resume] [--replace] [--vanish] [--group N]
//
// --group N: commit N cases at a time with commit_cases (as rank 0 does under load), printing
// their ids once the group has returned.
// --vanish: exit right after the last commit, without closing the file, as a writer killed
// between two cases leaves it (HDF5's status flags set, the invocation still running).

#include "results/results_writer.hpp"
#include "tests/results/fixture_cases.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

using namespace perfmatrix;

namespace {

struct Options {
    std::string file;
    int cases = 0;
    int samples = 0;
    bool resume = false;
    bool replace = false;
    bool vanish = false;
    int group = 1;
};

Options parse(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s FILE CASES SAMPLES [--resume] [--replace] [--vanish] [--group N]\n", argv[0]);
        std::exit(2);
    }
    Options o{argv[1], std::atoi(argv[2]), std::atoi(argv[3])};
    for (int i = 4; i < argc; ++i) {
        const std::string flag = argv[i];
        o.resume |= flag == "--resume";
        o.replace |= flag == "--replace";
        o.vanish |= flag == "--vanish";
        if (flag == "--group" && i + 1 < argc) o.group = std::max(1, std::atoi(argv[++i]));
    }
    return o;
}

// write(2), not stdio: a line printed is a line the killing test can see, with no buffer
// in between that dies with us.
void announce(const std::string& id) {
    const std::string line = id + "\n";
    if (::write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size())) std::abort();
}

ResultsWriter open(const Options& o) {
    if (!o.resume) {
        if (o.replace) std::remove(o.file.c_str());
        return ResultsWriter::create(o.file, test::fixture_meta());
    }
    std::string note;
    ResultsWriter w = ResultsWriter::resume(o.file, test::fixture_meta().job_hash, &note);
    if (!note.empty()) std::fprintf(stderr, "%s\n", note.c_str());
    return w;
}

}  // namespace

int main(int argc, char** argv) try {
    const Options o = parse(argc, argv);
    ResultsWriter w = open(o);
    const auto done = w.committed_case_ids();
    const int invocation = w.begin_invocation(test::fixture_invocation());
    for (int rank = 0; rank < 2; ++rank) {
        RankRecord r = test::fixture_rank(rank);
        r.invocation = invocation;
        w.add_rank(r);
    }
    std::vector<CaseRecord> group;
    const auto commit_group = [&] {
        w.commit_cases(group);
        for (const CaseRecord& c : group) announce(c.case_id);
        group.clear();
    };
    for (int i = 0; i < o.cases; ++i) {
        CaseRecord c = test::fixture_case(i, o.samples);
        if (done.count(c.case_id)) continue;
        c.invocation = invocation;
        group.push_back(std::move(c));
        if (static_cast<int>(group.size()) == o.group) commit_group();
    }
    if (!group.empty()) commit_group();
    if (o.vanish) std::_Exit(0);
    w.finish_invocation("completed", 1.8e9);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "results_test_writer: %s\n", e.what());
    return 1;
}
