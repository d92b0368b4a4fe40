#pragma once
// The environment block handed to a spawned child: the worker's own (or none), minus the
// variables to unset, plus the variables to set.

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

struct EnvironmentChanges {
    std::vector<std::pair<std::string, std::string>> set;
    std::vector<std::string> unset;
    bool clear = false;  // start from an empty environment; `set` still applies
};

class ChildEnvironment {
public:
    // Reads the worker's environ at construction; nothing in the worker is modified.
    explicit ChildEnvironment(const EnvironmentChanges& changes);
    ChildEnvironment(const ChildEnvironment&) = delete;
    ChildEnvironment& operator=(const ChildEnvironment&) = delete;

    // NULL-terminated, valid while this object lives; the form posix_spawn takes.
    char* const* envp() const { return pointers_.data(); }
    const std::vector<std::string>& entries() const { return entries_; }

private:
    std::vector<std::string> entries_;  // "NAME=value"
    std::vector<char*> pointers_;
};

}  // namespace perfmatrix
