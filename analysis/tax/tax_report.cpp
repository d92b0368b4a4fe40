#include "analysis/tax/tax_report.hpp"

#include "analysis/stats/hierarchical_bootstrap.hpp"
#include "analysis/stats/measured_samples.hpp"
#include "analysis/stats/statistics.hpp"
#include "analysis/tax/tax_work.hpp"
#include "measure/model/sample.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>
#include <tuple>
#include <variant>

namespace perfmatrix {
namespace {

// Every kind and workload records "time", seconds per call (a batch's time over its calls, a
// sample's time over its loops): the one metric both sides share.
constexpr const char* kTimeMetric = "time";

int op_rank(const std::string& op) {
    static const std::vector<std::string> order{"matmul", "elementwise", "reduction"};
    const auto it = std::find(order.begin(), order.end(), op);
    return static_cast<int>(it - order.begin());
}

using GroupKey = std::tuple<int, std::string, long long, std::string, long long>;
GroupKey group_key(const TaxCase& t) { return {op_rank(t.op), t.op, t.n, t.dtype, t.threads}; }

bool ok(const CaseRecord& c) { return c.status == status::ok; }

TaxRow row_of(const TaxCase& t, MeasuredCache& measured) {
    TaxRow row;
    row.tax = t;
    row.status = t.record->status;
    row.reason = t.record->reason;
    row.rounds = t.record->rounds.size();
    const auto work = tax_work(t.op, t.n, t.dtype);
    if (work) row.rate_unit = work->unit;
    if (!ok(*t.record)) return row;
    const MeasuredSamples& m = measured.of(*t.record, kTimeMetric);
    if (m.sorted.empty()) return row;
    row.median_time = quantile_of_sorted(m.sorted, 0.5);
    if (work && *row.median_time > 0) row.rate = tax_rate(*work, *row.median_time);
    return row;
}

// The native case a Python case is compared with: of its declared native benchmark, same key.
const TaxRow* native_for(const TaxCase& t, const std::vector<TaxRow>& natives) {
    for (const TaxRow& n : natives)
        if (n.tax.record->benchmark == t.native) return &n;
    return nullptr;
}

void add_ratio(TaxRow& row, const TaxRow* native, MeasuredCache& measured) {
    if (!native) {
        row.no_ratio = fmt::format("no case of native benchmark '{}' at this n, dtype and threads", row.tax.native);
        return;
    }
    row.native_implementation = native->tax.implementation;
    if (!ok(*native->tax.record)) {
        row.no_ratio = fmt::format("the native case is {}", native->status);
        return;
    }
    if (!ok(*row.tax.record)) {
        row.no_ratio = fmt::format("this case is {}", row.status);
        return;
    }
    const MeasuredSamples &base = measured.of(*native->tax.record, kTimeMetric),
                          &fresh = measured.of(*row.tax.record, kTimeMetric);
    if (base.rounds.empty() || fresh.rounds.empty()) {
        row.no_ratio = "no measured time on a side";
        return;
    }
    try {
        // new / base = Python / native: how many times longer the call takes from Python.
        row.ratio = hierarchical_median_ratio_ci(base.rounds, fresh.rounds);
    } catch (const std::invalid_argument& e) {
        row.no_ratio = e.what();  // a time of 0 or less: nothing to divide by
    }
}

// Numbers compared as numbers, the rest as text: version strings sort as people expect.
std::vector<std::variant<long long, std::string>> version_parts(const std::string& s) {
    std::vector<std::variant<long long, std::string>> parts;
    std::size_t i = 0;
    while (i < s.size()) {
        const bool digit = std::isdigit(static_cast<unsigned char>(s[i])) != 0;
        std::size_t j = i;
        while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) != 0) == digit) ++j;
        const std::string piece = s.substr(i, j - i);
        if (digit)
            parts.emplace_back(piece.size() > 18 ? 0 : std::stoll(piece));
        else
            parts.emplace_back(piece);
        i = j;
    }
    return parts;
}

}  // namespace

bool version_less(const std::string& a, const std::string& b) {
    // A CPython version (it starts with a digit) before other implementations ("pypy 3.9.16").
    const bool a_cpython = !a.empty() && std::isdigit(static_cast<unsigned char>(a[0]));
    const bool b_cpython = !b.empty() && std::isdigit(static_cast<unsigned char>(b[0]));
    if (a_cpython != b_cpython) return a_cpython;
    return version_parts(a) < version_parts(b);
}

TaxReport build_tax_report(const Results& r, const std::string& path) {
    const std::vector<TaxCase> cases = tax_cases(r);
    if (cases.empty())
        throw std::invalid_argument(fmt::format(
            "{}: no case declares 'tax': add tax = \"matmul\" (or elementwise, reduction) to the native and the "
            "Python benchmarks of the job (docs/interpreter-tax.md), e.g. jobs/interpreter-tax.toml",
            path));
    TaxReport report;
    report.path = path;
    report.partial = !r.invocations.empty() && r.invocations.back().status != "completed";
    std::map<GroupKey, std::vector<const TaxCase*>> grouped;
    for (const TaxCase& t : cases) grouped[group_key(t)].push_back(&t);
    MeasuredCache measured;
    for (const auto& [key, members] : grouped) {
        TaxGroup g{members.front()->op, members.front()->n, members.front()->dtype, members.front()->threads, {}};
        std::vector<TaxRow> natives, pythons;
        for (const TaxCase* t : members) (t->python ? pythons : natives).push_back(row_of(*t, measured));
        for (TaxRow& p : pythons) add_ratio(p, native_for(p.tax, natives), measured);
        std::stable_sort(pythons.begin(), pythons.end(), [](const TaxRow& a, const TaxRow& b) {
            if (a.tax.interpreter != b.tax.interpreter) return version_less(a.tax.interpreter, b.tax.interpreter);
            return a.tax.implementation < b.tax.implementation;
        });
        g.rows = std::move(natives);
        for (TaxRow& p : pythons) g.rows.push_back(std::move(p));
        report.groups.push_back(std::move(g));
    }
    return report;
}

}  // namespace perfmatrix
