#pragma once
// The lines of a program's text output, without their line breaks, for tests that check it
// line by line.

#include <sstream>
#include <string>
#include <vector>

namespace perfmatrix::test {

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace perfmatrix::test
