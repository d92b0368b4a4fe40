// perfmatrix-measure CASE.json OUTCOME.json: runs one case and writes its outcome ("-" for
// either: standard input / output, to run a case by hand on any machine).
//
// Worker ranks run every case through this small process rather than in themselves. Linux
// starts a child's max RSS at the size of the address space it had before exec — its
// parent's — so a child measured from an MPI rank (or one holding libtorch) would report the
// rank's RSS, not its own. This process holds little, so the floor stays low. It also lets
// the measuring code run alone on any machine, without MPI or HDF5.
//
// SIGTERM/SIGINT cancel the case (its children are killed, the outcome says "interrupted");
// so does the death of the parent (PR_SET_PDEATHSIG), so a SIGKILLed worker leaves no child
// behind. It is the subreaper of everything the case starts (measure/system/orphans.hpp): what escapes
// the case's process group is killed when the case ends and counted in its environment
// (case.left_processes).
//
// A case may need a library preloaded (its kind's preload hook: memory_alloc with jemalloc or
// tcmalloc). Then this process re-executes itself once with LD_PRELOAD naming it, before
// running anything.

#include "measure/kind_registry.hpp"
#include "measure/model/case_json.hpp"
#include "measure/model/kind.hpp"
#include "measure/model/runner.hpp"
#include "measure/system/ld_preload.hpp"
#include "measure/system/orphans.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <vector>

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

std::string read_text(const char* path) {
    std::stringstream text;
    if (std::string_view(path) == "-") {
        text << std::cin.rdbuf();
    } else {
        std::ifstream in(path);
        if (!in) throw std::runtime_error(std::string("cannot read ") + path);
        text << in.rdbuf();
    }
    return text.str();
}

// Re-executes this program with `library` added to LD_PRELOAD, unless it is there already
// (so this happens at most once). A case read from standard input is handed over in a memfd,
// since the input is spent. Returns only if exec fails; the runner then finds the library
// missing and says so.
void reexec_with_preload(char** argv, const std::string& library, const std::string& case_text) {
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
    std::string case_path = argv[1];
    if (case_path == "-") {
        const int fd = memfd_create("perfmatrix-case", 0);  // no CLOEXEC: the new image reads it
        if (fd < 0 || write(fd, case_text.data(), case_text.size()) != static_cast<ssize_t>(case_text.size())) return;
        case_path = "/proc/self/fd/" + std::to_string(fd);
    }
    std::vector<char*> args{argv[0], case_path.data(), argv[2], nullptr};
    execve("/proc/self/exe", args.data(), env.data());
}

perfmatrix::CaseOutcome run_case(const perfmatrix::Case& c) {
    using namespace perfmatrix;
    auto runner = make_runner(c.kind);
    if (!runner) return {status::error, "perfmatrix-measure has no runner for kind '" + c.kind + "'", {}};
    RunContext ctx;
    ctx.should_stop = [] { return g_stop != 0; };
    return runner->run(c, ctx);
}

bool write_outcome(const char* path, const perfmatrix::CaseOutcome& outcome) {
    // replace: a stderr tail cut inside a UTF-8 character must not make the outcome unwritable.
    const std::string text = perfmatrix::outcome_to_json(outcome).dump(-1, ' ', false,
                                                                       nlohmann::json::error_handler_t::replace);
    if (std::string_view(path) == "-") {
        std::cout << text << '\n';
        return static_cast<bool>(std::cout.flush());
    }
    // Written to a temporary name and renamed: the reader sees the whole outcome or none.
    const std::string tmp = std::string(path) + ".tmp";
    {
        std::ofstream out(tmp);
        out << text;
        if (!out) return false;
    }
    return std::rename(tmp.c_str(), path) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: perfmatrix-measure CASE.json|- OUTCOME.json|-\n");
        return 2;
    }
    perfmatrix::Case c;
    try {
        const std::string text = read_text(argv[1]);
        c = perfmatrix::case_from_json(nlohmann::json::parse(text));
        const perfmatrix::Kind* kind = perfmatrix::find_kind(c.kind);
        if (kind && kind->preload) {
            if (auto library = kind->preload(c)) reexec_with_preload(argv, *library, text);
        }
    } catch (const std::exception& e) {
        return write_outcome(argv[2], {perfmatrix::status::error, std::string("unreadable case: ") + e.what(), {}}) ? 0
                                                                                                                    : 1;
    }
    install_handlers();
    const pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) g_stop = 1;  // the parent died before the line above
    // What escapes the case's process group (setsid) comes back here, to be swept below.
    const bool subreaper = perfmatrix::become_subreaper();

    perfmatrix::CaseOutcome outcome;
    try {
        outcome = run_case(c);
    } catch (const std::exception& e) {
        // A runner bug or a bad environment costs this case, not the run.
        outcome = {perfmatrix::status::error, e.what(), {}};
    }
    // Every child of this process belongs to the case, which is over: none may outlive it.
    if (const std::size_t left = perfmatrix::kill_all_children(); left > 0)
        outcome.environment.emplace_back("case.left_processes",
                                         std::to_string(left) + " still running when the case ended, killed");
    if (!subreaper) outcome.environment.emplace_back("case.left_processes", "unknown: the kernel refused a subreaper");
    return write_outcome(argv[2], outcome) ? 0 : 1;
}
