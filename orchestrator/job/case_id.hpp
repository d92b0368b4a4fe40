#pragma once
// Case ids name a case across runs (resuming, comparing results), so they depend only on what
// the case is, never on where it sits in the file.

#include "measure/model/case.hpp"
#include "orchestrator/job/sha256.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace perfmatrix {

// "<benchmark>/<first 10 hex digits of sha-256 of K>", where K is the benchmark name followed,
// for each axis (name, value) pair sorted by axis name, by "\0name=value". Sorting makes the id
// independent of the order axes are declared in as well as of the order of values.
std::string make_case_id(std::string_view benchmark, const std::vector<AxisValue>& axes);

// The same with all 64 hex digits: the id of every case whose short id another, different case
// of its benchmark shares (unique_case_ids).
std::string make_long_case_id(std::string_view benchmark, const std::vector<AxisValue>& axes);

// The ids of one benchmark's cases, given one at a time so that a benchmark of 10^6 cases need
// not be held to name them: add() each case's axes in order, finish(), then id(i). It keeps 32
// bytes a case (the digest), and sorting their prefixes finds the shared short ids in
// O(n log n) where a map of strings took several times the memory.
class CaseIdSet {
public:
    explicit CaseIdSet(std::string_view benchmark) : benchmark_(benchmark) {}

    void add(const std::vector<AxisValue>& axes);
    // After the last add(): decides which cases take the long id, and which repeat another.
    void finish();

    std::size_t size() const { return digests_.size(); }
    // The short id, unless a different axes set of the benchmark shares it: then the long one.
    std::string id(std::size_t i) const;
    // The first case with the same axes set as case i, when that is an earlier one (the loader
    // calls case i a duplicate).
    std::optional<std::size_t> repeats(std::size_t i) const;
    // Some later case has the same axes set as case i.
    bool repeated_later(std::size_t i) const { return repeated_.contains(i); }

private:
    std::string benchmark_;
    std::vector<Sha256Digest> digests_;
    std::vector<bool> long_;
    std::unordered_map<std::size_t, std::size_t> first_of_;  // a repeated case -> the first with its axes
    std::unordered_set<std::size_t> repeated_;               // the cases first_of_ names
};

// One id per axes set, in order: the short id, except where different axes sets share a short
// id (40 bits collide for about 1 in 10^12 pairs, so a job of 10^6 cases has a fair chance of one);
// then all of them take the long id. Whether a case gets the long id depends only on the set of
// cases, never on their order. Equal axes sets get equal ids (the loader calls them duplicates).
std::vector<std::string> unique_case_ids(std::string_view benchmark,
                                         const std::vector<std::vector<AxisValue>>& axes_sets);

}  // namespace perfmatrix
