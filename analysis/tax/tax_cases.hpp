#pragma once
// The cases of a results file that take part in the interpreter-tax table: those whose job
// declared `tax` (orchestrator/job/tax_declaration.hpp), read back from the tax.* entries of
// their environment. A file written before `tax` existed simply has none.

#include "measure/model/records.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

struct TaxCase {
    const CaseRecord* record = nullptr;
    std::string op;              // matmul | elementwise | reduction
    bool python = false;         // the Python side (a python_workload); else a native side
    std::string implementation;  // "OpenBLAS (C)", "numpy", ...
    std::string native;          // Python side: the native benchmark it is compared with
    long long n = 0;             // matmul: rows = columns; elementwise, reduction: elements
    std::string dtype;           // float64, float32, bfloat16
    long long threads = 0;
    std::string interpreter;    // Python side: "3.12.1", "pypy 3.9.16", "3.13.5t"; "" for native
    std::string blas;           // which BLAS produced the numbers, as recorded (see blas_of)
    std::string blas_claimed;   // Python side: what the package's build names, "" when not recorded
    std::string blas_verified;  // Python side: "yes...", "no: ...", "" when not recorded
};

// The file's tax cases, in the file's (plan) order. Cases with incomplete tax.* entries are
// left out (only a hand-made file has them).
std::vector<TaxCase> tax_cases(const Results& r);

// The interpreter a Python case ran: its hello's version, with the implementation when not
// CPython and "t" for a free-threaded build; else its python axis value; else "".
std::string interpreter_of(const CaseRecord& c);

// The BLAS a case's numbers came from, as its record says: the harness's check for a Python
// case (workload.blas.*), torch.blas for a libtorch case, the rank's openblas_config for a
// blas_* case; "" when nothing was recorded.
std::string blas_of(const Results& r, const CaseRecord& c);

}  // namespace perfmatrix
