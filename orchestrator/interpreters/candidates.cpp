#include "orchestrator/interpreters/candidates.hpp"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

std::string env_or(const char* name, const std::string& fallback) {
    const char* value = ::getenv(name);
    return value && *value ? std::string(value) : fallback;
}

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> dirs;
    std::size_t begin = 0;
    while (begin <= path.size()) {
        auto end = path.find(':', begin);
        if (end == std::string::npos) end = path.size();
        // An empty entry means the current directory: never look for interpreters there.
        if (end > begin) dirs.push_back(path.substr(begin, end - begin));
        begin = end + 1;
    }
    return dirs;
}

bool is_executable_file(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

void sort_versions(std::vector<std::string>& paths) {
    std::sort(paths.begin(), paths.end(),
              [](const std::string& a, const std::string& b) { return ::strverscmp(a.c_str(), b.c_str()) < 0; });
}

// Executables in dir whose name passes `keep`, in version order.
template <typename Keep>
std::vector<std::string> matching_files(const std::string& dir, Keep keep) {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (keep(name) && is_executable_file(it->path().string())) out.push_back(it->path().string());
    }
    sort_versions(out);
    return out;
}

std::vector<std::string> pyenv_pythons(const std::string& root) {
    if (root.empty()) return {};
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(fs::path(root) / "versions", ec), end; !ec && it != end; it.increment(ec)) {
        const auto python = (it->path() / "bin" / "python").string();
        if (is_executable_file(python)) out.push_back(python);
    }
    sort_versions(out);
    return out;
}

}  // namespace

bool is_pyenv_shim_dir(const std::string& dir, const std::string& pyenv_root) {
    if (pyenv_root.empty()) return false;
    std::error_code ec;
    const auto d = fs::weakly_canonical(dir, ec);
    if (ec) return false;
    const auto root = fs::weakly_canonical(pyenv_root, ec);
    if (ec) return false;
    return d == root / "shims" || (d.filename() == "shims" && d.parent_path().parent_path() == root / "plugins");
}

bool is_interpreter_name(const std::string& name) {
    static const std::regex pattern(R"(python(3(\.[0-9]+t?)?)?|pypy(3(\.[0-9]+)?)?)");
    return std::regex_match(name, pattern);
}

DiscoveryOptions DiscoveryOptions::from_environment() {
    DiscoveryOptions o;
    const std::string home = env_or("HOME", "");
    o.pyenv_root = env_or("PYENV_ROOT", home.empty() ? std::string() : home + "/.pyenv");
    o.path_dirs = split_path(env_or("PATH", ""));
    o.system_dirs = {"/usr/bin", "/usr/local/bin"};
    return o;
}

std::vector<Candidate> list_candidates(const DiscoveryOptions& options) {
    std::vector<Candidate> out;
    std::set<std::string> seen;
    const auto add = [&](const std::string& path, InterpreterSource source) {
        if (seen.insert(path).second) out.push_back({path, source});
    };
    for (const auto& p : pyenv_pythons(options.pyenv_root)) add(p, InterpreterSource::pyenv);
    for (const auto& dir : options.path_dirs) {
        if (is_pyenv_shim_dir(dir, options.pyenv_root)) continue;
        for (const auto& p : matching_files(dir, is_interpreter_name)) add(p, InterpreterSource::path);
    }
    const auto python3_name = [](const std::string& n) { return n.rfind("python3", 0) == 0 && is_interpreter_name(n); };
    for (const auto& dir : options.system_dirs) {
        for (const auto& p : matching_files(dir, python3_name)) add(p, InterpreterSource::system);
    }
    for (const auto& p : options.explicit_paths) add(p, InterpreterSource::explicit_path);
    return out;
}

}  // namespace perfmatrix
