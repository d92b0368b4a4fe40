#pragma once
// Builds small blas cases for the tests.

#include "measure/model/case.hpp"
#include "tests/support/case_builder.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace perfmatrix::test {

// A blas case: 1 warm-up, `repetitions` samples, short batches (see short_batch_case).
inline Case blas_case(const std::string& kind, nlohmann::json params, int repetitions = 3) {
    return short_batch_case(kind, std::move(params), repetitions);
}

}  // namespace perfmatrix::test
