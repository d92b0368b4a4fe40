#include "results/tables.hpp"

#include "results/fixed_string.hpp"

#include <algorithm>
#include <array>

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

template <class T>
auto all_tables(T& t) {
    return std::array{&t.invocations, &t.ranks,   &t.environment,      &t.cases,     &t.metrics,
                      &t.axes,        &t.samples, &t.case_environment, &t.components};
}

}  // namespace

Tables create_tables(hid_t file, const std::string& file_name) {
    return each_table([&](const schema::TableSpec& spec) { return Table::create(file, spec, file_name); });
}

namespace {

// A reader that cleared a killed writer's status flags leaves its invocation "running", so a
// later open still learns that the file was not closed.
bool has_running_invocation(Table& invocations) {
    invocations.tolerate_torn_chunk(true);  // the row that tells may itself be in a torn chunk
    const auto rows = invocations.read_rows<schema::InvocationRow>(0, invocations.rows());
    return std::any_of(rows.begin(), rows.end(), [](const schema::InvocationRow& r) {
        return get_fixed(r.status) == schema::invocation_status::running;
    });
}

}  // namespace

Tables open_tables(hid_t file, const std::string& file_name, bool unclosed) {
    Tables t = each_table([&](const schema::TableSpec& spec) { return Table::open(file, spec, file_name); });
    unclosed = unclosed || has_running_invocation(t.invocations);
    for (Table* table : all_tables(t)) table->tolerate_torn_chunk(unclosed);
    return t;
}

std::vector<std::string> tables_read_torn(const Tables& t) {
    std::vector<std::string> names;
    for (const Table* table : all_tables(t)) {
        if (table->read_a_torn_chunk()) names.push_back(table->name());
    }
    return names;
}

CaseRowStarts next_case_starts(const Tables& t) {
    return {t.axes.rows(), t.samples.rows(), t.case_environment.rows(), t.components.rows()};
}

}  // namespace perfmatrix
