#pragma once
// Where interpreters are looked for, and the candidate files found there. Nothing is run here.

#include "orchestrator/interpreters/interpreter.hpp"
#include "orchestrator/interpreters/probe.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

struct DiscoveryOptions {
    std::string pyenv_root;                   // versions/*/bin/python under it; empty: none
    std::vector<std::string> path_dirs;       // searched for python, python3, python3.N, pypy3, pypy
    std::vector<std::string> system_dirs;     // searched for python3, python3.N
    std::vector<std::string> explicit_paths;  // probed whatever they are (a job's path, the command line)
    ProbeOptions probe;
    bool check_imports = false;  // also try `import numpy` and `import torch` (slow: torch takes seconds)
    double import_timeout = 30;  // seconds per import check

    // $PYENV_ROOT (or ~/.pyenv), $PATH, /usr/bin and /usr/local/bin.
    static DiscoveryOptions from_environment();
};

struct Candidate {
    std::string path;
    InterpreterSource listed_by;  // which listing found it (path, system, ...)
};

// The candidates in search order (pyenv, PATH, system, explicit); each directory's matches
// in version order (python3.9 before python3.10). Files that are not executable are left
// out, except explicit paths, which are always kept so their problem can be reported. A path
// listed twice is kept once.
//
// pyenv's shim directories on PATH are skipped: a shim can only run one of pyenv's versions
// (all listed already) or the system's, and each costs 1-2 s of bash start-ups under this
// kernel, ten of them per plan. A shim given explicitly, or any other script on PATH, is
// probed and resolved to the interpreter it runs.
std::vector<Candidate> list_candidates(const DiscoveryOptions& options);

// <pyenv_root>/shims or <pyenv_root>/plugins/*/shims.
bool is_pyenv_shim_dir(const std::string& dir, const std::string& pyenv_root);

// Whether a file name is one discovery looks for on PATH: python, python3, python3.N,
// python3.Nt (free-threaded builds), pypy, pypy3, pypy3.N.
bool is_interpreter_name(const std::string& name);

}  // namespace perfmatrix
