#include "tests/results/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace perfmatrix::test {

namespace {

// posix_spawn's file actions, released on every path.
class FileActions {
public:
    FileActions() { posix_spawn_file_actions_init(&actions_); }
    ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
    posix_spawn_file_actions_t* get() { return &actions_; }

private:
    posix_spawn_file_actions_t actions_;
};

pid_t spawn(const std::vector<std::string>& argv, const std::string& out, const std::string& err) {
    FileActions actions;
    posix_spawn_file_actions_addopen(actions.get(), 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(actions.get(), 2, err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    // spawnp: tools like h5dump are found on PATH.
    if (const int rc = posix_spawnp(&pid, args[0], actions.get(), nullptr, args.data(), environ); rc != 0)
        throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
    return status;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& stdout_file)
    : pid_(spawn(argv, stdout_file.string(), stdout_file.string() + ".stderr")) {}

ChildProcess::~ChildProcess() {
    if (reaped_) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
}

int ChildProcess::wait() {
    if (!reaped_) {
        status_ = wait_for(pid_);
        reaped_ = true;
    }
    return status_;
}

void ChildProcess::kill(int signal) {
    if (!reaped_) ::kill(pid_, signal);
}

int run_quietly(const std::vector<std::string>& argv) {
    const int status = wait_for(spawn(argv, "/dev/null", "/dev/null"));
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace perfmatrix::test
