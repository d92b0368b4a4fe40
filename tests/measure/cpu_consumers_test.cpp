#include "measure/system/cpu_consumers.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

ProcStat proc(int pid, int ppid, std::string comm, unsigned long long ticks = 0) {
    return {pid, ppid, std::move(comm), ticks};
}

std::map<int, ProcStat> table(std::initializer_list<ProcStat> procs) {
    std::map<int, ProcStat> out;
    for (const ProcStat& p : procs) out[p.pid] = p;
    return out;
}

TEST(CpuConsumers, ParsesAStatLineWhoseCommHoldsSpacesAndParentheses) {
    const auto st = parse_proc_stat(
        "4321 (my (odd) name) R 17 4321 4321 0 -1 4194304 10 0 0 0 250 50 0 0 20 0 1 0 9 9 9");
    ASSERT_TRUE(st);
    EXPECT_EQ(st->pid, 4321);
    EXPECT_EQ(st->ppid, 17);
    EXPECT_EQ(st->comm, "my (odd) name");
    EXPECT_EQ(st->ticks, 300u);
}

TEST(CpuConsumers, RejectsATruncatedLine) {
    EXPECT_FALSE(parse_proc_stat("12 (short) S 1 12"));
    EXPECT_FALSE(parse_proc_stat("garbage"));
}

TEST(CpuConsumers, RanksOtherProcessesByCpuShareAboveTheFloor) {
    // 100 ticks a second, a 0.5 s window: 50 ticks are 100 % of one CPU.
    const auto before = table({proc(10, 1, "stress", 1000), proc(11, 1, "python3", 0), proc(12, 1, "idle", 7),
                               proc(13, 1, "mine", 0), proc(14, 1, "old", 5)});
    const auto after = table({proc(10, 1, "stress", 1049), proc(11, 1, "python3", 10), proc(12, 1, "idle", 8),
                              proc(13, 1, "mine", 50), proc(14, 1, "new", 40), proc(15, 1, "born", 40)});
    const auto top = top_cpu_consumers(before, after, 0.5, 100, {13}, 5.0, 5);
    ASSERT_EQ(top.size(), 2u);
    EXPECT_EQ(top[0].pid, 10);
    EXPECT_DOUBLE_EQ(top[0].percent, 98.0);
    EXPECT_EQ(top[1].comm, "python3");
    EXPECT_DOUBLE_EQ(top[1].percent, 20.0);
    EXPECT_EQ(format_cpu_consumers(top, 5.0), "pid 10 stress 98%; pid 11 python3 20%");
}

TEST(CpuConsumers, KeepsOnlyTheLimit) {
    const auto before = table({proc(1, 0, "a"), proc(2, 0, "b"), proc(3, 0, "c")});
    const auto after = table({proc(1, 0, "a", 10), proc(2, 0, "b", 30), proc(3, 0, "c", 20)});
    const auto top = top_cpu_consumers(before, after, 1.0, 100, {}, 5.0, 2);
    ASSERT_EQ(top.size(), 2u);
    EXPECT_EQ(top[0].comm, "b");
    EXPECT_EQ(top[1].comm, "c");
    EXPECT_EQ(format_cpu_consumers({}, 5.0), "none above 5%");
}

// init 1 > bash 10 > mpirun 20 > ranks 30 (self) and 31; 30 > measure 40; bash 10 > stress 50; 1 > cron 60.
const std::map<int, ProcStat> launch = table(
    {proc(1, 0, "init"), proc(10, 1, "bash"), proc(20, 10, "mpirun"), proc(30, 20, "perfmatrix"),
     proc(31, 20, "perfmatrix"), proc(40, 30, "perfmatrix-meas"), proc(50, 10, "stress"), proc(60, 1, "cron")});

TEST(CpuConsumers, OwnProcessesUnderALauncherAreItsWholeTreeAndAncestors) {
    EXPECT_EQ(own_processes(launch, 30), (std::set<int>{1, 10, 20, 30, 31, 40}));
}

TEST(CpuConsumers, OwnProcessesWithoutALauncherLeaveSiblingsOut) {
    auto alone = launch;
    alone.erase(20);
    alone[30].ppid = 10;
    alone[31].ppid = 10;
    EXPECT_EQ(own_processes(alone, 30), (std::set<int>{1, 10, 30, 40}));
}

}  // namespace
}  // namespace perfmatrix
