#include "analysis/report/report.hpp"

#include "tests/support/text_lines.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <sstream>

namespace perfmatrix {
namespace {

using test::lines_of;

constexpr double t0 = 1764151200;  // 2025-11-26T10:00:00Z
const std::string py312 = "/root/.pyenv/versions/3.12.1/bin/python3";
const std::string py311 = "/root/.pyenv/versions/3.11.7/bin/python3";

std::vector<Sample> wall_times(const std::vector<double>& values) {
    std::vector<Sample> out;
    for (std::size_t i = 0; i < values.size(); ++i)
        out.push_back({"wall_time", "s", static_cast<int>(i), false, values[i]});
    return out;
}

CaseRecord make_case(std::string id, std::string benchmark, std::vector<AxisValue> axes, std::string case_status,
                     std::vector<Sample> samples, int invocation = 2) {
    CaseRecord c;
    c.case_id = std::move(id);
    c.benchmark = std::move(benchmark);
    c.kind = "spawn";
    c.status = std::move(case_status);
    c.rank = c.status == status::unschedulable ? -1 : 1;
    c.invocation = invocation;
    c.axes = std::move(axes);
    c.samples = std::move(samples);
    return c;
}

RankRecord make_rank(int invocation, int rank, std::string host, std::string governor) {
    RankRecord r;
    r.invocation = invocation;
    r.rank = rank;
    r.node = 0;
    r.info.host = std::move(host);
    r.info.cpu_model = "AMD EPYC 9R14 96-Core Processor";
    r.info.cores = 2;
    r.info.cpuset = "0-1";
    r.info.kernel = "Linux 4.4.0 x86_64";
    r.info.environment = {{"governor", std::move(governor)}, {"OPENBLAS_NUM_THREADS", "1"}};
    return r;
}

// Two benchmarks committed out of matrix order by two workers over two invocations (the
// first interrupted): a quiet case, a noisy one, one with 3 samples, a timeout, an
// unschedulable case, and a case that failed first and succeeded on --resume.
Results sample_results() {
    Results r;
    r.schema_version = 1;
    r.meta.job_path = "jobs/spawn.toml";
    r.meta.job_hash = "3f2a9c1b0d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeef";
    r.meta.tool_version = "0.1.0";
    r.meta.planned_cases = 8;
    r.invocations.push_back(
        {1, t0, t0 + 65, "interrupted", "perfmatrix run jobs/spawn.toml", "0.1.0", "v0.1.0-3-gabc1234", "login1", 2});
    r.invocations.push_back({2, t0 + 3600, t0 + 3723, "completed", "perfmatrix run --resume jobs/spawn.toml", "0.1.0",
                             "v0.1.0-3-gabc1234", "login1", 2});
    r.ranks.push_back(make_rank(1, 0, "node-old", "performance"));
    r.ranks.push_back(make_rank(2, 1, "node-b", "powersave"));
    r.ranks.back().info.environment.push_back({"OMP_NUM_THREADS", "4"});
    r.ranks.push_back(make_rank(2, 0, "node-a", "performance"));

    const auto py = [](const std::string& interp, const char* args) {
        return std::vector<AxisValue>{{"python", interp}, {"args", args}};
    };
    r.cases.push_back(make_case("spawn-true/fail-first", "spawn-true", {{"binary", "/bin/true"}}, status::nonzero_exit,
                                wall_times({0.777}), 1));
    // Quiet: the 5 s warm-up must not reach the statistics.
    std::vector<Sample> quiet = wall_times({0.0121, 0.0122, 0.0120, 0.0123, 0.0121, 0.0122});
    quiet.push_back({"wall_time", "s", 0, true, 5.0});
    r.cases.push_back(
        make_case("spawn-python/312-c", "spawn-python", py(py312, "-c pass"), status::ok, std::move(quiet)));
    r.cases.push_back(make_case("spawn-python/311-S", "spawn-python", py(py311, "-S -c pass"), status::ok,
                                wall_times({0.030, 0.031, 0.0305})));
    r.cases.push_back(make_case("spawn-python/312-S", "spawn-python", py(py312, "-S -c pass"), status::ok,
                                wall_times({0.010, 0.020, 0.010, 0.030, 0.012})));
    CaseRecord timeout = make_case("spawn-python/311-c", "spawn-python", py(py311, "-c pass"), status::timeout,
                                   wall_times({0.5, 0.6}));
    timeout.reason = "sample 3 exceeded 60 s\nstderr: Traceback (most recent call last):\n" + std::string(200, '.') +
                     "\nKeyboardInterrupt";
    r.cases.push_back(std::move(timeout));
    CaseRecord gpu = make_case("spawn-true/gpu", "spawn-true", {{"binary", "/opt/gpu-probe"}}, status::unschedulable,
                               {});
    gpu.reason = "no rank has capability gpu";
    r.cases.push_back(std::move(gpu));
    std::vector<Sample> ok_now = wall_times({0.0100, 0.0101, 0.0102, 0.0103, 0.0104});
    ok_now.push_back({"max_rss", "bytes", 0, false, 1536.0 * 1024});
    r.cases.push_back(
        make_case("spawn-true/fail-first", "spawn-true", {{"binary", "/bin/true"}}, status::ok, std::move(ok_now)));
    return r;
}

// The line that contains needle, or "" (so a failed lookup shows the needle in the message).
std::string line_with(const std::string& text, const std::string& needle) {
    for (const std::string& line : lines_of(text))
        if (line.find(needle) != std::string::npos) return line;
    return "";
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
    return n;
}

// The lines from the one starting with `start` up to the next blank line.
std::string block_from(const std::string& text, const std::string& start) {
    const auto begin = text.find("\n" + start);
    if (begin == std::string::npos) return "";
    const auto end = text.find("\n\n", begin + 1);
    return text.substr(begin + 1, end == std::string::npos ? std::string::npos : end - begin);
}

class ReportTest : public ::testing::Test {
protected:
    Results results = sample_results();
    std::string report = render_report(results, ReportSettings{});
};

TEST_F(ReportTest, HeaderNamesJobInvocationsRanksAndEnvironment) {
    EXPECT_NE(line_with(report, "job").find("jobs/spawn.toml (sha256 3f2a9c1b0d4e, tool 0.1.0, schema 1)"),
              std::string::npos)
        << report;
    const std::string first = line_with(report, "interrupted");
    EXPECT_NE(first.find("2025-11-26T10:00:00Z"), std::string::npos) << first;
    EXPECT_NE(first.find("2025-11-26T10:01:05Z"), std::string::npos) << first;
    EXPECT_NE(first.find("1m05s"), std::string::npos) << first;
    EXPECT_NE(first.find("v0.1.0-3-gabc1234"), std::string::npos) << first;
    EXPECT_NE(line_with(report, "completed").find("2m03s"), std::string::npos);

    EXPECT_NE(report.find("ranks of invocation 2"), std::string::npos);
    EXPECT_NE(line_with(report, "node-a").find("AMD EPYC 9R14"), std::string::npos);
    EXPECT_EQ(report.find("node-old"), std::string::npos) << "ranks of an older invocation";
    const std::string env = block_from(report, "environment");
    EXPECT_NE(env.find("governor=performance (rank 0); powersave (rank 1)"), std::string::npos) << env;
    EXPECT_NE(env.find("OPENBLAS_NUM_THREADS=1,"), std::string::npos) << env;
    EXPECT_NE(env.find("OMP_NUM_THREADS=(unset) (rank 0); 4 (rank 1)"), std::string::npos) << env;
    EXPECT_NE(line_with(report, "kernel").find("Linux 4.4.0 x86_64"), std::string::npos);
}

// Ranks of the latest invocation recorded their system settings (measure/system/system_state.hpp):
// rank 1's powersave CPUs and busy neighbour are warned of, rank 0's tuned machine is not,
// and rank 0 of the older invocation no longer counts.
TEST_F(ReportTest, WarnsOfUnstableSystemSettingsPerRank) {
    Results r = sample_results();
    const std::vector<std::pair<std::string, std::string>> tuned{{"system.cpus", "0-1"},
                                                                 {"system.governor", "performance x2"},
                                                                 {"system.load", "0.10 0.10 0.10"},
                                                                 {"system.top_cpu", "none above 5%"}};
    for (RankRecord& rr : r.ranks) {
        if (rr.invocation == 2 && rr.rank == 1) {
            rr.info.environment.push_back({"system.cpus", "0-1"});
            rr.info.environment.push_back({"system.governor", "powersave x2"});
            rr.info.environment.push_back({"system.top_cpu", "pid 4242 stress 97%"});
        } else if (rr.invocation == 1) {
            rr.info.environment.push_back({"system.governor", "ondemand x2"});
        } else {
            for (const auto& kv : tuned) rr.info.environment.push_back(kv);
        }
    }
    const std::string text = render_report(r, ReportSettings{});
    const std::string section = block_from(text, "system settings that make numbers unstable");
    EXPECT_NE(section.find(
                  "  rank 1 (node 0 node-b): governor powersave on 2 CPUs: frequencies vary; set performance\n"),
              std::string::npos)
        << text;
    EXPECT_NE(section.find("rank 1 (node 0 node-b): other processes were busy: pid 4242 stress 97%"), std::string::npos)
        << section;
    EXPECT_EQ(section.find("rank 0"), std::string::npos) << section;
    EXPECT_EQ(section.find("ondemand"), std::string::npos) << "an older invocation's rank";
    // The header lists the settings on their own line, not among the environment variables.
    EXPECT_NE(line_with(text, "system       ").find("governor=performance x2 (rank 0); powersave x2 (rank 1)"),
              std::string::npos)
        << text;
    EXPECT_EQ(block_from(text, "environment").find("system."), std::string::npos) << text;
}

TEST_F(ReportTest, NoSystemSectionWithoutRecordedSettings) {
    EXPECT_EQ(report.find("system settings"), std::string::npos) << report;
    EXPECT_EQ(line_with(report, "system       "), "") << report;
}

TEST_F(ReportTest, BenchmarksInOrderOfFirstAppearanceWithCasesInMatrixOrder) {
    const auto true_at = report.find("spawn-true: wall_time");
    const auto python_at = report.find("spawn-python: wall_time");
    ASSERT_NE(true_at, std::string::npos) << report;
    ASSERT_NE(python_at, std::string::npos) << report;
    EXPECT_LT(true_at, python_at);

    // Rows follow each axis's values in order of first appearance: 3.12.1 before 3.11.7,
    // "-c pass" before "-S -c pass".
    const std::vector<std::string> lines = lines_of(block_from(report, "spawn-python: wall_time"));
    ASSERT_GE(lines.size(), 6u) << report;
    EXPECT_NE(lines[1].find("python"), std::string::npos);
    EXPECT_NE(lines[1].find("args"), std::string::npos);
    EXPECT_EQ(lines[2].rfind("  3.12.1  -c pass ", 0), 0u) << lines[2];
    EXPECT_EQ(lines[3].rfind("  3.12.1  -S -c pass", 0), 0u) << lines[3];
    EXPECT_EQ(lines[4].rfind("  3.11.7  -c pass ", 0), 0u) << lines[4];
    EXPECT_EQ(lines[5].rfind("  3.11.7  -S -c pass", 0), 0u) << lines[5];
    EXPECT_NE(lines[4].find("timeout"), std::string::npos) << lines[4];
}

TEST_F(ReportTest, LongAxisValuesAreShortenedWithALegend) {
    EXPECT_EQ(count_of(report, "  python: /root/.pyenv/versions/…/bin/python3\n"), 1u) << report;
    EXPECT_EQ(report.find(py312), std::string::npos);
    EXPECT_EQ(report.find(py311), std::string::npos);
}

TEST_F(ReportTest, StatisticsUseMeasuredSamplesOfTheLatestRecord) {
    // Quiet case: median of 0.0120 .. 0.0123 (six values) = 12.15 ms; warm-up of 5 s left out.
    const std::string quiet = line_with(report, "3.12.1  -c pass");
    EXPECT_NE(quiet.find("  6  "), std::string::npos) << quiet;
    EXPECT_NE(quiet.find("12.15 ms"), std::string::npos) << quiet;
    EXPECT_EQ(report.find("5.000 s"), std::string::npos);
    // The case that failed in invocation 1 shows its invocation-2 record only.
    EXPECT_EQ(report.find("nonzero_exit"), std::string::npos) << report;
    EXPECT_EQ(report.find("777.0 ms"), std::string::npos);
}

TEST_F(ReportTest, GoldenTableForSpawnTrue) {
    // By hand: 10.0 .. 10.4 ms -> median 10.2 ms, |x - median| = .2,.1,0,.1,.2 -> MAD 0.1 ms,
    // q1 10.1, q3 10.3 -> IQR 0.2 ms, sd = 0.1 ms * sqrt(10/4) -> CV 0.158114/10.2 = 1.55 %.
    EXPECT_EQ(block_from(report, "spawn-true: wall_time"),
              "spawn-true: wall_time [s] (kind spawn, 2 cases)\n"
              "  binary          n    median       MAD       IQR       min       max     CV  status\n"
              "  /bin/true       5  10.20 ms  100.0 µs  200.0 µs  10.00 ms  10.40 ms  1.55%\n"
              "  /opt/gpu-probe  0         -         -         -         -         -      -  unschedulable\n")
        << report;
}

TEST_F(ReportTest, FailedAndUnschedulableCasesOneLineEach) {
    const std::string section = block_from(report, "failed, timed-out, skipped and unschedulable cases (2)");
    ASSERT_FALSE(section.empty()) << report;
    const std::string timeout = line_with(section, "spawn-python/311-c");
    EXPECT_NE(timeout.find("(python=3.11.7, args=-c pass)  timeout: sample 3 exceeded 60 s | stderr: "
                           "Traceback"),
              std::string::npos)
        << timeout;
    EXPECT_NE(timeout.find("…"), std::string::npos) << "long reason elided: " << timeout;
    EXPECT_NE(timeout.find("| KeyboardInterrupt"), std::string::npos) << "tail kept: " << timeout;
    EXPECT_LT(timeout.size(), 200u);
    EXPECT_NE(
        line_with(section, "spawn-true/gpu").find("(binary=/opt/gpu-probe)  unschedulable: no rank has capability gpu"),
        std::string::npos)
        << section;
}

TEST_F(ReportTest, NoiseWarningsNameCaseAndNumbers) {
    const std::string section = block_from(report, "noise warnings");
    ASSERT_FALSE(section.empty()) << report;
    // 10, 20, 10, 30, 12 ms: mean 16.4 ms, sd 8.649 ms (numpy: np.std(x, ddof=1)) -> CV 52.7 %.
    const std::string noisy = line_with(section, "spawn-python/312-S");
    EXPECT_NE(noisy.find("wall_time: CV 52.7% > 10.0%"), std::string::npos) << noisy;
    EXPECT_NE(noisy.find("median 12.00 ms"), std::string::npos) << noisy;
    EXPECT_NE(line_with(section, "spawn-python/311-S").find("only 3 samples (< 5)"), std::string::npos) << section;
    EXPECT_EQ(section.find("312-c"), std::string::npos) << "quiet case warned about";
    EXPECT_EQ(section.find("311-c"), std::string::npos) << "failed case is listed above instead";
}

TEST_F(ReportTest, SummaryCountsAndResumeHint) {
    EXPECT_NE(report.find("\n6 cases: 4 ok, 1 failed, 0 skipped, 1 unschedulable; 8 planned, 2 missing\n"),
              std::string::npos)
        << report;
    EXPECT_NE(line_with(report, "2 planned cases never finished")
                  .find("`perfmatrix run --resume jobs/spawn.toml -o <this results file>`"),
              std::string::npos)
        << report;

    ReportSettings named;
    named.results_path = "runs/r.h5";
    EXPECT_NE(render_report(results, named).find("`perfmatrix run --resume jobs/spawn.toml -o runs/r.h5`"),
              std::string::npos);

    results.meta.planned_cases = 6;
    const std::string complete = render_report(results, ReportSettings{});
    EXPECT_NE(complete.find("6 planned, 0 missing"), std::string::npos);
    EXPECT_EQ(complete.find("--resume"), std::string::npos);
}

TEST_F(ReportTest, MetricSelection) {
    const std::string all = render_report(results, ReportSettings{{}, true});
    EXPECT_NE(all.find("spawn-true: max_rss [bytes] (kind spawn, 2 cases)"), std::string::npos) << all;
    EXPECT_NE(line_with(all, "/bin/true       1").find("1.500 MiB"), std::string::npos) << all;
    EXPECT_EQ(report.find("max_rss"), std::string::npos);

    const std::string asked = render_report(results, ReportSettings{{"max_rss", "gflops"}});
    EXPECT_NE(asked.find("spawn-true: max_rss"), std::string::npos);
    EXPECT_EQ(asked.find("spawn-true: wall_time"), std::string::npos);
    EXPECT_NE(asked.find("spawn-true: no samples of gflops (metrics here: wall_time, max_rss)"), std::string::npos)
        << asked;
    EXPECT_NE(asked.find("spawn-python: no samples of max_rss, gflops (metrics here: wall_time)"), std::string::npos)
        << asked;
}

TEST_F(ReportTest, LongEnvironmentWrapsAndElides) {
    for (RankRecord& rr : results.ranks) {
        rr.info.environment.push_back({"PYTHONPATH", "/very/long/" + std::string(200, 'p') + "/end"});
        for (int i = 0; i < 12; ++i) rr.info.environment.push_back({"OMP_VAR_" + std::to_string(i), "value"});
    }
    const std::string block = block_from(render_report(results, ReportSettings{}), "environment");
    const std::vector<std::string> lines = lines_of(block);
    ASSERT_GE(lines.size(), 3u) << block;
    for (const std::string& line : lines) {
        EXPECT_LE(line.size(), 100u) << line;
        if (&line != &lines.front()) {
            EXPECT_EQ(line.rfind("             ", 0), 0u) << "continuation indented: " << line;
        }
    }
    const std::string path = line_with(block, "PYTHONPATH=/very/long/ppp");
    EXPECT_NE(path.find("…"), std::string::npos) << path;
    EXPECT_NE(path.find("ppp/end,"), std::string::npos) << path;
    EXPECT_NE(block.find("OMP_VAR_11=value,"), std::string::npos) << block;
}

// Each rank measured the spawn of a no-op when it started (measure/system/spawn_floor.hpp): the
// report gives it per host beside the first start-up benchmark, not in the environment line.
TEST_F(ReportTest, SpawnFloorFollowsTheFirstStartupBenchmark) {
    for (RankRecord& rr : results.ranks) {
        const char* floor = rr.invocation == 1 ? "0.0999000" : rr.rank == 0 ? "0.0004620" : "0.0005100";
        rr.info.environment.push_back({"measure.spawn_floor", floor});
    }
    RankRecord third = make_rank(2, 2, "node-a", "performance");
    third.info.environment.push_back({"measure.spawn_floor", "0.0004700"});
    results.ranks.push_back(third);
    const std::string text = render_report(results, ReportSettings{});
    const std::string line = line_with(text, "measurement floor");
    EXPECT_EQ(line,
              "measurement floor (spawn of a no-op, /bin/true): 466.0 µs on node-a (2 ranks, 462.0 µs - 470.0 µs); "
              "510.0 µs on node-b")
        << text;
    EXPECT_EQ(count_of(text, "measurement floor"), 1u) << text;
    const auto floor_at = text.find("measurement floor");
    EXPECT_LT(text.find("spawn-true: wall_time"), floor_at) << text;
    EXPECT_GT(text.find("spawn-python: wall_time"), floor_at) << text;
    EXPECT_EQ(block_from(text, "environment").find("spawn_floor"), std::string::npos) << text;
}

TEST_F(ReportTest, NoSpawnFloorLineWithoutARecordedFloor) {
    EXPECT_EQ(report.find("measurement floor"), std::string::npos) << report;
    // An unreadable value is no floor either.
    results.ranks.back().info.environment.push_back({"measure.spawn_floor", "fast"});
    EXPECT_EQ(render_report(results, ReportSettings{}).find("measurement floor"), std::string::npos);
}

TEST_F(ReportTest, NaNSamplesAreLeftOut) {
    CaseRecord& quiet = *std::find_if(results.cases.begin(), results.cases.end(),
                                      [](const CaseRecord& c) { return c.case_id == "spawn-python/312-c"; });
    quiet.samples.push_back({"wall_time", "s", 6, false, std::nan("")});
    const std::string row = line_with(render_report(results, ReportSettings{}), "3.12.1  -c pass");
    EXPECT_NE(row.find("  6  12.15 ms"), std::string::npos) << row;
}

TEST_F(ReportTest, RunningInvocationHasNoEndYet) {
    results.invocations.push_back(
        {3, t0 + 7200, 0, "running", "perfmatrix run --resume", "0.1.0", "v0.1.0-4-gdef5678", "login2", 1});
    const std::string running = line_with(render_report(results, ReportSettings{}), "login2");
    std::istringstream words(running);
    const std::vector<std::string> cells{std::istream_iterator<std::string>(words), {}};
    EXPECT_EQ(cells, (std::vector<std::string>{"3", "running", "2025-11-26T12:00:00Z", "-", "-", "1", "login2",
                                               "v0.1.0-4-gdef5678"}));
}

TEST(Report, EmptyResultsStillRender) {
    Results r;
    r.meta.planned_cases = 3;
    const std::string report = render_report(r, ReportSettings{});
    EXPECT_NE(report.find("invocations  none recorded"), std::string::npos) << report;
    EXPECT_NE(report.find("0 cases: 0 ok, 0 failed, 0 skipped, 0 unschedulable; 3 planned, 3 missing"),
              std::string::npos)
        << report;
}

// A python_workload case: `max_rss` (once per case) arrives before `time` (per sample).
CaseRecord python_case(std::string id, std::string python, double asyncio_s) {
    std::vector<Sample> samples{{"max_rss", "bytes", 0, false, 2e7}};
    for (int i = 0; i < 5; ++i) samples.push_back({"time", "s", i, false, 0.01 + 0.001 * i});
    CaseRecord c = make_case(std::move(id), "startup", {{"python", std::move(python)}}, status::ok, samples);
    c.kind = "python_workload";
    for (int i = 0; i < 5; ++i) {
        c.components.push_back({"asyncio", "import_cumulative", "s", i, false, asyncio_s});
        c.components.push_back({"asyncio", "depth", "count", i, false, 0});
        c.components.push_back({"asyncio.events", "import_cumulative", "s", i, false, asyncio_s / 2});
        c.components.push_back({"asyncio.events", "depth", "count", i, false, 1});
    }
    return c;
}

TEST(Report, AKindWithoutHeadlineMetricsGetsItsTimeTable) {
    Results r;
    r.cases = {python_case("startup/a", "3.10", 0.040), python_case("startup/b", "3.11", 0.030)};
    const std::string report = render_report(r, ReportSettings{});
    EXPECT_NE(report.find("startup: time [s] (kind python_workload, 2 cases)"), std::string::npos) << report;
    EXPECT_EQ(report.find("max_rss"), std::string::npos) << report;
}

TEST(Report, ComponentsShowTopLevelModulesPerCase) {
    Results r;
    r.cases = {python_case("startup/a", "3.10", 0.040), python_case("startup/b", "3.11", 0.030)};
    const std::string report = render_report(r, ReportSettings{});
    const std::string section = block_from(report, "startup: import_cumulative [s] per component");
    EXPECT_NE(section.find("3.10"), std::string::npos) << section;
    EXPECT_NE(section.find("3.11"), std::string::npos) << section;
    const std::string row = line_with(section, "asyncio");
    EXPECT_NE(row.find("40.00 ms"), std::string::npos) << row;
    EXPECT_NE(row.find("30.00 ms"), std::string::npos) << row;
    EXPECT_EQ(section.find("asyncio.events"), std::string::npos) << "imported by asyncio, not at top level";
}

}  // namespace
}  // namespace perfmatrix
