#pragma once
// Which recorded system settings make numbers unstable, and what to do about them. The one
// place that decides: `perfmatrix system` prints these judgements, and `perfmatrix report`
// judges the `system.*` entries a results file recorded for each rank the same way.

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

enum class SystemSeverity {
    note,     // worth knowing; numbers are not less stable because of it
    warning,  // numbers vary more (or drift) because of it
};

struct SystemAdvice {
    SystemSeverity severity = SystemSeverity::note;
    std::string key;   // the entry judged, e.g. "system.governor"
    std::string text;  // e.g. "governor powersave on 2 CPUs (2-3): frequencies vary; set performance"
};

// Judges the `system.*` entries among `environment` (other entries are ignored); entries that
// are missing or "unavailable" are not judged. Warnings first, then notes.
std::vector<SystemAdvice> judge_system_state(const std::vector<std::pair<std::string, std::string>>& environment);

}  // namespace perfmatrix
