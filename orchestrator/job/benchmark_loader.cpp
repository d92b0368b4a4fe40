#include "orchestrator/job/benchmark_loader.hpp"

#include "measure/kind_registry.hpp"
#include "measure/model/kind.hpp"
#include "orchestrator/job/case_id.hpp"
#include "orchestrator/job/kind_params.hpp"
#include "orchestrator/job/matrix_loader.hpp"
#include "orchestrator/job/names.hpp"
#include "orchestrator/job/python_axis.hpp"
#include "orchestrator/job/python_environments.hpp"
#include "orchestrator/job/requirements_reading.hpp"
#include "orchestrator/job/suggest.hpp"
#include "orchestrator/job/tax_reading.hpp"
#include "orchestrator/job/toml_reading.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

namespace perfmatrix {
namespace {

const toml::node& required(const toml::table& table, std::string_view key, std::string_view what) {
    const auto* node = table.get(key);
    if (!node) fail_at(table, fmt::format("{} is missing required key '{}'", what, key));
    return *node;
}

std::string read_name(const toml::table& table) {
    const auto& node = required(table, "name", "benchmark");
    auto name = expect_string(node, "'name'");
    if (!is_benchmark_name(name)) {
        fail_at(node, fmt::format("invalid value for 'name': '{}' is not a valid benchmark name (use only letters, "
                                  "digits, '_', '.' and '-'; at most {} characters)",
                                  name, kMaxBenchmarkName));
    }
    return name;
}

const Kind& read_kind(const toml::table& table, std::string_view name) {
    const auto& node = required(table, "kind", fmt::format("benchmark '{}'", name));
    const auto kind = expect_string(node, "'kind'");
    if (const auto* spec = find_kind(kind)) return *spec;
    std::vector<std::string> known;
    for (const auto& k : known_kinds()) known.push_back(k.name);
    fail_at(node, fmt::format("unknown kind '{}' (known kinds: {}){}", kind, fmt::join(known, ", "),
                              did_you_mean(kind, known)));
}

std::vector<std::string> benchmark_keys(const Kind& kind) {
    std::vector<std::string> keys{"name", "kind", "matrix", "requirements", "tax"};
    keys.insert(keys.end(), setting_keys().begin(), setting_keys().end());
    for (const auto& p : kind.params) keys.push_back(p.name);
    return keys;
}

// A benchmark's case ids, and its axes: the declared ones first, then keys only include entries
// add, in order of first appearance. One pass over the matrix that holds none of it.
struct MatrixNames {
    CaseIdSet ids;
    std::vector<std::string> axes;
};

MatrixNames name_cases(std::string_view benchmark, const MatrixSpec& spec) {
    MatrixNames out{CaseIdSet(benchmark), {}};
    for (const auto& a : spec.axes) out.axes.push_back(a.name);
    const std::size_t declared = out.axes.size();
    for_each_combination(spec, [&](Combination&& c) {
        out.ids.add(c.values);
        for (std::size_t k = declared; k < c.values.size(); ++k) {
            const auto& name = c.values[k].axis;
            if (std::find(out.axes.begin(), out.axes.end(), name) == out.axes.end()) out.axes.push_back(name);
        }
    });
    out.ids.finish();
    return out;
}

std::string case_text(const std::vector<AxisValue>& axes) {
    std::vector<std::string> pairs;
    for (const auto& a : axes) pairs.push_back(fmt::format("{}={}", a.axis, a.value));
    return fmt::format("{}", fmt::join(pairs, ", "));
}

// Runs the kind's own check on a case's substituted parameters; a problem points at the
// parameter it names (or the benchmark when it names none the table sets).
void check_case(const Kind& kind, const Case& c, const std::vector<WrittenParam>& params, const toml::table& table) {
    if (!kind.check) return;
    const auto problem = kind.check(c.params);
    if (!problem) return;
    const toml::node* where = &table;
    for (const auto& p : params) {
        if (p.spec->name == problem->param) where = p.node;
    }
    const auto subject = problem->param.empty() ? std::string("parameters") : fmt::format("'{}'", problem->param);
    fail_at(*where, fmt::format("invalid value for {} of benchmark '{}' (case {}): {}", subject, c.benchmark,
                                c.axes.empty() ? std::string("without axes") : case_text(c.axes), problem->message));
}

// What the kind says this case needs (a GPU for device = "cuda") joins what the job requires.
void add_implied_requires(const Kind& kind, Case& c) {
    if (!kind.implied_requires) return;
    auto& have = c.settings.requires_;
    for (auto& capability : kind.implied_requires(c.params)) {
        if (std::find(have.begin(), have.end(), capability) == have.end()) have.push_back(std::move(capability));
    }
}

// One case per combination, handed to `take` in matrix order: id (unique within the benchmark),
// substituted parameters checked by the kind, settings.
void make_cases(const BenchmarkInfo& info, const Kind& kind, const std::vector<WrittenParam>& params,
                const CaseSettings& settings, const LoadedMatrix& matrix, const CaseIdSet& ids,
                const toml::table& table, const std::function<void(Case&&)>& take) {
    const SubstitutionContext context{info.name, &info.axes};
    std::map<std::size_t, std::string> repeated;  // a case some later one repeats -> its axes, for the message
    std::size_t i = 0;
    for_each_combination(matrix.spec, [&](Combination&& combo) {
        const std::size_t index = i++;
        Case c{ids.id(index), info.name, kind.name, std::move(combo.values), {}, settings};
        if (const auto first = ids.repeats(index)) {
            // Distinct axis values make distinct product cases, so only an include can repeat one.
            const toml::node* where = combo.added_by_include ? matrix.include_nodes[*combo.added_by_include] : &table;
            fail_at(*where, fmt::format("duplicate case: ({}) of benchmark '{}' already exists (id {})",
                                        repeated.at(*first), info.name, c.id));
        }
        if (ids.repeated_later(index)) repeated.emplace(index, case_text(c.axes));
        c.params = case_params(params, placeholder_values(c.axes, matrix.python), context);
        check_case(kind, c, params, table);
        add_implied_requires(kind, c);
        take(std::move(c));
    });
}

}  // namespace

LoadedBenchmark load_benchmark(const toml::table& table, const LayeredSettings& defaults,
                               InterpreterCatalog& interpreters, const std::string& env_cache, const CaseSink* sink) {
    LoadedBenchmark out;
    out.info.name = read_name(table);
    const auto& kind = read_kind(table, out.info.name);
    out.info.kind = kind.name;
    reject_unknown_keys(table, benchmark_keys(kind), fmt::format("benchmark '{}'", out.info.name));

    const auto settings = apply_settings(table, defaults);
    check_settings(settings, table);
    const auto params = read_kind_params(table, kind, out.info.name);
    auto matrix = load_matrix(table.get("matrix"), out.info.name, interpreters);
    if (const auto* node = table.get("requirements")) {
        out.info.requirements = read_requirements(*node, table, !matrix.python.empty());
        attach_environments(matrix.python, out.info.requirements, env_cache);
        out.requirements = node;
    }
    auto names = name_cases(out.info.name, matrix.spec);
    if (names.ids.size() == 0) {
        // Only exclude can empty a matrix, so there is a matrix table to point at.
        fail_at(*table.get("matrix"),
                fmt::format("benchmark '{}' has no cases: exclude removes every combination", out.info.name));
    }
    out.info.axes = std::move(names.axes);
    out.info.python = matrix.python;
    out.info.cases = names.ids.size();
    const toml::node* tax = table.get("tax");
    if (tax) out.info.tax = read_tax(*tax, kind.name);
    if (!sink) out.cases.reserve(out.info.cases);
    make_cases(out.info, kind, params, settings.settings, matrix, names.ids, table, [&](Case&& c) {
        if (tax) check_tax_case(*out.info.tax, c, *tax);
        if (sink)
            (*sink)(out.info, std::move(c));
        else
            out.cases.push_back(std::move(c));
    });
    return out;
}

}  // namespace perfmatrix
