#pragma once
// The run's metadata: attributes of the root group, written once when the file is created
// (before SWMR starts, so any length is fine). Internal to results/.

#include "measure/model/records.hpp"

#include <hdf5.h>

#include <string>

namespace perfmatrix {

void write_root_attributes(hid_t file, const std::string& file_name, const RunMeta& meta, double created);

// Throws if schema_version is missing (not a perfmatrix file) or not the one this build reads.
int read_schema_version(hid_t file, const std::string& file_name);
RunMeta read_run_meta(hid_t file, const std::string& file_name);

}  // namespace perfmatrix
