// What one helper command costs to start with Boost.Process 1.74: fork (its default) against
// use_vfork (what orchestrator/helpers/helper_command.cpp uses), from this process with a small
// heap and then with a large one touched, plus run_helper's whole run of /bin/true. Prints
// medians of the spawn call (bp::child's constructor: it returns once the child has exec'd) and
// of spawn + wait.
//
//   build/bench/helper_spawn [heap GiB, default 2] [samples, default 30]

#include "orchestrator/helpers/helper_command.hpp"

#include <boost/process/child.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/io.hpp>
#include <boost/process/posix.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace bp = boost::process;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Times {
    std::vector<double> spawn, total;
};

template <class... Extra>
Times boost_spawns(int samples, Extra&&... extra) {
    Times t;
    for (int i = 0; i < samples; ++i) {
        const auto begin = Clock::now();
        bp::child c(bp::exe = "/bin/true", bp::std_in<bp::null, bp::std_out> bp::null, extra...);
        const auto spawned = Clock::now();
        c.wait();
        t.spawn.push_back(ms(spawned - begin));
        t.total.push_back(ms(Clock::now() - begin));
    }
    return t;
}

std::vector<double> helper_runs(int samples) {
    std::vector<double> t;
    perfmatrix::HelperCommand command;
    command.argv = {"/bin/true"};
    for (int i = 0; i < samples; ++i) {
        const auto begin = Clock::now();
        const auto run = perfmatrix::run_helper(command);
        t.push_back(ms(Clock::now() - begin));
        if (!run.ok()) {
            fmt::print(stderr, "run_helper /bin/true: {}\n", run.failure(0));
            std::exit(1);
        }
    }
    return t;
}

void report(const char* heap, int samples) {
    // fork last: its children's exits tear down copies of the heap's page tables for a while
    // after, which slowed what ran next.
    const auto vfork = boost_spawns(samples, bp::posix::use_vfork);
    const auto helper = helper_runs(samples);
    const auto fork = boost_spawns(samples);
    fmt::print(
        "{:>10}  fork: spawn {:7.3f} ms, +wait {:7.3f} ms   use_vfork: spawn {:7.3f} ms, +wait {:7.3f} ms   "
        "run_helper: {:7.3f} ms\n",
        heap, median(fork.spawn), median(fork.total), median(vfork.spawn), median(vfork.total), median(helper));
}

}  // namespace

int main(int argc, char** argv) {
    const double gib = argc > 1 ? std::atof(argv[1]) : 2;
    const int samples = argc > 2 ? std::atoi(argv[2]) : 30;
    fmt::print("Boost.Process spawn of /bin/true, median of {} (ms)\n", samples);
    report("small heap", samples);
    const auto bytes = static_cast<std::size_t>(gib * (1 << 30));
    const std::unique_ptr<char[]> heap(new char[bytes]);
    std::memset(heap.get(), 1, bytes);  // touched: fork copies the page tables of mapped pages
    report(fmt::format("{} GiB", gib).c_str(), samples);
    return heap[bytes / 2] == 1 ? 0 : 1;
}
