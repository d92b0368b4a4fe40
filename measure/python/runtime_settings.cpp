#include "measure/python/runtime_settings.hpp"

#include "measure/memory/allocator_preload.hpp"
#include "measure/param_reading.hpp"

#include <fmt/format.h>

#include <initializer_list>

namespace perfmatrix::python {
namespace {

std::optional<std::string> optional_choice(const nlohmann::json& params, const char* name,
                                           std::initializer_list<const char*> choices) {
    if (!params.contains(name)) return std::nullopt;
    return choice_param(params, name, "", choices);
}

}  // namespace

RuntimeSettings read_runtime_settings(const nlohmann::json& params) {
    RuntimeSettings s;
    s.pymalloc = optional_choice(params, "pymalloc", {"pymalloc", "malloc", "debug", "mimalloc"});
    s.allocator = optional_choice(params, "allocator", {"glibc", "jemalloc", "tcmalloc"});
    s.jit = optional_choice(params, "jit", {"on", "off"});
    return s;
}

const char* setting_needing_python_env(const RuntimeSettings& s) {
    if (s.pymalloc) return "pymalloc";
    if (s.jit) return "jit";
    return nullptr;
}

void check_env_against(const RuntimeSettings& s, const std::vector<std::pair<std::string, std::string>>& env) {
    struct Owned {
        const char* variable;
        const char* param;
        bool set;
    };
    const Owned owned[] = {{"PYTHONMALLOC", "pymalloc", s.pymalloc.has_value()},
                           {"PYTHON_JIT", "jit", s.jit.has_value()},
                           {"LD_PRELOAD", "allocator", s.allocator.has_value()}};
    for (const auto& kv : env) {
        for (const Owned& o : owned) {
            if (o.set && kv.first == o.variable) {
                invalid_param("env",
                              fmt::format("'{}' is what the {} parameter sets: give one of them", o.variable, o.param));
            }
        }
    }
}

std::vector<std::pair<std::string, std::string>> runtime_variables(const RuntimeSettings& s) {
    std::vector<std::pair<std::string, std::string>> vars;
    if (s.pymalloc) vars.emplace_back("PYTHONMALLOC", *s.pymalloc);
    if (s.jit) vars.emplace_back("PYTHON_JIT", *s.jit == "on" ? "1" : "0");
    // glibc needs no variable: the child's environment holds only what is named for it, so no
    // LD_PRELOAD reaches it unless inherit_env asks for one (and then the check catches it).
    if (s.allocator && *s.allocator != "glibc")
        vars.emplace_back("LD_PRELOAD", memory::allocator_library(*s.allocator));
    return vars;
}

std::vector<std::string> expect_arguments(const RuntimeSettings& s) {
    std::vector<std::string> args;
    const auto add = [&](const char* key, const std::optional<std::string>& value) {
        if (value) args.insert(args.end(), {"--expect", fmt::format("{}={}", key, *value)});
    };
    add("allocator", s.pymalloc);
    add("malloc", s.allocator);
    add("jit", s.jit);
    return args;
}

std::vector<ParamSpec> runtime_param_specs() {
    return {
        {"pymalloc", ParamType::string, false,
         "CPython's object allocator, as PYTHONMALLOC: \"pymalloc\", \"malloc\", \"debug\" (hooks on the default), "
         "\"mimalloc\" (3.13+); checked inside the child (skipped on PyPy). Needs flags without -I/-E: left out, "
         "flags become [\"-s\"]"},
        {"allocator", ParamType::string, false,
         "the C library's malloc: \"glibc\", \"jemalloc\" or \"tcmalloc\" (preloaded into the child, as "
         "memory_alloc's); the child reports the malloc it has, else the case fails"},
        {"jit", ParamType::string, false,
         "\"on\" or \"off\": PYTHON_JIT for a CPython built with its JIT (skipped for builds without one); "
         "needs flags without -I/-E, like pymalloc"},
    };
}

}  // namespace perfmatrix::python
