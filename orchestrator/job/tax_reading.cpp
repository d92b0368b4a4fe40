#include "orchestrator/job/tax_reading.hpp"

#include "orchestrator/job/suggest.hpp"
#include "orchestrator/job/toml_reading.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

#include <algorithm>

namespace perfmatrix {
namespace {

constexpr const char* kPythonKind = "python_workload";

std::string read_op(const toml::node& node) {
    auto op = expect_string(node, "'op' of 'tax'");
    const auto& ops = tax_ops();
    if (std::find(ops.begin(), ops.end(), op) == ops.end())
        fail_at(node, fmt::format("invalid value for 'op' of 'tax': '{}' is not an op the tax table knows ({}){}", op,
                                  fmt::join(ops, ", "), did_you_mean(op, ops)));
    return op;
}

std::string case_text(const Case& c) {
    std::vector<std::string> pairs;
    for (const auto& a : c.axes) pairs.push_back(a.axis + "=" + a.value);
    return pairs.empty() ? std::string("without axes") : fmt::format("{}", fmt::join(pairs, ", "));
}

std::string text_of(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// A native parameter that, when given, must have one of these values for the case to be the
// table's op; `equal_n`: it must equal n instead.
struct Constraint {
    const char* param;
    std::vector<std::string> allowed;
    bool equal_n = false;
};

std::vector<Constraint> constraints_of(const std::string& op) {
    if (op == "matmul") return {{"m", {}, true}, {"k", {}, true}};
    if (op == "elementwise") return {{"broadcast", {"none"}}};
    return {{"op", {"sum"}}, {"dim", {"all"}}};  // reduction: a sum over every element
}

// The Python side's workload names what it computes; a native kind's parameters may make it
// something else (a gemm of m x k by k x n, a broadcast, a norm).
void check_constraints(const TaxDeclaration& tax, const Case& c, long long n, const toml::node& where) {
    if (tax.python) return;
    for (const Constraint& k : constraints_of(tax.op)) {
        if (!c.params.contains(k.param)) continue;
        const std::string value = text_of(c.params.at(k.param));
        const bool ok = k.equal_n ? value == std::to_string(n)
                                  : std::find(k.allowed.begin(), k.allowed.end(), value) != k.allowed.end();
        if (ok) continue;
        fail_at(where, fmt::format("'tax' of benchmark '{}' (case {}): '{}' = {} makes it another operation than the "
                                   "tax table's '{}' ({})",
                                   c.benchmark, case_text(c), k.param, value, tax.op,
                                   k.equal_n ? fmt::format("it must equal n = {}", n)
                                             : fmt::format("use {}", fmt::join(k.allowed, " or "))));
    }
}

}  // namespace

TaxDeclaration read_tax(const toml::node& node, const std::string& kind) {
    TaxDeclaration tax;
    tax.line = static_cast<int>(node.source().begin.line);
    tax.column = static_cast<int>(node.source().begin.column);
    tax.python = kind == kPythonKind;
    if (node.is_string()) {
        tax.op = read_op(node);
        return tax;
    }
    if (!node.is_table())
        fail_at(node, fmt::format("expected a string (the op) or a table {{ op = ..., native = ..., label = ... }} for "
                                  "'tax', got {}",
                                  type_name(node)));
    const auto& table = *node.as_table();
    reject_unknown_keys(table, {"op", "native", "label"}, "'tax'");
    const auto* op = table.get("op");
    if (!op) fail_at(node, fmt::format("'tax' is missing required key 'op' ({})", fmt::join(tax_ops(), ", ")));
    tax.op = read_op(*op);
    if (const auto* label = table.get("label")) {
        tax.label = expect_text(*label, "'label' of 'tax'");
        if (tax.label.empty()) fail_at(*label, "invalid value for 'label' of 'tax': expected a non-empty string");
    }
    if (const auto* native = table.get("native")) {
        if (!tax.python)
            fail_at(*native, fmt::format("'native' of 'tax' belongs on a {} benchmark (the Python side); a {} "
                                         "benchmark is a native side itself",
                                         kPythonKind, kind));
        tax.native = expect_string(*native, "'native' of 'tax'");
    }
    return tax;
}

void check_tax_case(const TaxDeclaration& tax, const Case& c, const toml::node& where) {
    const auto key = tax_key(c);
    if (!key)
        fail_at(where, fmt::format("'tax' of benchmark '{}' (case {}): give n (or rows and cols), dtype and threads "
                                   "explicitly{} (positive integers for n and threads): the kinds' defaults differ, "
                                   "and the table pairs cases by them",
                                   c.benchmark, case_text(c), tax.python ? " in 'args'" : ""));
    check_constraints(tax, c, key->n, where);
}

}  // namespace perfmatrix
