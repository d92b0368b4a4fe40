#pragma once
// A benchmark's `tax` key: it takes part in the interpreter-tax table (`perfmatrix tax`,
// docs/interpreter-tax.md), which sets the same operation run natively (blas_gemm, a libtorch
// kind) beside the same operation called from Python (np_matmul, torch_matmul through the
// harness), at equal n, dtype and threads, per interpreter.
//
//   tax = "matmul"                                   # the op; the side follows from the kind
//   tax = { op = "matmul", native = "gemm", label = "numpy" }
//
// A python_workload benchmark is the Python side and is compared with one native benchmark of
// the same op (`native`, or the only one the job has). Every other kind is a native side. The
// declaration and each case's key go into the case's environment (tax.*), so the results file
// alone is enough to build the table. tax_reading.hpp reads the key.

#include "measure/model/case.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

struct Job;

struct TaxDeclaration {
    std::string op;      // matmul | elementwise | reduction
    std::string label;   // the implementation's name in the table; empty: from the kind or workload
    std::string native;  // Python side: the native benchmark it is compared with (resolved at load)
    bool python = false;
    int line = 0, column = 0;  // of the `tax` value, for errors found after the benchmark loads
};

// The ops the table knows how to count work for (GFLOP/s or GB/s).
const std::vector<std::string>& tax_ops();

// What pairs cases: elements per operand (n, or rows x cols for the libtorch kinds that take
// a 2-D shape), the dtype under one name (f64 = float64), the thread count. Read from the
// case's parameters (a python_workload's `args`); none when one is not given explicitly.
struct TaxKey {
    long long n = 0;
    std::string dtype;
    long long threads = 0;
};
std::optional<TaxKey> tax_key(const Case& c);

// After every benchmark is loaded: resolves each Python side's `native`, which must name a
// native benchmark of the same op. Throws JobError at the `tax` value.
void resolve_tax_natives(Job& job);

// The case's tax.* entries for its record (empty when its benchmark declares no tax):
// tax.op, tax.side (native | python), tax.implementation, tax.native, tax.n, tax.dtype, tax.threads.
std::vector<std::pair<std::string, std::string>> tax_entries(const Job& job, const Case& c);

}  // namespace perfmatrix
