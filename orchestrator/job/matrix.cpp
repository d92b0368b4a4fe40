#include "orchestrator/job/matrix.hpp"

#include <algorithm>

namespace perfmatrix {
namespace {

std::vector<Combination> product(const std::vector<Axis>& axes) {
    std::vector<Combination> out{Combination{}};
    for (const auto& axis : axes) {
        std::vector<Combination> next;
        next.reserve(out.size() * axis.values.size());
        for (const auto& partial : out) {
            for (const auto& value : axis.values) {
                Combination c = partial;
                c.values.push_back({axis.name, value});
                next.push_back(std::move(c));
            }
        }
        out = std::move(next);
    }
    return out;
}

const std::string* value_of(const std::vector<AxisValue>& values, const std::string& axis) {
    for (const auto& v : values) {
        if (v.axis == axis) return &v.value;
    }
    return nullptr;
}

bool is_declared(const std::vector<Axis>& axes, const std::string& name) {
    return std::any_of(axes.begin(), axes.end(), [&](const Axis& a) { return a.name == name; });
}

// Every key of the entry has the same value in the combination.
bool matches_all(const MatrixEntry& entry, const Combination& c) {
    return std::all_of(entry.begin(), entry.end(), [&](const AxisValue& kv) {
        const auto* v = value_of(c.values, kv.axis);
        return v && *v == kv.value;
    });
}

// Every key of the entry that is a declared axis has the same value in the combination.
bool matches_declared(const MatrixEntry& entry, const Combination& c, const std::vector<Axis>& axes) {
    return std::all_of(entry.begin(), entry.end(), [&](const AxisValue& kv) {
        if (!is_declared(axes, kv.axis)) return true;
        const auto* v = value_of(c.values, kv.axis);
        return v && *v == kv.value;
    });
}

void set_value(Combination& c, const AxisValue& kv) {
    for (auto& v : c.values) {
        if (v.axis == kv.axis) {
            v.value = kv.value;
            return;
        }
    }
    c.values.push_back(kv);
}

// A combination of the entry alone: its declared axes in declaration order, then the rest as
// written.
Combination from_entry(const MatrixEntry& entry, const std::vector<Axis>& axes, std::size_t index) {
    Combination c;
    c.added_by_include = index;
    for (const auto& axis : axes) {
        if (const auto* v = value_of(entry, axis.name)) c.values.push_back({axis.name, *v});
    }
    for (const auto& kv : entry) {
        if (!is_declared(axes, kv.axis)) c.values.push_back(kv);
    }
    return c;
}

}  // namespace

std::vector<Combination> expand_matrix(const MatrixSpec& spec) {
    // Without axes there is nothing for include entries to extend: each is a case of its own
    // (as in GitHub Actions), and with none either the benchmark still has its one case.
    auto combos = spec.axes.empty() ? std::vector<Combination>{} : product(spec.axes);
    std::erase_if(combos, [&](const Combination& c) {
        return std::any_of(spec.exclude.begin(), spec.exclude.end(),
                           [&](const MatrixEntry& e) { return matches_all(e, c); });
    });

    // Include entries extend only combinations of the product, never ones an earlier include
    // added on its own (GitHub Actions does the same).
    const std::size_t from_product = combos.size();
    for (std::size_t i = 0; i < spec.include.size(); ++i) {
        const auto& entry = spec.include[i];
        bool matched = false;
        for (std::size_t j = 0; j < from_product; ++j) {
            if (!matches_declared(entry, combos[j], spec.axes)) continue;
            matched = true;
            for (const auto& kv : entry) {
                if (!is_declared(spec.axes, kv.axis)) set_value(combos[j], kv);
            }
        }
        if (!matched) combos.push_back(from_entry(entry, spec.axes, i));
    }
    if (spec.axes.empty() && spec.include.empty()) combos.emplace_back();
    return combos;
}

}  // namespace perfmatrix
