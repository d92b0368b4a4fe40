#pragma once
// Which cases a command works on: `-k PATTERN`, `--benchmark NAME` and `--category NAME`, on
// plan, run, exec, report, compare and export (docs/usage.md, "Selecting cases"). A filtered run
// records its selection, and --resume continues it.

#include "measure/model/case.hpp"

#include <algorithm>
#include <cstddef>
#include <regex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

// A case as selection sees it: in a job before it runs, or as a results file holds it.
struct CaseKey {
    const std::string& id;
    const std::string& benchmark;
    std::string category;  // empty when no --category asks (finding it may cost a process)
    const std::vector<AxisValue>& axes;
};

struct Selection {
    // -k: regular expressions (ECMAScript), each searched in the benchmark's name, the case id
    // and every `axis=value`; a case must match every one given (pytest's -k narrows, and
    // 'a|b' gives either).
    std::vector<std::string> patterns;
    std::vector<std::string> benchmarks;  // --benchmark: exact names, any of them
    std::vector<std::string> categories;  // --category: any of them

    bool empty() const { return patterns.empty() && benchmarks.empty() && categories.empty(); }
    bool operator==(const Selection&) const = default;
    bool matches(const CaseKey& c) const;
    // "-k 'nbody|richards' --category compute"; "" when empty.
    std::string describe() const;
    // How a results file records it (root attribute `selection`): a JSON object; "" when empty.
    std::string to_json() const;
    static Selection from_json(const std::string& text);
};

// A selection ready to match many cases: its -k patterns compiled once, not once a case.
class SelectionMatcher {
public:
    explicit SelectionMatcher(const Selection& s);
    bool matches(const CaseKey& c) const;

private:
    const Selection& selection_;
    std::vector<std::regex> patterns_;
};

// The categories --category accepts: every registered kind's, and the ones the Python harness's
// workloads declare (the suite's startup, memory, compute, async).
std::vector<std::string> known_categories();

// Throws std::invalid_argument (exit 2) naming the option: a -k that is no regular expression,
// or a --category nobody declares.
void check_selection(const Selection& s);

// Keeps the selected items of `all`, in their order. A selection that matches nothing is bad
// input (std::invalid_argument, exit 2; `all` is left whole), the message naming `what` (e.g.
// "jobs/python-versions.toml" or "r.h5").
template <class T, class KeyOf>
void keep_matching(std::vector<T>& all, const Selection& s, const std::string& what, KeyOf key_of);

// For --resume: the selection the file was started with (`recorded`, its JSON), unless the
// command line asks for another, which is refused (a JobError naming `file`).
Selection resumed_selection(const std::string& recorded, const Selection& asked, const std::string& file);

// The message of a selection that matched nothing of `what`.
std::string nothing_selected(const Selection& s, const std::string& what, std::size_t out_of);

template <class T, class KeyOf>
void keep_matching(std::vector<T>& all, const Selection& s, const std::string& what, KeyOf key_of) {
    if (s.empty()) return;
    const SelectionMatcher matcher(s);
    std::vector<bool> keep(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) keep[i] = matcher.matches(key_of(all[i]));
    if (std::find(keep.begin(), keep.end(), true) == keep.end())
        throw std::invalid_argument(nothing_selected(s, what, all.size()));
    std::vector<T> kept;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (keep[i]) kept.push_back(std::move(all[i]));
    all = std::move(kept);
}

}  // namespace perfmatrix
