#include "orchestrator/interpreters/interpreter.hpp"

#include <fmt/format.h>

namespace perfmatrix {

const char* to_string(InterpreterSource source) {
    switch (source) {
        case InterpreterSource::pyenv: return "pyenv";
        case InterpreterSource::path: return "PATH";
        case InterpreterSource::system: return "system";
        case InterpreterSource::explicit_path: return "explicit";
    }
    return "?";
}

bool Interpreter::supported() const {
    if (!build) return false;
    const auto& v = build->version_info;
    if (build->implementation == "PyPy") return v[0] >= 3;
    return build->implementation == "CPython" && (v[0] > 3 || (v[0] == 3 && v[1] >= 6));
}

std::string Interpreter::unsupported_reason() const {
    if (!build) return "broken";
    if (supported()) return "";
    if (build->implementation != "CPython" && build->implementation != "PyPy") {
        return fmt::format("{} is not supported", build->implementation);
    }
    return build->implementation == "PyPy" ? "harness needs PyPy3" : "harness needs 3.6+";
}

std::string Interpreter::support_text() const {
    return supported() ? "yes" : fmt::format("no ({})", unsupported_reason());
}

std::string Interpreter::flags_text() const {
    if (!build) return "";
    std::vector<std::string> flags;
    if (build->free_threaded) flags.emplace_back("free-threaded");
    if (!build->jit.empty()) flags.push_back(build->jit == "yes" ? "JIT" : fmt::format("JIT ({})", build->jit));
    if (build->debug) flags.emplace_back("debug");
    return fmt::format("{}", fmt::join(flags, ", "));
}

}  // namespace perfmatrix
