#include "analysis/tax/tax_cases.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>

namespace perfmatrix {
namespace {

const std::string* env_of(const CaseRecord& c, const std::string& key) {
    for (const auto& [k, v] : c.environment)
        if (k == key) return &v;
    return nullptr;
}

std::string env_or(const CaseRecord& c, const std::string& key) {
    const std::string* v = env_of(c, key);
    return v ? *v : std::string();
}

std::optional<long long> positive(const std::string& text) {
    long long out = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec != std::errc{} || end != text.data() + text.size() || out <= 0) return std::nullopt;
    return out;
}

const RankRecord* rank_of(const Results& r, const CaseRecord& c) {
    for (const RankRecord& rank : r.ranks)
        if (rank.rank == c.rank && rank.invocation == c.invocation) return &rank;
    return nullptr;
}

std::string rank_env(const RankRecord* rank, const std::string& key) {
    if (!rank) return {};
    for (const auto& [k, v] : rank->info.environment)
        if (k == key) return v;
    return {};
}

// "openblas SkylakeX (OpenBLAS 0.3.29 ...), /path/libscipy_openblas64_.so": the family, the
// kernel it chose for this CPU, its configuration and the file it came from.
std::string python_blas(const CaseRecord& c) {
    const std::string loaded = env_or(c, "workload.blas.loaded");
    if (loaded.empty()) return {};
    std::string text = loaded;
    if (const std::string core = env_or(c, "workload.blas.corename"); !core.empty()) text += " " + core;
    if (const std::string config = env_or(c, "workload.blas.config"); !config.empty()) text += " (" + config + ")";
    if (const std::string lib = env_or(c, "workload.blas.library"); !lib.empty()) text += ", " + lib;
    return text;
}

std::string native_blas(const Results& r, const CaseRecord& c) {
    if (const std::string torch = env_or(c, "torch.blas"); !torch.empty()) return "libtorch's BLAS: " + torch;
    const RankRecord* rank = rank_of(r, c);
    const std::string config = rank_env(rank, "openblas_config");
    if (config.empty()) return {};
    std::string text = "openblas";
    if (const std::string core = rank_env(rank, "openblas_corename"); !core.empty()) text += " " + core;
    text += " (" + config + ")";
    if (const std::string lib = rank_env(rank, "blas_library"); !lib.empty()) text += ", " + lib;
    return text;
}

}  // namespace

std::string interpreter_of(const CaseRecord& c) {
    if (const std::string version = env_or(c, "python.version"); !version.empty()) {
        const std::string impl = env_or(c, "python.implementation");
        const bool free_threaded = env_or(c, "python.free_threaded") == "true";
        return (impl.empty() || impl == "cpython" ? "" : impl + " ") + version + (free_threaded ? "t" : "");
    }
    for (const AxisValue& a : c.axes)
        if (a.axis == "python") return a.value;
    return {};
}

std::string blas_of(const Results& r, const CaseRecord& c) {
    const std::string python = python_blas(c);
    return python.empty() ? native_blas(r, c) : python;
}

std::vector<TaxCase> tax_cases(const Results& r) {
    std::vector<TaxCase> out;
    for (const CaseRecord& c : r.cases) {
        const std::string op = env_or(c, "tax.op");
        const auto n = positive(env_or(c, "tax.n"));
        const auto threads = positive(env_or(c, "tax.threads"));
        const std::string side = env_or(c, "tax.side");
        if (op.empty() || !n || !threads || (side != "python" && side != "native")) continue;
        TaxCase t;
        t.record = &c;
        t.op = op;
        t.python = side == "python";
        t.implementation = env_or(c, "tax.implementation");
        t.native = env_or(c, "tax.native");
        t.n = *n;
        t.dtype = env_or(c, "tax.dtype");
        t.threads = *threads;
        if (t.python) t.interpreter = interpreter_of(c);
        t.blas = blas_of(r, c);
        t.blas_claimed = env_or(c, "workload.blas.claimed");
        t.blas_verified = env_or(c, "workload.blas.verified");
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace perfmatrix
