#pragma once
// All tables of a results file, opened together. Internal to results/.

#include "results/rows.hpp"
#include "results/table.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

struct Tables {
    Table invocations;
    Table ranks;
    Table environment;
    Table cases;
    Table metrics;
    Table axes;
    Table samples;
    Table case_environment;
    Table components;
};

Tables create_tables(hid_t file, const std::string& file_name);
// Opens cases before the tables of its rows (metrics, case_axes, samples, case_environment,
// components): beside a live writer, the rows of every case we see, and the metrics they
// name, are then already within the extents we see.
// `unclosed`: its writer did not close the file (killed, or still writing); an invocation
// still "running" says so too. Each table may then end in a torn chunk (Table::tolerate_torn_chunk).
Tables open_tables(hid_t file, const std::string& file_name, bool unclosed);
// The tables whose reads met a torn chunk.
std::vector<std::string> tables_read_torn(const Tables& tables);

// Where the next committed case's rows will start: the current end of each of its tables.
CaseRowStarts next_case_starts(const Tables& tables);

}  // namespace perfmatrix
