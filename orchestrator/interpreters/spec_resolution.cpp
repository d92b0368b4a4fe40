#include "orchestrator/interpreters/spec_resolution.hpp"

#include "orchestrator/interpreters/labels.hpp"

#include <fmt/format.h>

#include <stdlib.h>
#include <string.h>

#include <algorithm>
#include <optional>
#include <regex>

namespace perfmatrix {
namespace {

SpecResolution failure(std::string message) {
    SpecResolution r;
    r.error = std::move(message);
    return r;
}

SpecResolution one(const std::string& spec, const Interpreter& in) {
    SpecResolution r;
    r.matches.push_back({spec, &in});
    return r;
}

std::string found_list(InterpreterCatalog& catalog) {
    std::vector<std::string> labels;
    for (const auto& in : catalog.found()) {
        if (!in.ok()) continue;
        labels.push_back(in.supported() ? in.label : fmt::format("{} (unsupported)", in.label));
    }
    if (labels.empty()) return fmt::format("found no interpreter (searched {})", catalog.searched());
    return fmt::format("found: {}", fmt::join(labels, ", "));
}

SpecResolution not_found(const std::string& spec, InterpreterCatalog& catalog) {
    return failure(fmt::format("python '{}' not found; {}", spec, found_list(catalog)));
}

// A named interpreter must be usable by the harness.
SpecResolution checked(const std::string& spec, const Interpreter& in) {
    if (!in.ok()) return failure(fmt::format("python '{}' is not a usable interpreter: {}", spec, in.problem));
    if (!in.supported()) {
        return failure(fmt::format("python '{}' is {} ({}): unsupported ({})", spec, in.label, in.executable,
                                   in.unsupported_reason()));
    }
    return one(spec, in);
}

std::string expand_home(const std::string& path) {
    if (path.rfind("~/", 0) != 0) return path;
    const char* home = ::getenv("HOME");
    return home ? std::string(home) + path.substr(1) : path;
}

// The preferred of several interpreters a version spec matches: the source first (pyenv,
// PATH, system, explicit), then the newest patch.
const Interpreter* preferred(std::vector<const Interpreter*> matches) {
    if (matches.empty()) return nullptr;
    return *std::min_element(matches.begin(), matches.end(), [](const Interpreter* a, const Interpreter* b) {
        if (preference_rank(*a) != preference_rank(*b)) return preference_rank(*a) < preference_rank(*b);
        if (a->build->version_info != b->build->version_info) return a->build->version_info > b->build->version_info;
        return ::strverscmp(a->build->version.c_str(), b->build->version.c_str()) > 0;
    });
}

struct VersionSpec {
    std::string implementation;
    int major = 0;
    std::optional<int> minor, micro;
    bool free_threaded = false, debug = false;
};

std::optional<VersionSpec> parse_version_spec(const std::string& spec) {
    static const std::regex cpython(R"(([0-9]+)\.([0-9]+)(?:\.([0-9]+))?(t?)(d?))");
    static const std::regex pypy(R"(pypy(?:([0-9]+)(?:\.([0-9]+))?)?)");
    std::smatch m;
    VersionSpec v;
    if (std::regex_match(spec, m, cpython)) {
        v.implementation = "CPython";
        v.major = std::stoi(m[1]);
        v.minor = std::stoi(m[2]);
        if (m[3].matched) v.micro = std::stoi(m[3]);
        v.free_threaded = m[4].length() > 0;
        v.debug = m[5].length() > 0;
        return v;
    }
    if (std::regex_match(spec, m, pypy)) {
        v.implementation = "PyPy";
        v.major = m[1].matched ? std::stoi(m[1]) : 3;
        if (m[2].matched) v.minor = std::stoi(m[2]);
        return v;
    }
    return std::nullopt;
}

bool matches(const VersionSpec& v, const InterpreterBuild& b) {
    return b.implementation == v.implementation && b.version_info[0] == v.major &&
           (!v.minor || b.version_info[1] == *v.minor) && (!v.micro || b.version_info[2] == *v.micro) &&
           b.free_threaded == v.free_threaded && b.debug == v.debug;
}

SpecResolution all_supported(InterpreterCatalog& catalog) {
    SpecResolution r;
    for (const auto& in : catalog.found()) {
        if (in.supported()) r.matches.push_back({in.label, &in});
    }
    if (r.matches.empty())
        return failure(fmt::format("python 'all': no supported interpreter; {}", found_list(catalog)));
    return r;
}

}  // namespace

SpecResolution resolve_python_spec(const std::string& spec, InterpreterCatalog& catalog) {
    if (spec == "all") return all_supported(catalog);
    if (spec.rfind('/', 0) == 0 || spec.rfind("~/", 0) == 0) return checked(spec, catalog.at_path(expand_home(spec)));

    const auto& found = catalog.found();
    for (const auto& in : found) {
        if (in.ok() && in.label == spec) return checked(spec, in);
    }
    const auto version = parse_version_spec(spec);
    if (!version) {
        if (spec.find('@') != std::string::npos || spec.rfind("pypy", 0) == 0) return not_found(spec, catalog);
        return failure(fmt::format(
            "python '{}' is not an interpreter spec: expected a version ('3.12', '3.12.1', '3.13t'), 'pypy3.9', a "
            "label as `perfmatrix interpreters` shows ('3.11.2@/usr/bin'), an absolute path, or 'all'",
            spec));
    }
    std::vector<const Interpreter*> candidates;
    for (const auto& in : found) {
        if (in.ok() && matches(*version, *in.build)) candidates.push_back(&in);
    }
    const auto* chosen = preferred(candidates);
    if (!chosen) return not_found(spec, catalog);
    return checked(spec, *chosen);
}

}  // namespace perfmatrix
