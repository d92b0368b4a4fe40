// The interpreter-tax plot: tax (Python / native median time) against n on a log axis, one line
// per interpreter and Python implementation, from the same report `perfmatrix tax` prints.

#include "analysis/plot/plot_builders.hpp"
#include "analysis/tax/tax_report.hpp"

#include <fmt/format.h>

#include <map>
#include <set>
#include <stdexcept>

namespace perfmatrix {
namespace {

struct Variation {
    std::set<std::string> dtypes;
    std::set<long long> threads;
};

std::string series_label(const TaxGroup& g, const TaxRow& row, const Variation& v) {
    std::string label = row.tax.interpreter + " " + row.tax.implementation;
    std::vector<std::string> extra;
    if (v.dtypes.size() > 1) extra.push_back(g.dtype);
    if (v.threads.size() > 1) extra.push_back(fmt::format("{} thread{}", g.threads, g.threads == 1 ? "" : "s"));
    if (!extra.empty()) label += fmt::format(" ({})", fmt::join(extra, ", "));
    return label;
}

TaxPlot plot_of(const TaxReport& report, const std::string& op, FileNames& names) {
    Variation v;
    for (const TaxGroup& g : report.groups)
        if (g.op == op) {
            v.dtypes.insert(g.dtype);
            v.threads.insert(g.threads);
        }
    TaxPlot plot;
    plot.op = op;
    plot.file = names.unique("tax-" + op);
    plot.title = fmt::format("Interpreter tax: {} from Python / native (> 1: Python pays)", op);
    std::map<std::string, std::size_t> index;  // label -> series
    for (const TaxGroup& g : report.groups) {  // n ascending within an op: the groups are sorted
        if (g.op != op) continue;
        for (const TaxRow& row : g.rows) {
            if (!row.ratio) continue;
            const std::string label = series_label(g, row, v);
            const auto [it, fresh] = index.emplace(label, plot.series.size());
            if (fresh) plot.series.push_back({label, {}, {}, {}, {}});
            TaxSeries& s = plot.series[it->second];
            s.x.push_back(static_cast<double>(g.n));
            s.ratio.push_back(row.ratio->ratio);
            s.low.push_back(row.ratio->low);
            s.high.push_back(row.ratio->high);
        }
    }
    return plot;
}

}  // namespace

std::vector<TaxPlot> build_tax_plots(const Results& r, FileNames& names) {
    TaxReport report;
    try {
        report = build_tax_report(r, "");
    } catch (const std::invalid_argument&) {
        return {};  // no case declares `tax`
    }
    std::vector<std::string> ops;
    for (const TaxGroup& g : report.groups)
        if (ops.empty() || ops.back() != g.op) ops.push_back(g.op);
    std::vector<TaxPlot> plots;
    for (const std::string& op : ops)
        if (TaxPlot p = plot_of(report, op, names); !p.series.empty()) plots.push_back(std::move(p));
    return plots;
}

}  // namespace perfmatrix
