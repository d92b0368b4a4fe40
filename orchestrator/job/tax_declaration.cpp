#include "orchestrator/job/tax_declaration.hpp"

#include "orchestrator/job/job.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

#include <algorithm>
#include <charconv>
#include <map>

namespace perfmatrix {
namespace {

const nlohmann::json* param_of(const Case& c, const char* name) {
    // The harness's workload parameters sit in `args`.
    const nlohmann::json& params = c.kind == "python_workload" && c.params.contains("args") ? c.params.at("args")
                                                                                            : c.params;
    if (!params.is_object() || !params.contains(name)) return nullptr;
    return &params.at(name);
}

std::optional<long long> integer_of(const nlohmann::json* v) {
    if (!v) return std::nullopt;
    if (v->is_number_integer()) return v->get<long long>();
    if (!v->is_string()) return std::nullopt;
    const std::string s = v->get<std::string>();
    long long out = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec != std::errc{} || end != s.data() + s.size() || out <= 0) return std::nullopt;
    return out;
}

// One name per element type: f64, float64 and double are the same.
std::string canonical_dtype(const std::string& d) {
    if (d == "f64" || d == "float64" || d == "double") return "float64";
    if (d == "f32" || d == "float32" || d == "float") return "float32";
    return d;
}

std::string default_label(const Case& c) {
    if (c.kind == "python_workload") {
        const std::string workload = c.params.value("workload", "");
        if (workload.starts_with("np_")) return "numpy";
        if (workload.starts_with("torch_")) return "torch (Python)";
        return workload;
    }
    if (c.kind.starts_with("blas_")) return "OpenBLAS (C)";
    if (c.kind.starts_with("torch_")) return "libtorch (C++)";
    return c.kind;
}

[[noreturn]] void fail_at(const Job& job, const TaxDeclaration& tax, const std::string& message) {
    throw JobError(job.path, tax.line, tax.column, message);
}

std::string why_not_native(const BenchmarkInfo* named) {
    if (!named) return "is no benchmark of this job";
    if (!named->tax) return "declares no 'tax'";
    if (named->tax->python) return "is a Python side itself";
    return fmt::format("declares op '{}'", named->tax->op);
}

}  // namespace

const std::vector<std::string>& tax_ops() {
    static const std::vector<std::string> ops{"matmul", "elementwise", "reduction"};
    return ops;
}

std::optional<TaxKey> tax_key(const Case& c) {
    auto n = integer_of(param_of(c, "n"));
    if (!n) {
        const auto rows = integer_of(param_of(c, "rows")), cols = integer_of(param_of(c, "cols"));
        if (rows && cols) n = *rows * *cols;
    }
    const nlohmann::json* dtype = param_of(c, "dtype");
    const auto threads = integer_of(param_of(c, "threads"));
    if (!n || !dtype || !dtype->is_string() || !threads) return std::nullopt;
    return TaxKey{*n, canonical_dtype(dtype->get<std::string>()), *threads};
}

void resolve_tax_natives(Job& job) {
    // The native sides of each op, gathered once: a search of every benchmark for each Python
    // side was quadratic in the benchmarks.
    std::map<std::string, std::vector<std::string>> natives_of;
    for (const BenchmarkInfo& b : job.benchmarks)
        if (b.tax && !b.tax->python) natives_of[b.tax->op].push_back(b.name);
    for (BenchmarkInfo& b : job.benchmarks) {
        if (!b.tax || !b.tax->python) continue;
        TaxDeclaration& tax = *b.tax;
        static const std::vector<std::string> none;
        const auto found = natives_of.find(tax.op);
        const std::vector<std::string>& natives = found == natives_of.end() ? none : found->second;
        const auto listed = [&]() -> std::string {
            return natives.empty() ? "none" : fmt::format("{}", fmt::join(natives, ", "));
        };
        if (!tax.native.empty()) {
            const BenchmarkInfo* named = find_benchmark(job, tax.native);
            if (named && named->tax && !named->tax->python && named->tax->op == tax.op) continue;
            fail_at(
                job, tax,
                fmt::format("'native' of 'tax' of benchmark '{}': '{}' {}; the native benchmarks of op '{}' are: {}",
                            b.name, tax.native, why_not_native(named), tax.op, listed()));
        }
        if (natives.size() != 1)
            fail_at(job, tax,
                    fmt::format("'tax' of benchmark '{}': {} native benchmarks declare op '{}' ({}); name the one it "
                                "is compared with: tax = {{ op = \"{}\", native = \"...\" }}",
                                b.name, natives.size(), tax.op, listed(), tax.op));
        tax.native = natives.front();
    }
}

std::vector<std::pair<std::string, std::string>> tax_entries(const Job& job, const Case& c) {
    const BenchmarkInfo* b = find_benchmark(job, c.benchmark);
    if (!b || !b->tax) return {};
    const auto key = tax_key(c);
    if (!key) return {};  // check_tax_case refused such a job when it loaded
    const TaxDeclaration& tax = *b->tax;
    std::vector<std::pair<std::string, std::string>> out{
        {"tax.op", tax.op},
        {"tax.side", tax.python ? "python" : "native"},
        {"tax.implementation", tax.label.empty() ? default_label(c) : tax.label},
    };
    if (tax.python) out.emplace_back("tax.native", tax.native);
    out.emplace_back("tax.n", std::to_string(key->n));
    out.emplace_back("tax.dtype", key->dtype);
    out.emplace_back("tax.threads", std::to_string(key->threads));
    return out;
}

}  // namespace perfmatrix
