#pragma once
// "Did you mean ...?" for misspelt keys and names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

// The candidate closest to word by edit distance (adjacent swaps count once), if it is close
// enough to be a likely typo: at most a third of the candidate's length, and at least 1.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" when nearest() finds one, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace perfmatrix
