#pragma once
// The interpreter tax: the same operation run natively and called from Python, side by side, at
// equal op, n, dtype and threads, per interpreter (`perfmatrix tax`, docs/interpreter-tax.md).
//
//   tax = median time of the Python case / median time of its native case   (> 1: Python pays)
//
// with the 95 % interval of the ratio of medians that `perfmatrix compare` gives a pair: a
// bootstrap over rounds, then samples within each drawn round (hierarchical_bootstrap.hpp). At
// small n the ratio is mostly the cost of a Python call; at large n both sides spend their time
// in a BLAS, and the ratio shows how the libraries differ (which ones: blas_of()).

#include "analysis/stats/ratio_ci.hpp"
#include "analysis/tax/tax_cases.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

// One case of the table: a native case, or a Python case with its tax against its native case.
struct TaxRow {
    TaxCase tax;                 // what the job declared, and the BLAS it used
    std::string status, reason;  // the case's; numbers only for ok
    std::size_t rounds = 0;
    std::optional<double> median_time;  // s per call, of all measured samples of "time"
    std::optional<double> rate;         // work / median_time (tax_work.hpp)
    std::string rate_unit;              // GFLOP/s or GB/s; "" when the op's work is unknown
    // Python rows: the native row compared with (its implementation), the ratio and why
    // there is none.
    std::string native_implementation;
    std::optional<RatioCi> ratio;
    std::string no_ratio;
};

// The rows of one (op, n, dtype, threads): native rows first, then the Python rows by
// interpreter (version order) and implementation.
struct TaxGroup {
    std::string op;
    long long n = 0;
    std::string dtype;
    long long threads = 0;
    std::vector<TaxRow> rows;
};

struct TaxReport {
    std::string path;
    bool partial = false;          // the file's last run did not complete
    std::vector<TaxGroup> groups;  // by op (tax_ops order), n, dtype, threads
};

// Throws std::invalid_argument when no case of the file declares `tax` (naming what to do).
TaxReport build_tax_report(const Results& r, const std::string& path);

// "3.9" < "3.10" < "3.10.13" < "pypy 3.9.16": numbers compared as numbers.
bool version_less(const std::string& a, const std::string& b);

}  // namespace perfmatrix
