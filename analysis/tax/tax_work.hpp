#pragma once
// The work one call of a tax op does, so every side's rate comes from its median time by the
// same count, whatever metrics its kind or workload records. The counts are the native kinds'
// own (measure/blas, measure/torch/torch_work.cpp), so a native row's rate is its kind's.

#include <optional>
#include <string>

namespace perfmatrix {

struct TaxWork {
    double amount = 0;  // per call: FLOPs (matmul) or bytes moved (elementwise, reduction)
    std::string unit;   // the rate's unit: "GFLOP/s" or "GB/s"
};

// Bytes per element of a dtype (float64 8, float32 4, bfloat16 2); none for another name.
std::optional<double> dtype_bytes(const std::string& dtype);

// matmul: 2 n^3 FLOPs (n x n matrices); elementwise, out = a * b + c: 4 n elements read or
// written; reduction, a sum of n elements: n read, 1 written. None for an unknown op or dtype.
std::optional<TaxWork> tax_work(const std::string& op, long long n, const std::string& dtype);

// The rate of a call that takes `seconds`: amount / seconds in units of 1e9.
double tax_rate(const TaxWork& work, double seconds);

}  // namespace perfmatrix
