#pragma once
// Field-by-field comparison of records, so that a failure names the field that differs.

#include "measure/kind_registry.hpp"
#include "measure/model/records.hpp"
#include "results/metric_of.hpp"

#include <gtest/gtest.h>

namespace perfmatrix::test {

inline void expect_same(const CaseRecord& want, const CaseRecord& got) {
    SCOPED_TRACE("case " + want.case_id);
    EXPECT_EQ(want.case_id, got.case_id);
    EXPECT_EQ(want.benchmark, got.benchmark);
    EXPECT_EQ(want.kind, got.kind);
    EXPECT_EQ(want.category.empty() ? category_of(want.kind, want.environment) : want.category, got.category);
    EXPECT_EQ(want.status, got.status);
    EXPECT_EQ(want.reason, got.reason);
    EXPECT_EQ(want.rank, got.rank);
    EXPECT_EQ(want.host, got.host);
    EXPECT_EQ(want.invocation, got.invocation);
    EXPECT_EQ(want.started, got.started);
    EXPECT_EQ(want.ended, got.ended);
    EXPECT_EQ(want.axes, got.axes);
    EXPECT_EQ(want.samples, got.samples);
    EXPECT_EQ(want.environment, got.environment);
    EXPECT_EQ(want.components, got.components);
    // Each metric reads back as it was described when written (metric_of).
    for (const Sample& s : want.samples)
        EXPECT_EQ(metric_of(want, s.metric, s.unit), metric_of(got, s.metric, s.unit)) << s.metric;
}

inline void expect_same(const RankRecord& want, const RankRecord& got) {
    SCOPED_TRACE("rank " + std::to_string(want.rank));
    EXPECT_EQ(want.invocation, got.invocation);
    EXPECT_EQ(want.rank, got.rank);
    EXPECT_EQ(want.node, got.node);
    EXPECT_EQ(want.info.host, got.info.host);
    EXPECT_EQ(want.info.cpu_model, got.info.cpu_model);
    EXPECT_EQ(want.info.cores, got.info.cores);
    EXPECT_EQ(want.info.cpuset, got.info.cpuset);
    EXPECT_EQ(want.info.cpuset_size, got.info.cpuset_size);
    EXPECT_EQ(want.info.kernel, got.info.kernel);
    EXPECT_EQ(want.info.load1, got.info.load1);
    EXPECT_EQ(want.info.load5, got.info.load5);
    EXPECT_EQ(want.info.load15, got.info.load15);
    EXPECT_EQ(want.info.gpus, got.info.gpus);
    EXPECT_EQ(want.info.gpu_source, got.info.gpu_source);
    EXPECT_EQ(want.info.environment, got.info.environment);
}

inline void expect_same(const InvocationRecord& want, const InvocationRecord& got) {
    SCOPED_TRACE("invocation " + std::to_string(want.invocation));
    EXPECT_EQ(want.invocation, got.invocation);
    EXPECT_EQ(want.started, got.started);
    EXPECT_EQ(want.ended, got.ended);
    EXPECT_EQ(want.status, got.status);
    EXPECT_EQ(want.command_line, got.command_line);
    EXPECT_EQ(want.tool_version, got.tool_version);
    EXPECT_EQ(want.git_describe, got.git_describe);
    EXPECT_EQ(want.host, got.host);
    EXPECT_EQ(want.mpi_size, got.mpi_size);
}

}  // namespace perfmatrix::test
