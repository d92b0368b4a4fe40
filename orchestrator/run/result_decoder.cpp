#include "orchestrator/run/result_decoder.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace perfmatrix::protocol {
namespace {

using json = nlohmann::json;

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error("malformed result message: " + what); }

// The columns of `samples` and of `components` (which adds `component`).
enum Column : std::size_t { metric, unit, repetition, warmup, value, component, columns };
constexpr std::array<std::string_view, columns> column_names{"metric", "unit",  "repetition",
                                                             "warmup", "value", "component"};

struct Table {
    std::vector<std::string> metric, unit, component;
    std::vector<int> repetition;
    std::vector<char> warmup;
    std::vector<double> value;
    std::array<bool, columns> seen{};

    std::size_t rows(const char* name, bool components) const {
        const std::size_t n = metric.size();
        const std::array<std::size_t, columns> sizes{metric.size(), unit.size(),  repetition.size(),
                                                     warmup.size(), value.size(), component.size()};
        const std::size_t checked = components ? std::size_t{columns} : std::size_t{Column::component};
        for (std::size_t c = 0; c < checked; ++c)
            if (!seen[c] || sizes[c] != n)
                fail(std::string("column '") + name + "." + std::string(column_names[c]) + "' must be an array of " +
                     std::to_string(n) + " values");
        return n;
    }
};

// Where the parser is: the innermost open object or array.
enum class In { nothing, top, outcome, samples, components, column, environment, pair, skipped };

class Events {
public:
    // nlohmann's SAX interface (nlohmann::json_sax).
    bool null() { return scalar("null"); }
    bool boolean(bool b) {
        if (at() == In::column && column_ == warmup) {
            table().warmup.push_back(b ? 1 : 0);
            return true;
        }
        return scalar("a boolean");
    }
    bool number_integer(json::number_integer_t n) { return number(static_cast<double>(n), true); }
    bool number_unsigned(json::number_unsigned_t n) { return number(static_cast<double>(n), true); }
    bool number_float(json::number_float_t n, const json::string_t&) { return number(n, false); }
    bool binary(json::binary_t&) { return scalar("binary"); }
    bool string(json::string_t& s);
    bool key(json::string_t& k) {
        key_ = std::move(k);
        return true;
    }
    bool start_object(std::size_t);
    bool start_array(std::size_t);
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t, const std::string&, const json::exception& e) { fail(e.what()); }

    Result result();

private:
    In at() const { return stack_.empty() ? In::nothing : stack_.back(); }
    Table& table() { return in_components_ ? components_ : samples_; }
    bool scalar(const char* what);
    bool number(double v, bool integral);
    bool close();

    std::vector<In> stack_;
    std::string key_;
    Column column_ = metric;
    bool in_components_ = false;
    Result r_;
    std::uint8_t seen_ = 0;  // bits: case_id, host, started, ended, status, reason, samples
    Table samples_, components_;
    bool has_components_ = false;
    std::vector<std::string> pair_;
};

enum Seen : std::uint8_t { case_id = 1, host = 2, started = 4, ended = 8, status = 16, reason = 32, samples = 64 };

bool Events::string(json::string_t& s) {
    switch (at()) {
        case In::top:
            if (key_ == "case_id") {
                r_.case_id = std::move(s);
                seen_ |= case_id;
            } else if (key_ == "host") {
                r_.host = std::move(s);
                seen_ |= host;
            } else if (key_ == "started" || key_ == "ended") {
                fail("'" + key_ + "' must be a number");
            }
            return true;
        case In::outcome:
            if (key_ == "status") {
                r_.outcome.status = std::move(s);
                seen_ |= status;
            } else if (key_ == "reason") {
                r_.outcome.reason = std::move(s);
                seen_ |= reason;
            }
            return true;
        case In::column:
            if (column_ == metric) {
                table().metric.push_back(std::move(s));
            } else if (column_ == unit) {
                table().unit.push_back(std::move(s));
            } else if (column_ == component) {
                table().component.push_back(std::move(s));
            } else {
                fail("column '" + std::string(column_names[column_]) + "' holds a string");
            }
            return true;
        case In::pair:
            if (pair_.size() == 2) fail("each 'environment' entry must be a [key, value] pair");
            pair_.push_back(std::move(s));
            return true;
        default: return scalar("a string");
    }
}

bool Events::number(double v, bool integral) {
    switch (at()) {
        case In::top:
            if (key_ == "started") {
                r_.started = v;
                seen_ |= started;
            } else if (key_ == "ended") {
                r_.ended = v;
                seen_ |= ended;
            } else if (key_ == "case_id" || key_ == "host") {
                fail("'" + key_ + "' must be a string");
            }
            return true;
        case In::column:
            if (column_ == value) {
                table().value.push_back(v);
            } else if (column_ == repetition && integral) {
                table().repetition.push_back(static_cast<int>(v));
            } else {
                fail("column '" + std::string(column_names[column_]) + "' holds a number");
            }
            return true;
        default: return scalar("a number");
    }
}

// A value the message has no use for where it stands: skipped, unless it stands where a
// column's entry or an environment pair must be.
bool Events::scalar(const char* what) {
    switch (at()) {
        case In::column: fail("column '" + std::string(column_names[column_]) + "' holds " + what);
        case In::environment:
        case In::pair: fail("each 'environment' entry must be a [key, value] pair of strings");
        case In::top:
            if (key_ == "case_id" || key_ == "host" || key_ == "started" || key_ == "ended")
                fail("'" + key_ + "' holds " + what);
            return true;
        case In::outcome:
            if (key_ == "status" || key_ == "reason") fail("'outcome." + key_ + "' holds " + what);
            return true;
        default: return true;
    }
}

bool Events::start_object(std::size_t) {
    In next = In::skipped;
    if (at() == In::nothing) {
        next = In::top;
    } else if (at() == In::top && key_ == "outcome") {
        next = In::outcome;
    } else if (at() == In::outcome && (key_ == "samples" || key_ == "components")) {
        in_components_ = key_ == "components";
        next = in_components_ ? In::components : In::samples;
        if (in_components_)
            has_components_ = true;
        else
            seen_ |= samples;
    } else if (at() == In::column || at() == In::environment || at() == In::pair) {
        scalar("an object");
    }
    stack_.push_back(next);
    return true;
}

bool Events::start_array(std::size_t) {
    In next = In::skipped;
    const In here = at();
    if ((here == In::samples || here == In::components)) {
        for (std::size_t c = 0; c < columns; ++c)
            if (key_ == column_names[c]) {
                column_ = static_cast<Column>(c);
                table().seen[c] = true;
                next = In::column;
            }
    } else if (here == In::outcome && key_ == "environment") {
        next = In::environment;
    } else if (here == In::environment) {
        pair_.clear();
        next = In::pair;
    } else if (here == In::column || here == In::pair) {
        scalar("an array");
    }
    stack_.push_back(next);
    return true;
}

bool Events::close() {
    if (at() == In::pair) {
        if (pair_.size() != 2) fail("each 'environment' entry must be a [key, value] pair");
        r_.outcome.environment.emplace_back(std::move(pair_[0]), std::move(pair_[1]));
    }
    stack_.pop_back();
    return true;
}

Result Events::result() {
    static constexpr std::array<std::pair<Seen, const char*>, 7> required{{{case_id, "case_id"},
                                                                           {host, "host"},
                                                                           {started, "started"},
                                                                           {ended, "ended"},
                                                                           {status, "outcome.status"},
                                                                           {reason, "outcome.reason"},
                                                                           {samples, "outcome.samples"}}};
    for (const auto& [bit, name] : required)
        if (!(seen_ & bit)) fail(std::string("no '") + name + "'");
    const std::size_t n = samples_.rows("samples", false);
    r_.outcome.samples.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        r_.outcome.samples.push_back({std::move(samples_.metric[i]), std::move(samples_.unit[i]),
                                      samples_.repetition[i], samples_.warmup[i] != 0, samples_.value[i]});
    if (has_components_) {
        const std::size_t m = components_.rows("components", true);
        r_.outcome.components.reserve(m);
        for (std::size_t i = 0; i < m; ++i)
            r_.outcome.components.push_back({std::move(components_.component[i]), std::move(components_.metric[i]),
                                             std::move(components_.unit[i]), components_.repetition[i],
                                             components_.warmup[i] != 0, components_.value[i]});
    }
    return std::move(r_);
}

}  // namespace

Result decode_result_events(const std::string& text) {
    Events events;
    if (!json::sax_parse(text, &events)) fail("cut short");
    return events.result();
}

}  // namespace perfmatrix::protocol
