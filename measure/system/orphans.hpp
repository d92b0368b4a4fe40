#pragma once
// Descendants that escape a case's process group (a grandchild that calls setsid, a daemon)
// would outlive the case and disturb the ones after it. perfmatrix-measure makes itself their
// subreaper, so the kernel hands them to it instead of to init, and sweeps them when the case
// ends. Only for a process whose every child belongs to the case: it kills them all.

#include <cstddef>

namespace perfmatrix {

// PR_SET_CHILD_SUBREAPER: orphaned descendants become this process's children. False where
// the kernel refuses.
bool become_subreaper();

// Kills (SIGKILL) and reaps every child of this process, and the children those leave in turn,
// until none is left; returns how many were still running (those that had exited are only reaped).
std::size_t kill_all_children();

}  // namespace perfmatrix
