#include "measure/memory/alloc_params.hpp"

#include "measure/param_reading.hpp"

namespace perfmatrix::memory {
namespace {

FreeOrder free_order(const std::string& name) {
    if (name == "fifo") return FreeOrder::fifo;
    if (name == "random") return FreeOrder::random;
    return FreeOrder::lifo;
}

}  // namespace

std::variant<AllocParams, ParamProblem> parse_alloc_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, alloc_kind());
        AllocParams p;
        p.size = static_cast<std::size_t>(integer_param(params, "size", 64, 1, 1LL << 30));
        p.pattern = free_order(choice_param(params, "pattern", "lifo", {"lifo", "fifo", "random"}));
        p.threads = static_cast<int>(integer_param(params, "threads", 1, 1, 1024));
        p.count = static_cast<std::size_t>(integer_param(params, "count", 1000, 1, 10'000'000));
        p.allocator = choice_param(params, "allocator", "glibc", {"glibc", "jemalloc", "tcmalloc"});
        p.batch = read_batch_params(params, "cycles");
        // Every thread holds count blocks of size bytes at once: refuse what cannot fit anywhere.
        const double live = static_cast<double>(p.size) * static_cast<double>(p.count) * p.threads;
        if (live > 64.0 * (1LL << 30)) invalid_param("count", "size x count x threads exceeds 64 GiB of live blocks");
        return p;
    });
}

Kind alloc_kind() {
    return declared_kind(
        "memory_alloc", "malloc/free throughput with glibc, jemalloc or tcmalloc",
        joined(
            {
                {"size", ParamType::integer, false, "bytes per block (default 64, 1 B to 1 GiB)"},
                {"pattern", ParamType::string, false, "order blocks are freed in: lifo (default), fifo or random"},
                {"threads", ParamType::integer, false, "threads, each with its own loop and blocks (default 1)"},
                {"count", ParamType::integer, false, "blocks live at once per cycle and thread (default 1000)"},
                {"allocator", ParamType::string, false, "glibc (default), jemalloc or tcmalloc (preloaded)"},
            },
            batch_param_specs("cycles", "cycles (count mallocs, then count frees) per thread")),
        &parse_alloc_params);
}

}  // namespace perfmatrix::memory
