#include "tests/results/fixture_cases.hpp"

#include <fmt/format.h>

namespace perfmatrix::test {

RunMeta fixture_meta() {
    RunMeta m;
    m.job_path = "jobs/fixture.toml";
    m.job_text = "[[benchmark]]\nname = \"fixture\"\nkind = \"spawn\"\n";
    m.job_hash = "f1x7ure0000000000000000000000000000000000000000000000000000000000";
    m.tool_version = "0.1.0-test";
    m.planned_cases = 1000;
    return m;
}

InvocationRecord fixture_invocation() {
    InvocationRecord r;
    r.started = 1.7e9;
    r.command_line = "perfmatrix run jobs/fixture.toml";
    r.tool_version = "0.1.0-test";
    r.git_describe = "v0.1.0-3-gdeadbee";
    r.host = "fixture-host";
    r.mpi_size = 2;
    return r;
}

RankRecord fixture_rank(int rank) {
    RankRecord r;
    r.rank = rank;
    r.node = 0;
    r.info.host = "fixture-host";
    r.info.cpu_model = "Fixture CPU @ 1 GHz";
    r.info.cores = 2;
    r.info.cpuset = "0-1";
    r.info.cpuset_size = 2;
    r.info.kernel = "Linux 6.0 x86_64";
    r.info.load1 = 0.5;
    r.info.load5 = 0.25;
    r.info.load15 = 0.125;
    r.info.gpus = 0;
    r.info.gpu_source = "none";
    r.info.environment = {{"OMP_NUM_THREADS", "1"}, {"rank", std::to_string(rank)}};
    return r;
}

std::string fixture_case_id(int i) { return fmt::format("fixture/n={}", i); }

CaseRecord fixture_case(int i, int samples) {
    CaseRecord c;
    c.case_id = fixture_case_id(i);
    c.benchmark = "fixture";
    c.kind = "spawn";
    const bool failed = i % 3 == 2;
    c.status = failed ? "nonzero_exit" : "ok";
    c.reason = failed ? fmt::format("exit code {}", i) : "";
    c.rank = i % 2 + 1;
    c.host = "fixture-host";
    c.started = 1.7e9 + i;
    c.ended = 1.7e9 + i + 0.5;
    c.axes = {{"n", std::to_string(i)}, {"mode", i % 2 == 0 ? "even" : "odd"}};
    const int count = failed ? samples / 2 : samples;
    c.samples.push_back({"wall_time", "s", 0, true, i * 1e-3});
    for (int k = 0; k < count; ++k) c.samples.push_back({"wall_time", "s", k, false, i + k * 1e-6});
    // Not sorted by key: the order must survive.
    if (i % 3 != 0) c.environment.emplace_back("fixture.version", fmt::format("1.{}", i));
    if (i % 2 == 0) c.environment.emplace_back("OMP_NUM_THREADS", std::to_string(i % 4 + 1));
    for (int m = 0; m < i % 4; ++m) {
        const std::string module = fmt::format("pkg{}.mod{}", i, m);
        c.components.push_back({module, "import_self", "s", 0, true, i * 1e-4 + m});
        c.components.push_back({module, "import_self", "s", 0, false, i * 1e-5 + m});
    }
    return c;
}

}  // namespace perfmatrix::test
