#include "orchestrator/job/glob_axis.hpp"

#include <glob.h>
#include <string.h>

#include <algorithm>
#include <new>
#include <set>

namespace perfmatrix {
namespace {

// Owns a glob_t so globfree runs on every path out.
class GlobResult {
public:
    explicit GlobResult(const std::string& pattern) {
        const int rc = ::glob(pattern.c_str(), GLOB_TILDE | GLOB_BRACE | GLOB_NOSORT, nullptr, &g_);
        if (rc == GLOB_NOSPACE) throw std::bad_alloc();
        // GLOB_NOMATCH and GLOB_ABORTED (an unreadable directory) both mean: no matches here.
        ok_ = rc == 0;
    }
    ~GlobResult() { ::globfree(&g_); }
    GlobResult(const GlobResult&) = delete;
    GlobResult& operator=(const GlobResult&) = delete;

    std::vector<std::string> paths() const {
        if (!ok_) return {};
        return std::vector<std::string>(g_.gl_pathv, g_.gl_pathv + g_.gl_pathc);
    }

private:
    glob_t g_{};
    bool ok_ = false;
};

std::vector<std::string> matches_in_version_order(const std::string& pattern) {
    auto paths = GlobResult(pattern).paths();
    std::sort(paths.begin(), paths.end(),
              [](const std::string& a, const std::string& b) { return ::strverscmp(a.c_str(), b.c_str()) < 0; });
    return paths;
}

}  // namespace

std::vector<std::string> expand_globs(const std::vector<std::string>& patterns) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& pattern : patterns) {
        for (auto& path : matches_in_version_order(pattern)) {
            if (seen.insert(path).second) out.push_back(std::move(path));
        }
    }
    return out;
}

}  // namespace perfmatrix
