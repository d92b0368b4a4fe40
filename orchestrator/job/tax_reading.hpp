#pragma once
// Reading a benchmark's `tax` key (tax_declaration.hpp says what it does).

#include "orchestrator/job/tax_declaration.hpp"

#include <toml++/toml.h>

#include <string>

namespace perfmatrix {

// Reads the `tax` value of a benchmark of `kind` (file:line:col at each problem).
TaxDeclaration read_tax(const toml::node& node, const std::string& kind);

// Checks a case of a benchmark that declares `tax` (failing at `where`): it must give n (or rows
// and cols), dtype and threads itself (the kinds' defaults differ), and no parameter that makes
// it another operation (a gemm with m or k != n, a broadcast, a reduction other than a sum over
// every element).
void check_tax_case(const TaxDeclaration& tax, const Case& c, const toml::node& where);

}  // namespace perfmatrix
