#include "orchestrator/environments/env_cache.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

std::string absolute_dir(const std::string& path) {
    std::string expanded = path;
    if (path == "~" || path.rfind("~/", 0) == 0) {
        const char* home = std::getenv("HOME");
        if (home && *home) expanded = std::string(home) + path.substr(1);
    }
    return fs::absolute(expanded).lexically_normal().string();
}

std::string fallback_dir() {
    const char* home = std::getenv("HOME");
    return absolute_dir(fmt::format("{}/.cache/perfmatrix/envs", home && *home ? home : "."));
}

// Why a manifest read from the directory does not describe `spec` ("" when it does).
std::string mismatch(const EnvManifest& m, const EnvSpec& spec) {
    if (m.env.interpreter != spec.interpreter) {
        return fmt::format("its manifest is for interpreter {}, not {}", m.env.interpreter, spec.interpreter);
    }
    if (m.env.label != spec.label) return fmt::format("its manifest is for {}, not {}", m.env.label, spec.label);
    if (m.env.requirements != spec.requirements) return "its manifest lists other requirements";
    return "";
}

}  // namespace

EnvCacheChoice choose_env_cache(const std::string& command_line, const std::string& job_value) {
    if (!command_line.empty()) return {absolute_dir(command_line), EnvCacheSource::command_line};
    const char* variable = std::getenv(kEnvCacheVariable);
    if (variable && *variable) return {absolute_dir(variable), EnvCacheSource::environment};
    if (!job_value.empty()) return {absolute_dir(job_value), EnvCacheSource::job};
    return {fallback_dir(), EnvCacheSource::fallback};
}

const char* to_string(EnvState state) {
    switch (state) {
        case EnvState::missing: return "missing";
        case EnvState::ok: return "ok";
        case EnvState::failed: return "failed";
    }
    return "?";
}

EnvLookup lookup_env(const std::string& cache, const EnvSpec& spec) {
    EnvLookup out;
    out.name = env_dir_name(spec);
    out.dir = (fs::path(cache) / out.name).string();
    out.python = (fs::path(out.dir) / "bin" / "python").string();
    std::error_code ec;
    if (!fs::is_directory(out.dir, ec)) {
        out.problem = "not prepared";
        return out;
    }
    EnvManifest m;
    try {
        m = read_manifest(out.dir);
    } catch (const std::exception& e) {
        out.problem = e.what();
        return out;
    }
    if (auto why = mismatch(m, spec); !why.empty()) {
        out.problem = std::move(why);
        return out;
    }
    if (m.ok && ::access(out.python.c_str(), X_OK) != 0) {
        out.problem = fmt::format("{} is not executable (the environment is damaged)", out.python);
        return out;
    }
    out.state = m.ok ? EnvState::ok : EnvState::failed;
    if (!m.ok) out.problem = m.reason;
    out.manifest = std::move(m);
    return out;
}

}  // namespace perfmatrix
