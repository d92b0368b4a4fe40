// perfmatrix-measure CASE.json OUTCOME.json: runs one case and writes its outcome.
//
// Worker ranks run every case through this small process rather than in themselves. Linux
// starts a child's max RSS at the size of the address space it had before exec — its
// parent's — so a child measured from an MPI rank (or one holding libtorch) would report the
// rank's RSS, not its own. This process holds little, so the floor stays low. It also lets
// the measuring code run alone on any machine, without MPI or HDF5.
//
// SIGTERM/SIGINT cancel the case (its children are killed, the outcome says "interrupted");
// so does the death of the parent (PR_SET_PDEATHSIG), so a SIGKILLed worker leaves no child
// behind.

#include "workers/case_json.hpp"
#include "workers/runner.hpp"

#include <csignal>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/prctl.h>
#include <unistd.h>

namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_stop(int) { g_stop = 1; }

void install_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
}

perfmatrix::CaseOutcome run_case(const char* case_path) {
    using namespace perfmatrix;
    std::ifstream in(case_path);
    std::stringstream text;
    text << in.rdbuf();
    const Case c = case_from_json(nlohmann::json::parse(text.str()));
    auto runner = make_runner(c.kind);
    if (!runner) return {status::error, "perfmatrix-measure has no runner for kind '" + c.kind + "'", {}};
    RunContext ctx;
    ctx.should_stop = [] { return g_stop != 0; };
    return runner->run(c, ctx);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: perfmatrix-measure CASE.json OUTCOME.json\n");
        return 2;
    }
    install_handlers();
    const pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) g_stop = 1;  // the parent died before the line above

    perfmatrix::CaseOutcome outcome;
    try {
        outcome = run_case(argv[1]);
    } catch (const std::exception& e) {
        // A runner bug or a bad environment costs this case, not the run.
        outcome = {perfmatrix::status::error, e.what(), {}};
    }
    // Written to a temporary name and renamed: the reader sees the whole outcome or none.
    const std::string tmp = std::string(argv[2]) + ".tmp";
    {
        std::ofstream out(tmp);
        out << perfmatrix::outcome_to_json(outcome).dump();
        if (!out) return 1;
    }
    return std::rename(tmp.c_str(), argv[2]) == 0 ? 0 : 1;
}
