#pragma once
// Matrix expansion, on values already read from the job file: the product of the axes, minus
// `exclude` entries, plus `include` entries with GitHub Actions semantics. Pure, so the rules
// are testable without TOML.

#include "measure/model/case.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

struct Axis {
    std::string name;
    std::vector<std::string> values;  // in text form, in the order given
};

// Key/value pairs of one exclude or include entry, in the order written.
using MatrixEntry = std::vector<AxisValue>;

struct MatrixSpec {
    std::vector<Axis> axes;  // in declaration order
    std::vector<MatrixEntry> exclude;
    std::vector<MatrixEntry> include;
};

struct Combination {
    std::vector<AxisValue> values;  // declared axes in declaration order, then include extras
    // Set when an include entry matched no combination of the product and so became this
    // combination on its own.
    std::optional<std::size_t> added_by_include;
};

// The product of the axes with the first axis varying slowest; then every combination
// matching all keys of some exclude entry is removed; then each include entry, in order:
//  - if every key of it that is a declared axis equals that axis' value in some combinations
//    of the product (those left after exclude), its other keys are set on each of them
//    (overwriting what an earlier include set, never a declared axis' value);
//  - otherwise it is appended as a combination of its own.
// Without axes, each include entry is a combination of its own; with neither axes nor include
// entries there is one empty combination, so a benchmark without a matrix has one case.
std::vector<Combination> expand_matrix(const MatrixSpec& spec);

// The same combinations in the same order, handed to `each` one at a time: a matrix of 10^6
// combinations (about 200 bytes each) need not be held.
void for_each_combination(const MatrixSpec& spec, const std::function<void(Combination&&)>& each);

}  // namespace perfmatrix
