#include "workers/case.hpp"

#include <gtest/gtest.h>

#include <string>

namespace perfmatrix {

TEST(Placement, NamesMatchJobFileSpelling) {
    EXPECT_EQ(std::string(to_string(Placement::exclusive)), "exclusive");
    EXPECT_EQ(std::string(to_string(Placement::shared)), "shared");
}

}  // namespace perfmatrix
