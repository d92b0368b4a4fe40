#pragma once
// A real child process for tests (posix_spawn, argv array, no shell), with its stdout sent to
// a file. The destructor kills and reaps a child that is still running.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace perfmatrix::test {

class ChildProcess {
public:
    ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& stdout_file);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    // Raw wait status (WIFEXITED/WIFSIGNALED...). Blocks until the child ends.
    int wait();
    void kill(int signal);

private:
    pid_t pid_ = -1;
    bool reaped_ = false;
    int status_ = 0;
};

// Runs argv to completion with stdout/stderr to /dev/null; returns its exit code (-1 if killed).
int run_quietly(const std::vector<std::string>& argv);

}  // namespace perfmatrix::test
