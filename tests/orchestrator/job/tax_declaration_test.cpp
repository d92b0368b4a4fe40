// A benchmark's `tax` key (orchestrator/job/tax_declaration.hpp): what it records per case, and
// the mistakes it refuses at their place in the file.

#include "orchestrator/job/tax_declaration.hpp"
#include "tests/support/job_test_support.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace perfmatrix {
namespace {

using test::expect_job_error;
using test::parse;

std::map<std::string, std::string> entries_of(const Job& job, const Case& c) {
    std::map<std::string, std::string> out;
    for (const auto& [k, v] : tax_entries(job, c)) out[k] = v;
    return out;
}

// A native gemm and numpy's matmul under Debian's python3 (a path: no interpreter discovery).
const char* kPair = R"toml(
[[benchmark]]
name = "gemm"
kind = "blas_gemm"
tax = "matmul"
n = "{n}"
dtype = "f64"
threads = 1
[benchmark.matrix]
n = [64, 256]

[[benchmark]]
name = "np"
kind = "python_workload"
tax = { op = "matmul", label = "numpy (Debian)" }
python = "/usr/bin/python3"
workload = "np_matmul"
args = { n = "{n}", dtype = "float64", threads = "1" }
[benchmark.matrix]
n = [64, 256]
)toml";

TEST(TaxDeclaration, EachCaseRecordsItsSideAndKey) {
    const Job job = parse(kPair);
    ASSERT_EQ(job.cases.size(), 4u);
    auto native = entries_of(job, job.cases[1]);
    EXPECT_EQ(native["tax.op"], "matmul");
    EXPECT_EQ(native["tax.side"], "native");
    EXPECT_EQ(native["tax.implementation"], "OpenBLAS (C)");  // from the kind
    EXPECT_EQ(native["tax.n"], "256");
    EXPECT_EQ(native["tax.dtype"], "float64");  // f64 and float64 are one dtype
    EXPECT_EQ(native["tax.threads"], "1");
    EXPECT_EQ(native.count("tax.native"), 0u);
    auto python = entries_of(job, job.cases[2]);
    EXPECT_EQ(python["tax.side"], "python");
    EXPECT_EQ(python["tax.implementation"], "numpy (Debian)");
    EXPECT_EQ(python["tax.native"], "gemm");  // the only native of its op
    EXPECT_EQ(python["tax.n"], "64");
    EXPECT_EQ(python["tax.dtype"], "float64");
}

TEST(TaxDeclaration, ABenchmarkWithoutTaxRecordsNothing) {
    const Job job = parse(test::spawn_benchmark("x", R"(
argv = ["/bin/true"]
)"));
    EXPECT_TRUE(tax_entries(job, job.cases[0]).empty());
}

TEST(TaxDeclaration, ElementsOfATwoDimensionalKindAreRowsTimesCols) {
    const Job job = parse(R"(
[[benchmark]]
name = "ew"
kind = "torch_elementwise"
tax = "elementwise"
rows = 1000
cols = 3
dtype = "float32"
threads = 2
)");
    auto e = entries_of(job, job.cases[0]);
    EXPECT_EQ(e["tax.n"], "3000");
    EXPECT_EQ(e["tax.dtype"], "float32");
    EXPECT_EQ(e["tax.threads"], "2");
    EXPECT_EQ(e["tax.implementation"], "libtorch (C++)");
}

TEST(TaxDeclaration, AnUnknownOpIsRefusedWithTheKnownOnes) {
    expect_job_error(
        test::spawn_benchmark("x", R"(
argv = ["/bin/true"]
tax = "matmull"
)"),
        5, 7, "'matmull' is not an op the tax table knows (matmul, elementwise, reduction); did you mean 'matmul'?");
}

TEST(TaxDeclaration, TheKeyMustBeGivenExplicitly) {
    expect_job_error(R"(
[[benchmark]]
name = "gemm"
kind = "blas_gemm"
tax = "matmul"
n = 64
)",
                     4, 7, "give n (or rows and cols), dtype and threads explicitly");
}

TEST(TaxDeclaration, AParameterThatMakesAnotherOpIsRefused) {
    expect_job_error(R"(
[[benchmark]]
name = "gemm"
kind = "blas_gemm"
tax = "matmul"
n = 64
k = 32
dtype = "f64"
threads = 1
)",
                     4, 7, "'k' = 32 makes it another operation than the tax table's 'matmul' (it must equal n = 64)");
    expect_job_error(R"(
[[benchmark]]
name = "red"
kind = "torch_reduction"
tax = "reduction"
rows = 64
cols = 1
op = "norm"
dtype = "float64"
threads = 1
)",
                     4, 7, "'op' = norm makes it another operation than the tax table's 'reduction' (use sum)");
}

TEST(TaxDeclaration, NativeMustNameANativeBenchmarkOfTheSameOp) {
    std::string text = kPair;
    text.replace(text.find("label = \"numpy (Debian)\""), 24, "native = \"np\"");
    const JobError e = expect_job_error(text, 14, 7,
                                        "'native' of 'tax' of benchmark 'np': 'np' is a Python side itself");
    EXPECT_NE(e.message.find("the native benchmarks of op 'matmul' are: gemm"), std::string::npos) << e.what();
    std::string on_native = kPair;
    on_native.replace(on_native.find("tax = \"matmul\""), 14, "tax = { op = \"matmul\", native = \"x\" }");
    expect_job_error(on_native, 4, 33, "'native' of 'tax' belongs on a python_workload benchmark");
}

TEST(TaxDeclaration, TwoNativesOfOneOpNeedTheNativeNamed) {
    const std::string text = std::string(kPair) + R"(
[[benchmark]]
name = "torch"
kind = "torch_matmul"
tax = "matmul"
n = 64
dtype = "float64"
threads = 1
)";
    expect_job_error(text, 14, 7,
                     "2 native benchmarks declare op 'matmul' (gemm, torch); name the one it is compared with");
}

}  // namespace
}  // namespace perfmatrix
