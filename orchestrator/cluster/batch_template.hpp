#pragma once
// Batch script templates: text with {{name}} placeholders. The built-in ones are the files in
// slurm/, compiled in (templates.cpp is generated from them), so an installed binary needs no
// source tree; `perfmatrix submit --template FILE` replaces the script's.

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace perfmatrix {

struct TemplateError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Replaces every {{name}} with values.at(name). A placeholder without a value, or a "{{" that
// is never closed, is an error naming the template, its line and the names it knows: a
// template that half-renders would submit a broken job.
std::string render_template(std::string_view text, const std::map<std::string, std::string>& values,
                            std::string_view template_name);

// slurm/perfmatrix.sbatch.in: the batch script.
std::string_view builtin_batch_template();
// slurm/hetjob.directives.in: the #SBATCH lines of a heterogeneous job.
std::string_view builtin_hetjob_template();

}  // namespace perfmatrix
