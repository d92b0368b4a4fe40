#include "tests/support/interpreter_fixtures.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>
#include <regex>
#include <stdexcept>

namespace perfmatrix::test {

Interpreter interpreter(const std::string& version, InterpreterSource source, const std::string& executable,
                        const std::string& flags) {
    Interpreter in;
    in.found_as = {executable};
    in.source = source;
    in.executable = executable;
    in.isolation_flags = {"-I"};
    InterpreterBuild b;
    std::smatch m;
    static const std::regex pypy(R"(pypy([0-9]+)\.([0-9]+)-(.+))");
    static const std::regex cpython(R"(([0-9]+)\.([0-9]+)\.([0-9]+))");
    if (std::regex_match(version, m, pypy)) {
        b.implementation = "PyPy";
        b.version_info = {std::stoi(m[1]), std::stoi(m[2]), 16};
        b.version = fmt::format("{}.{}.16", b.version_info[0], b.version_info[1]);
        b.pypy_version = m[3];
    } else if (std::regex_match(version, m, cpython)) {
        b.implementation = "CPython";
        b.version_info = {std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
        b.version = version;
    } else {
        throw std::invalid_argument("test interpreter version: " + version);
    }
    b.executable = executable;
    b.prefix = b.base_prefix = std::filesystem::path(executable).parent_path().parent_path().string();
    b.free_threaded = flags.find('t') != std::string::npos;
    b.debug = flags.find('d') != std::string::npos;
    if (flags.find('v') != std::string::npos) {
        b.venv = true;
        b.base_prefix = "/base";
    }
    in.build = b;
    return in;
}

std::string probe_line(const std::string& version, const std::string& executable, const std::string& prefix) {
    const auto dot1 = version.find('.');
    const auto dot2 = version.find('.', dot1 + 1);
    const nlohmann::json j{{"implementation", "CPython"},
                           {"version", version},
                           {"version_info",
                            {std::stoi(version.substr(0, dot1)), std::stoi(version.substr(dot1 + 1, dot2 - dot1 - 1)),
                             std::stoi(version.substr(dot2 + 1))}},
                           {"pypy_version", ""},
                           {"executable", executable},
                           {"prefix", prefix},
                           {"base_prefix", prefix},
                           {"venv", false},
                           {"debug", false},
                           {"free_threaded", false},
                           {"jit", ""},
                           {"abiflags", ""},
                           {"cache_tag", "cpython-311"}};
    return "perfmatrix-probe " + j.dump();
}

std::string fake_interpreter(const std::string& version, const std::string& executable, const std::string& prefix) {
    // Single quotes: the JSON has double quotes and no single ones.
    return fmt::format("#!/bin/sh\nprintf '%s\\n' '{}'\n", probe_line(version, executable, prefix));
}

}  // namespace perfmatrix::test
