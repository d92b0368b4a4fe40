#pragma once
// Which virtual environment a benchmark's interpreter needs: one per interpreter (its label and
// real executable) and requirement set, in a directory of the environment cache whose name a
// person can read and a short hash keeps apart: "3.12.1-1a2b3c4d5e".

#include <string>
#include <vector>

namespace perfmatrix {

struct EnvSpec {
    std::string label;                      // the interpreter's label, "3.12.1" (labels.hpp)
    std::string interpreter;                // its real executable, which `python -m venv` runs
    std::string version;                    // its version, "3.12.1" (recorded; the label already tells it apart)
    std::vector<std::string> requirements;  // canonical texts (Requirement::text), sorted, each once
    bool operator==(const EnvSpec&) const = default;
};

// "<label>-<10 hex digits>": the label with every character outside A-Z a-z 0-9 . _ - made '_'
// ("3.11.2@/usr/bin" -> "3.11.2__usr_bin"), and a hash of label, executable and requirements.
// The hash (64-bit FNV-1a) only keeps names apart; it is no proof of identity: the manifest
// inside is compared with the spec before an environment is used, so a collision is caught.
std::string env_dir_name(const EnvSpec& spec);

// "3.12.1 with numpy torch": an environment in messages.
std::string env_title(const EnvSpec& spec);

}  // namespace perfmatrix
