#pragma once
// A problem in a job file, reported where it was found. what() reads "file:line:col: message",
// the form compilers use, so editors and terminals can jump straight to the spot.

#include <stdexcept>
#include <string>

namespace perfmatrix {

struct JobError : std::runtime_error {
    // line and column are 1-based; 0 means the problem has no place in the text (e.g. the
    // file could not be read).
    JobError(std::string file, int line, int column, std::string message);

    std::string file;
    int line = 0;
    int column = 0;
    std::string message;  // what() without the location prefix
};

}  // namespace perfmatrix
