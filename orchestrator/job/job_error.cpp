#include "orchestrator/job/job_error.hpp"

#include <fmt/format.h>

#include <utility>

namespace perfmatrix {

JobError::JobError(std::string file_, int line_, int column_, std::string message_)
    : std::runtime_error(fmt::format("{}:{}:{}: {}", file_, line_, column_, message_)),
      file(std::move(file_)),
      line(line_),
      column(column_),
      message(std::move(message_)) {}

}  // namespace perfmatrix
