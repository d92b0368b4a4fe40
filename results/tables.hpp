#pragma once
// All tables of a results file, opened together. Internal to results/.

#include "results/table.hpp"

#include <string>

namespace perfmatrix {

struct Tables {
    Table invocations;
    Table ranks;
    Table environment;
    Table cases;
    Table axes;
    Table samples;
};

Tables create_tables(hid_t file, const std::string& file_name);
// Opens cases before case_axes and samples: beside a live writer, the rows of every case we
// see are then already within the extents we see.
Tables open_tables(hid_t file, const std::string& file_name);

}  // namespace perfmatrix
