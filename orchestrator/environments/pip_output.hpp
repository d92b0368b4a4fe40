#pragma once
// Reading what pip prints: why an install failed, what is installed, which pip it is. Kept
// apart from running pip so the rules are testable on fixed text.

#include "orchestrator/environments/env_manifest.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

// The reason an install failed, in pip's words: its "ERROR:" lines, prefix dropped, joined by
// " | " ("Could not find a version that satisfies the requirement torch (from versions: none)
// | No matching distribution found for torch"); without any, the last non-empty line. Then
// how the command ended (`failure`) when that adds something. At most ~1000 characters, the end
// kept (pip says the gist last).
std::string pip_failure_reason(const std::vector<std::string>& lines, const std::string& failure);

// The packages in `pip list --format=json` output: the line holding the JSON array (pip may
// print warnings around it). Throws std::runtime_error when there is none.
std::vector<InstalledPackage> parse_pip_list(const std::vector<std::string>& lines);

// "23.2.1" from "pip 23.2.1 from /x/site-packages/pip (python 3.12)"; "" when not there.
std::string parse_pip_version(const std::vector<std::string>& lines);

}  // namespace perfmatrix
