#include "orchestrator/job/case_id.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace perfmatrix {

namespace {
// 10 hex digits = 40 bits keep ids short to read and type; CaseIdSet lengthens the few that
// collide.
constexpr std::size_t kIdBytes = 5;

std::string case_key(std::string_view benchmark, const std::vector<AxisValue>& axes) {
    std::vector<const AxisValue*> sorted;
    sorted.reserve(axes.size());
    for (const auto& a : axes) sorted.push_back(&a);
    std::sort(sorted.begin(), sorted.end(), [](const AxisValue* x, const AxisValue* y) { return x->axis < y->axis; });

    std::string key(benchmark);
    for (const auto* a : sorted) {
        key.push_back('\0');
        key += a->axis;
        key.push_back('=');
        key += a->value;
    }
    return key;
}

std::string id_text(std::string_view benchmark, const Sha256Digest& digest, std::size_t bytes) {
    std::string id;
    id.reserve(benchmark.size() + 1 + 2 * bytes);
    id += benchmark;
    id.push_back('/');
    id += hex_prefix(digest, bytes);
    return id;
}

// The short id's bytes as a number: equal short ids, equal numbers.
std::uint64_t short_id_bits(const Sha256Digest& d) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < kIdBytes; ++i) v = (v << 8) | d[i];
    return v;
}

}  // namespace

std::string make_case_id(std::string_view benchmark, const std::vector<AxisValue>& axes) {
    return id_text(benchmark, sha256_digest(case_key(benchmark, axes)), kIdBytes);
}

std::string make_long_case_id(std::string_view benchmark, const std::vector<AxisValue>& axes) {
    return id_text(benchmark, sha256_digest(case_key(benchmark, axes)), Sha256Digest{}.size());
}

void CaseIdSet::add(const std::vector<AxisValue>& axes) {
    digests_.push_back(sha256_digest(case_key(benchmark_, axes)));
}

void CaseIdSet::finish() {
    long_.assign(digests_.size(), false);
    first_of_.clear();
    repeated_.clear();
    // (short id, index), sorted: cases that share a short id end up next to each other, the
    // earliest first.
    std::vector<std::pair<std::uint64_t, std::size_t>> order;
    order.reserve(digests_.size());
    for (std::size_t i = 0; i < digests_.size(); ++i) order.emplace_back(short_id_bits(digests_[i]), i);
    std::sort(order.begin(), order.end());
    for (std::size_t begin = 0, end = 0; begin < order.size(); begin = end) {
        end = begin + 1;
        while (end < order.size() && order[end].first == order[begin].first) ++end;
        if (end - begin == 1) continue;
        // Cases sharing a short id: equal digests are equal axes sets (the same case twice); any
        // two different ones make every case of the group take the long id.
        bool different = false;
        for (std::size_t k = begin + 1; k < end; ++k) {
            const std::size_t i = order[k].second;
            for (std::size_t j = begin; j < k; ++j) {
                if (digests_[order[j].second] != digests_[i]) {
                    different = true;
                } else if (!first_of_.contains(i)) {
                    first_of_.emplace(i, order[j].second);
                    repeated_.insert(order[j].second);
                }
            }
        }
        if (different)
            for (std::size_t k = begin; k < end; ++k) long_[order[k].second] = true;
    }
}

std::string CaseIdSet::id(std::size_t i) const {
    return id_text(benchmark_, digests_[i], long_[i] ? Sha256Digest{}.size() : kIdBytes);
}

std::optional<std::size_t> CaseIdSet::repeats(std::size_t i) const {
    const auto it = first_of_.find(i);
    if (it == first_of_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> unique_case_ids(std::string_view benchmark,
                                         const std::vector<std::vector<AxisValue>>& axes_sets) {
    CaseIdSet set(benchmark);
    for (const auto& axes : axes_sets) set.add(axes);
    set.finish();
    std::vector<std::string> ids;
    ids.reserve(set.size());
    for (std::size_t i = 0; i < set.size(); ++i) ids.push_back(set.id(i));
    return ids;
}

}  // namespace perfmatrix
