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
//
// A case may need a library preloaded (memory_alloc with jemalloc or tcmalloc: see
// workers/memory/allocator_preload.hpp). Then this process re-executes itself once with
// LD_PRELOAD naming it, before running anything.

#include "workers/case_json.hpp"
#include "workers/memory/allocator_preload.hpp"
#include "workers/runner.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>
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

perfmatrix::Case read_case(const char* case_path) {
    std::ifstream in(case_path);
    std::stringstream text;
    text << in.rdbuf();
    return perfmatrix::case_from_json(nlohmann::json::parse(text.str()));
}

// Re-executes this program with `library` added to LD_PRELOAD, unless it is there already
// (so this happens at most once). Returns only if exec fails; the runner then finds the
// library missing and says so.
void reexec_with_preload(char** argv, const std::string& library) {
    const char* current = std::getenv("LD_PRELOAD");
    if (perfmatrix::preload_names(current, library)) return;
    const std::string value = library + (current && *current ? std::string(":") + current : std::string());
    std::vector<std::string> env_text{"LD_PRELOAD=" + value};
    for (char** e = environ; *e; ++e) {
        if (std::string_view(*e).rfind("LD_PRELOAD=", 0) != 0) env_text.emplace_back(*e);
    }
    std::vector<char*> env;
    for (auto& text : env_text) env.push_back(text.data());
    env.push_back(nullptr);
    execve("/proc/self/exe", argv, env.data());
}

void preload_if_needed(char** argv) {
    std::optional<std::string> library;
    try {
        library = perfmatrix::preload_for(read_case(argv[1]));
    } catch (const std::exception&) {
        return;  // an unreadable case is reported by run_case
    }
    if (library) reexec_with_preload(argv, *library);
}

perfmatrix::CaseOutcome run_case(const char* case_path) {
    using namespace perfmatrix;
    const Case c = read_case(case_path);
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
    preload_if_needed(argv);
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
