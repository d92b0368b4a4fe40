#include "orchestrator/environments/venv_builder.hpp"

#include "orchestrator/environments/pip_output.hpp"
#include "orchestrator/helpers/helper_command.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <stdexcept>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string host_name() {
    char buf[256] = {};
    ::gethostname(buf, sizeof buf - 1);
    return buf;
}

// The prefix of the temporary directories of one environment made on this host: a shared
// cache may see builds from several hosts at once, and only this host's pids can be checked.
std::string scratch_prefix(const std::string& kind, const std::string& name) {
    return fmt::format(".{}-{}-{}-", kind, name, host_name());
}

fs::path scratch_dir(const fs::path& cache, const std::string& kind, const std::string& name) {
    return cache / fmt::format("{}{}", scratch_prefix(kind, name), ::getpid());
}

bool pid_gone(const std::string& text) {
    try {
        const auto pid = std::stoi(text);
        return pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH;
    } catch (const std::exception&) {
        return false;
    }
}

// What a prepare on this host left when it was killed.
void remove_stale_scratch(const fs::path& cache, const std::string& name) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(cache, ec)) {
        const auto file = entry.path().filename().string();
        for (const auto* kind : {"building", "old"}) {
            const auto prefix = scratch_prefix(kind, name);
            if (file.rfind(prefix, 0) == 0 && pid_gone(file.substr(prefix.size()))) fs::remove_all(entry.path(), ec);
        }
    }
}

// Removes the directory on destruction unless it was moved into place.
class ScratchGuard {
public:
    explicit ScratchGuard(fs::path dir) : dir_(std::move(dir)) {}
    ~ScratchGuard() {
        std::error_code ec;
        if (!dir_.empty()) fs::remove_all(dir_, ec);
    }
    ScratchGuard(const ScratchGuard&) = delete;
    ScratchGuard& operator=(const ScratchGuard&) = delete;
    const fs::path& path() const { return dir_; }
    void release() { dir_.clear(); }

private:
    fs::path dir_;
};

// Replaces `final_dir` with the complete `built` one. rename(2) cannot replace a non-empty
// directory, so an existing one moves aside first; another prepare may place its own in
// between, hence the second try.
void move_into_place(const fs::path& built, const fs::path& final_dir, const fs::path& cache, const std::string& name) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::error_code ec;
        if (fs::exists(final_dir)) {
            const auto old = scratch_dir(cache, "old", name);
            fs::remove_all(old, ec);
            fs::rename(final_dir, old);
            fs::rename(built, final_dir, ec);
            fs::remove_all(old);
        } else {
            fs::rename(built, final_dir, ec);
        }
        if (!ec) return;
        if (attempt == 1) throw fs::filesystem_error("cannot move the environment into place", built, final_dir, ec);
    }
}

std::string command_text(const std::vector<std::string>& argv) { return fmt::format("$ {}", fmt::join(argv, " ")); }

class Builder {
public:
    Builder(const EnvSpec& spec, const PipOptions& options, const BuildHooks& hooks, fs::path dir)
        : spec_(spec),
          options_(options),
          hooks_(hooks),
          dir_(std::move(dir)),
          deadline_(Clock::now() +
                    std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.timeout))) {}

    // The manifest, or nullopt when stopped.
    std::optional<EnvManifest> build() {
        const auto started = Clock::now();
        EnvManifest m;
        m.env = spec_;
        m.pip_options = pip_source_options(options_);
        m.created = utc_now_text();
        const bool done = make_venv(m) && (!options_.upgrade_pip || upgrade_pip(m)) && install(m) && list(m);
        if (stopped_) return std::nullopt;
        m.ok = done;
        m.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        return m;
    }

private:
    std::string python() const { return (dir_ / "bin" / "python").string(); }

    std::vector<std::string> pip(std::vector<std::string> args) const {
        // -u: pip's output arrives line by line, not in 8 KiB blocks; -I: no PYTHON* variables
        // or user site-packages leak into what gets installed.
        std::vector<std::string> argv{python(), "-I", "-u", "-m", "pip"};
        argv.insert(argv.end(), args.begin(), args.end());
        return argv;
    }

    std::vector<std::string> install_args(std::vector<std::string> what) const {
        // --no-input: nobody answers a prompt (for credentials, say) in a batch job.
        std::vector<std::string> args{"install", "--disable-pip-version-check", "--no-input", "--progress-bar", "off"};
        const auto sources = pip_source_options(options_);
        args.insert(args.end(), sources.begin(), sources.end());
        args.insert(args.end(), what.begin(), what.end());
        return args;
    }

    HelperRun run(std::vector<std::string> argv, bool show) {
        if (hooks_.on_line) hooks_.on_line(command_text(argv));
        HelperCommand c;
        c.argv = std::move(argv);
        // pip's own configuration (pip.conf, PIP_* variables: a mirror, proxies, certificates)
        // applies as it does to the user's pip; the command line adds only --find-links/--no-index.
        c.env = {{"PIP_DISABLE_PIP_VERSION_CHECK", "1"}};
        c.timeout = std::chrono::duration<double>(deadline_ - Clock::now()).count();
        if (c.timeout <= 0) c.timeout = 1e-3;
        c.merge_stderr = true;  // a person watches pip's lines in the order it wrote them
        if (show) c.on_line = hooks_.on_line;
        c.should_stop = hooks_.should_stop;
        auto r = run_helper(c);
        if (r.end == HelperRun::End::stopped) stopped_ = true;
        return r;
    }

    bool make_venv(EnvManifest& m) {
        const auto r = run({spec_.interpreter, "-I", "-m", "venv", dir_.string()}, true);
        if (r.ok()) return true;
        m.reason = fmt::format("python -m venv failed: {}",
                               pip_failure_reason(r.last_lines, r.failure(options_.timeout)));
        return false;
    }

    bool upgrade_pip(EnvManifest& m) {
        const auto r = run(pip(install_args({"--upgrade", "pip"})), true);
        if (r.ok()) return true;
        m.reason = fmt::format("upgrading pip failed: {}",
                               pip_failure_reason(r.last_lines, r.failure(options_.timeout)));
        return false;
    }

    bool install(EnvManifest& m) {
        m.pip_version = parse_pip_version(run(pip({"--version"}), false).last_lines);
        const auto r = run(pip(install_args(spec_.requirements)), true);
        if (r.ok()) return true;
        m.reason = pip_failure_reason(r.last_lines, r.failure(options_.timeout));
        return false;
    }

    bool list(EnvManifest& m) {
        const auto r = run(pip({"list", "--disable-pip-version-check", "--format=json"}), false);
        if (!r.ok()) {
            m.reason = fmt::format("pip list failed: {}",
                                   pip_failure_reason(r.last_lines, r.failure(options_.timeout)));
            return false;
        }
        try {
            m.packages = parse_pip_list(r.last_lines);
        } catch (const std::exception& e) {
            m.reason = e.what();
            return false;
        }
        return true;
    }

    const EnvSpec& spec_;
    const PipOptions& options_;
    const BuildHooks& hooks_;
    fs::path dir_;
    Clock::time_point deadline_;
    bool stopped_ = false;
};

// A failed environment keeps only its manifest: nothing will run it, and a half-installed
// torch costs gigabytes.
void clear_contents(const fs::path& dir) {
    fs::remove_all(dir);
    fs::create_directory(dir);
}

}  // namespace

std::vector<std::string> pip_source_options(const PipOptions& options) {
    std::vector<std::string> out;
    if (options.no_index) out.emplace_back("--no-index");
    for (const auto& link : options.find_links) {
        const bool url = link.find("://") != std::string::npos;
        out.push_back(fmt::format("--find-links={}", url ? link : fs::absolute(link).lexically_normal().string()));
    }
    return out;
}

std::optional<EnvManifest> build_env(const std::string& cache, const EnvSpec& spec, const PipOptions& options,
                                     const BuildHooks& hooks) {
    const fs::path cache_dir(cache);
    fs::create_directories(cache_dir);
    const auto name = env_dir_name(spec);
    remove_stale_scratch(cache_dir, name);
    ScratchGuard scratch(scratch_dir(cache_dir, "building", name));
    fs::remove_all(scratch.path());

    auto manifest = Builder(spec, options, hooks, scratch.path()).build();
    if (!manifest) return std::nullopt;
    if (!manifest->ok) clear_contents(scratch.path());
    write_manifest(scratch.path(), *manifest);
    move_into_place(scratch.path(), cache_dir / name, cache_dir, name);
    scratch.release();
    return manifest;
}

}  // namespace perfmatrix
