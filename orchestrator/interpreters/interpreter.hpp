#pragma once
// A Python interpreter found on this machine: where it was found, what it says it is when run
// (the probe), and the label that names it in job files, plans and reports.

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

// Where an interpreter's real executable lives, in the order a version spec prefers them
// (docs/python.md, "Python interpreters"): pyenv's own builds, then others found on PATH, then the
// distribution's (/usr/bin, /usr/local/bin), then paths given explicitly.
enum class InterpreterSource { pyenv, path, system, explicit_path };

const char* to_string(InterpreterSource source);  // "pyenv", "PATH", "system", "explicit"

// What the interpreter reports about itself (the probe's one JSON line).
struct InterpreterBuild {
    std::string implementation;         // "CPython", "PyPy"
    std::string version;                // platform.python_version(): "3.12.1", "3.14.0a1"
    std::array<int, 3> version_info{};  // major, minor, micro
    std::string pypy_version;           // "7.3.11"; empty for CPython
    std::string executable;             // sys.executable as it reports it
    std::string prefix, base_prefix;
    bool venv = false;           // prefix differs from base_prefix (venv, virtualenv)
    bool debug = false;          // built --with-pydebug (sys.gettotalrefcount exists)
    bool free_threaded = false;  // Py_GIL_DISABLED
    std::string jit;             // --enable-experimental-jit's value ("yes", "yes-off", ...); empty: none
    std::string abiflags;
    std::string cache_tag;  // "cpython-312"; empty where there is none (2.7)
    bool operator==(const InterpreterBuild&) const = default;
};

// Whether `import <module>` works, and its version when it does.
struct ModuleCheck {
    enum class State { not_checked, present, absent, failed };
    State state = State::not_checked;
    std::string version;  // when present
    std::string reason;   // when failed (import raised something else, crashed, timed out)
    bool operator==(const ModuleCheck&) const = default;
};

struct Interpreter {
    // The candidate paths that turned out to be this interpreter (a shim, a symlink, the
    // binary), first found first.
    std::vector<std::string> found_as;
    InterpreterSource source = InterpreterSource::explicit_path;
    bool shim = false;  // found through a script (`#!`), e.g. a pyenv shim

    std::optional<InterpreterBuild> build;  // empty: broken, see problem
    std::string problem;                    // why it could not be probed

    // What to run: the real file (realpath of sys.executable), never a shim. In a venv,
    // sys.executable itself: resolving its symlink would run the base interpreter without the
    // venv's packages.
    std::string executable;
    // Flags that keep the user's environment out of a child (PYTHON* variables, user
    // site-packages): {"-I"}, or {"-E", "-s"} where -I does not exist (2.7).
    std::vector<std::string> isolation_flags;
    std::string label;  // unique among the interpreters listed together; see labels.hpp

    ModuleCheck numpy, torch;

    bool ok() const { return build.has_value(); }
    // CPython >= 3.6 or PyPy3: what perfmatrix's Python harness needs.
    bool supported() const;
    // Why the harness cannot use it ("harness needs 3.6+", "broken"); empty when supported.
    std::string unsupported_reason() const;
    // "yes", or "no (<unsupported_reason>)".
    std::string support_text() const;
    // "free-threaded, JIT (yes-off), debug", or "" for a default build.
    std::string flags_text() const;
};

}  // namespace perfmatrix
