#pragma once
// Helpers shared by the job tests: job text from raw strings and expected errors (and, for
// them, temporary directories and environment variables that are restored afterwards).

#include "orchestrator/job/job.hpp"
#include "tests/support/scoped_env.hpp"
#include "tests/support/temp_dir.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace perfmatrix::test {

// Raw strings in tests start with a newline for readability; line 1 is the line after it.
std::string job_text(std::string_view raw);

// Runs parse_raw (which parses raw, with whatever catalog or options a test needs) and
// returns the JobError it throws; fails the test, showing raw, when nothing is thrown.
JobError job_error_of(const std::function<void()>& parse_raw, std::string_view raw);

// Parses raw (see job_text) as "job.toml" and returns the JobError it throws; fails the test
// when nothing is thrown.
JobError job_error(std::string_view raw);

// Parses raw (see job_text) as "job.toml".
Job parse(std::string_view raw);

// The text of a job whose first (or only) benchmark is `name`, of kind spawn: lines 1 to 3
// are "[[benchmark]]", "name = ..." and "kind = \"spawn\"", and `rest` (see job_text) goes on
// at line 4. Most error tests only care about what follows that header.
std::string spawn_benchmark(std::string_view name, std::string_view rest);

// Checks that e names job.toml:line:column, that its message contains `phrase`, and that
// what() is "job.toml:line:column: message".
void expect_job_error_at(const JobError& e, int line, int column, std::string_view phrase);

// Parses raw (see job_text) as "job.toml", checks the JobError it throws with
// expect_job_error_at and returns it for further checks.
JobError expect_job_error(std::string_view raw, int line, int column, std::string_view phrase);

}  // namespace perfmatrix::test
