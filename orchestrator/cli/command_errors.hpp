#pragma once
// How a subcommand ends when something goes wrong: one line "perfmatrix NAME: what" on standard
// error and an exit code. What the user can fix in the command line or the files given is bad
// input (exit 2): a JobError (printed as it is: it names file:line:col), a batch template's
// error, std::invalid_argument, a refused merge. Anything else is a failure (exit 1).

#include "results/results_reader.hpp"

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace perfmatrix {

// Thrown for bad input; std::invalid_argument counts as bad input too.
struct BadInput : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// Runs `body`; what it throws becomes the line and the exit code above.
int run_reporting_errors(std::string_view command, const std::function<int()>& body);

// A results file read for a command. The reader's note (a recovered file, a live writer) goes
// to standard error, as every command shows it, unless `print_note` is false.
Results read_results_noting(const std::string& path, std::string* note = nullptr, bool print_note = true);

}  // namespace perfmatrix
