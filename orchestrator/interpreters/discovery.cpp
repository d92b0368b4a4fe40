#include "orchestrator/interpreters/discovery.hpp"

#include "orchestrator/interpreters/labels.hpp"
#include "orchestrator/interpreters/probe.hpp"

#include <fmt/format.h>

#include <stdlib.h>
#include <string.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <tuple>

namespace perfmatrix {
namespace {

std::string real_path_or_same(const std::string& path) {
    const std::unique_ptr<char, decltype(&::free)> resolved(::realpath(path.c_str(), nullptr), &::free);
    return resolved ? std::string(resolved.get()) : path;
}

bool is_under(const std::string& path, const std::string& dir) {
    if (dir.empty()) return false;
    const std::string prefix = dir.back() == '/' ? dir : dir + '/';
    return path.compare(0, prefix.size(), prefix) == 0;
}

// Same implementation, version and build in the same prefix: one installation, whatever
// file name it was started by.
std::string identity(const Interpreter& in) {
    const auto& b = *in.build;
    return fmt::format("{}\n{}\n{}\n{}{}{}\n{}\n{}", b.implementation, b.version, b.pypy_version, b.free_threaded,
                       b.debug, b.abiflags, b.jit, real_path_or_same(b.prefix));
}

int implementation_rank(const std::string& implementation) {
    if (implementation == "CPython") return 0;
    if (implementation == "PyPy") return 1;
    return 2;
}

bool before(const Interpreter& a, const Interpreter& b) {
    const auto& x = *a.build;
    const auto& y = *b.build;
    const auto key = [](const InterpreterBuild& v) {
        return std::make_tuple(implementation_rank(v.implementation), v.version_info);
    };
    if (key(x) != key(y)) return key(x) < key(y);
    if (const int c = ::strverscmp(x.version.c_str(), y.version.c_str()); c != 0) return c < 0;
    return std::tuple_cat(std::make_tuple(x.free_threaded, x.debug), preference_rank(a),
                          std::make_tuple(a.executable)) <
           std::tuple_cat(std::make_tuple(y.free_threaded, y.debug), preference_rank(b), std::make_tuple(b.executable));
}

std::vector<Interpreter> probe_all(const std::vector<Candidate>& candidates, const DiscoveryOptions& options) {
    std::vector<std::future<Interpreter>> pending;
    pending.reserve(candidates.size());
    for (const auto& c : candidates) {
        pending.push_back(std::async(std::launch::async, [&options, c] {
            auto in = probe_interpreter(c.path, options.probe);
            in.source = in.ok() ? classify_source(in.executable, c.listed_by, options) : c.listed_by;
            return in;
        }));
    }
    std::vector<Interpreter> out;
    out.reserve(pending.size());
    for (auto& f : pending) out.push_back(f.get());
    return out;
}

}  // namespace

InterpreterSource classify_source(const std::string& executable, InterpreterSource listed_by,
                                  const DiscoveryOptions& options) {
    if (!options.pyenv_root.empty() && is_under(executable, real_path_or_same(options.pyenv_root) + "/versions")) {
        return InterpreterSource::pyenv;
    }
    const auto dir = std::filesystem::path(executable).parent_path().string();
    for (const auto& system_dir : options.system_dirs) {
        if (dir == system_dir || dir == real_path_or_same(system_dir)) return InterpreterSource::system;
    }
    return listed_by;
}

std::vector<Interpreter> merge_duplicates(std::vector<Interpreter> probed) {
    std::vector<Interpreter> out;
    std::map<std::string, std::size_t> by_executable, by_identity;
    for (auto& in : probed) {
        if (!in.ok()) {
            out.push_back(std::move(in));
            continue;
        }
        std::optional<std::size_t> same;
        if (const auto e = by_executable.find(in.executable); e != by_executable.end()) {
            same = e->second;
        } else if (const auto i = by_identity.find(identity(in)); i != by_identity.end()) {
            same = i->second;
        }
        if (same) {
            auto& first = out[*same];
            first.found_as.insert(first.found_as.end(), in.found_as.begin(), in.found_as.end());
            first.source = std::min(first.source, in.source);
            continue;
        }
        by_executable.emplace(in.executable, out.size());
        by_identity.emplace(identity(in), out.size());
        out.push_back(std::move(in));
    }
    return out;
}

void sort_interpreters(std::vector<Interpreter>& interpreters) {
    // Broken ones last, in the order they were found (stable_partition keeps it).
    const auto broken = std::stable_partition(interpreters.begin(), interpreters.end(),
                                              [](const Interpreter& in) { return in.ok(); });
    std::stable_sort(interpreters.begin(), broken, before);
}

void check_imports(std::vector<Interpreter>& interpreters, double timeout) {
    std::vector<std::future<ModuleCheck>> numpy, torch;
    for (const auto& in : interpreters) {
        if (!in.ok()) continue;
        numpy.push_back(std::async(std::launch::async, [&in, timeout] { return check_module(in, "numpy", timeout); }));
        torch.push_back(std::async(std::launch::async, [&in, timeout] { return check_module(in, "torch", timeout); }));
    }
    std::size_t i = 0;
    for (auto& in : interpreters) {
        if (!in.ok()) continue;
        in.numpy = numpy[i].get();
        in.torch = torch[i].get();
        ++i;
    }
}

std::vector<Interpreter> discover_interpreters(const DiscoveryOptions& options) {
    auto interpreters = merge_duplicates(probe_all(list_candidates(options), options));
    sort_interpreters(interpreters);
    assign_labels(interpreters);
    if (options.check_imports) check_imports(interpreters, options.import_timeout);
    return interpreters;
}

}  // namespace perfmatrix
