#pragma once
// Signal names as users write them in job files ("TERM", "SIGINT") and as reasons print them.

#include <optional>
#include <string>
#include <string_view>

namespace perfmatrix {

// "TERM", "SIGTERM" -> SIGTERM; nullopt for a name outside the teardown-worthy set.
std::optional<int> parse_signal_name(std::string_view name);

// SIGKILL -> "SIGKILL"; an unnamed number -> "SIG<n>".
std::string signal_name(int signo);

// "signal 9 (SIGKILL)", the form failure reasons use.
std::string describe_signal(int signo);

}  // namespace perfmatrix
