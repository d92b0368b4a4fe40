#include "results/tables.hpp"

namespace perfmatrix {

namespace {
// Every table of the schema, in the order of Tables' members: `table` creates or opens one.
// Braced initialisation evaluates in order, which the comment in the header relies on.
template <typename Each>
Tables each_table(Each table) {
    return Tables{table(schema::invocations_table()), table(schema::ranks_table()),
                  table(schema::environment_table()), table(schema::cases_table()),
                  table(schema::metrics_table()),     table(schema::axes_table()),
                  table(schema::samples_table()),     table(schema::case_environment_table()),
                  table(schema::components_table())};
}
}  // namespace

Tables create_tables(hid_t file, const std::string& file_name) {
    return each_table([&](const schema::TableSpec& spec) { return Table::create(file, spec, file_name); });
}

Tables open_tables(hid_t file, const std::string& file_name) {
    return each_table([&](const schema::TableSpec& spec) { return Table::open(file, spec, file_name); });
}

CaseRowStarts next_case_starts(const Tables& t) {
    return {t.axes.rows(), t.samples.rows(), t.case_environment.rows(), t.components.rows()};
}

}  // namespace perfmatrix
