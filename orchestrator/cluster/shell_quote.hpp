#pragma once
// Quoting for the one place perfmatrix writes shell text: the batch script it renders.
// Everything perfmatrix itself starts gets an argv array instead.

#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

// `word` as one bash word: left bare when it holds only characters bash never interprets,
// otherwise in single quotes (a ' inside becomes '\'').
std::string shell_quote(std::string_view word);
// The words quoted and joined by spaces.
std::string shell_join(const std::vector<std::string>& words);

}  // namespace perfmatrix
