#include "orchestrator/cli/command_errors.hpp"

#include "orchestrator/cluster/batch_template.hpp"
#include "orchestrator/job/job_error.hpp"
#include "orchestrator/run/run_options.hpp"
#include "results/results_merge.hpp"

#include <fmt/format.h>

namespace perfmatrix {

int run_reporting_errors(std::string_view command, const std::function<int()>& body) {
    try {
        return body();
    } catch (const JobError& e) {
        fmt::print(stderr, "{}\n", e.what());  // it names file:line:col itself
        return exit_code::bad_input;
    } catch (const TemplateError& e) {
        fmt::print(stderr, "perfmatrix {}: {}\n", command, e.what());
        return exit_code::bad_input;
    } catch (const std::invalid_argument& e) {
        fmt::print(stderr, "perfmatrix {}: {}\n", command, e.what());
        return exit_code::bad_input;
    } catch (const MergeRefused& e) {
        fmt::print(stderr, "perfmatrix {}: {}\n", command, e.what());
        return exit_code::bad_input;
    } catch (const std::exception& e) {
        fmt::print(stderr, "perfmatrix {}: {}\n", command, e.what());
        return exit_code::failure;
    }
}

Results read_results_noting(const std::string& path, std::string* note, bool print_note) {
    std::string own;
    std::string& n = note ? *note : own;
    Results r = read_results(path, &n);
    if (print_note && !n.empty()) fmt::print(stderr, "{}\n", n);
    return r;
}

}  // namespace perfmatrix
