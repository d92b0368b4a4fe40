#pragma once
// The environment cache: where prepared environments live (on a cluster, a shared filesystem
// every node sees at the same path), and what state the one a job needs is in.

#include "orchestrator/environments/env_manifest.hpp"
#include "orchestrator/environments/env_spec.hpp"

#include <optional>
#include <string>

namespace perfmatrix {

inline constexpr const char* kEnvCacheVariable = "PERFMATRIX_ENV_CACHE";

// Where the cache directory was chosen, in order of precedence.
enum class EnvCacheSource { command_line, environment, job, fallback };

struct EnvCacheChoice {
    std::string dir;  // absolute, `~/` expanded
    EnvCacheSource source = EnvCacheSource::fallback;
};

// --env-cache DIR (command_line, when not empty) > $PERFMATRIX_ENV_CACHE > the job's
// [job] env_cache (when not empty) > ~/.cache/perfmatrix/envs. Relative paths are taken from
// the current directory and made absolute, so every rank and message sees the same path.
EnvCacheChoice choose_env_cache(const std::string& command_line, const std::string& job_value);

enum class EnvState {
    missing,  // not prepared (or unusable: see EnvLookup::problem)
    ok,       // ready: `python` runs with the requirements installed
    failed,   // prepared, but pip could not install the requirements: EnvLookup::problem says why
};

const char* to_string(EnvState state);  // "missing", "ok", "failed"

struct EnvLookup {
    EnvState state = EnvState::missing;
    std::string name;                     // env_dir_name(spec)
    std::string dir;                      // <cache>/<name>
    std::string python;                   // <dir>/bin/python (a venv's own, which sees its packages)
    std::string problem;                  // missing: why it cannot be used; failed: pip's reason
    std::optional<EnvManifest> manifest;  // when one was read and matches
    bool operator==(const EnvLookup&) const = default;
};

// The state of the environment `spec` needs in `cache`. Missing also when the directory holds
// no readable manifest, a manifest for another interpreter or requirement set, or an "ok"
// manifest without bin/python: each says so in `problem`.
EnvLookup lookup_env(const std::string& cache, const EnvSpec& spec);

}  // namespace perfmatrix
