#include "results/tables.hpp"

namespace perfmatrix {

Tables create_tables(hid_t file, const std::string& file_name) {
    return Tables{Table::create(file, schema::invocations_table(), file_name),
                  Table::create(file, schema::ranks_table(), file_name),
                  Table::create(file, schema::environment_table(), file_name),
                  Table::create(file, schema::cases_table(), file_name),
                  Table::create(file, schema::metrics_table(), file_name),
                  Table::create(file, schema::axes_table(), file_name),
                  Table::create(file, schema::samples_table(), file_name),
                  Table::create(file, schema::case_environment_table(), file_name),
                  Table::create(file, schema::components_table(), file_name)};
}

Tables open_tables(hid_t file, const std::string& file_name) {
    // Braced initialisation evaluates in order, which the comment in the header relies on.
    return Tables{Table::open(file, schema::invocations_table(), file_name),
                  Table::open(file, schema::ranks_table(), file_name),
                  Table::open(file, schema::environment_table(), file_name),
                  Table::open(file, schema::cases_table(), file_name),
                  Table::open(file, schema::metrics_table(), file_name),
                  Table::open(file, schema::axes_table(), file_name),
                  Table::open(file, schema::samples_table(), file_name),
                  Table::open(file, schema::case_environment_table(), file_name),
                  Table::open(file, schema::components_table(), file_name)};
}

CaseRowStarts next_case_starts(const Tables& t) {
    return {t.axes.rows(), t.samples.rows(), t.case_environment.rows(), t.components.rows()};
}

}  // namespace perfmatrix
