// Report section 1: where the results came from.

#include "analysis/report/report_sections.hpp"
#include "analysis/text/text.hpp"
#include "analysis/text/text_table.hpp"
#include "analysis/text/time_format.hpp"
#include "analysis/text/units.hpp"
#include "measure/system/spawn_floor.hpp"
#include "measure/system/system_keys.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

#include <algorithm>
#include <charconv>
#include <optional>
#include <utility>

namespace perfmatrix {

namespace {

constexpr std::size_t short_hash_length = 12;

std::string job_line(const Results& r) {
    const std::string hash = r.meta.job_hash.substr(0, short_hash_length);
    return fmt::format("job          {} (sha256 {}, tool {}, schema {})\n",
                       r.meta.job_path.empty() ? "-" : r.meta.job_path, hash.empty() ? "-" : hash,
                       r.meta.tool_version.empty() ? "-" : r.meta.tool_version, r.schema_version) +
           fmt::format("rounds       {}, {} units planned, in a random order of seed {}\n",
                       r.meta.rounds_override > 0 ? fmt::format("{} per case (--rounds)", r.meta.rounds_override)
                                                  : std::string("as the job sets them"),
                       r.meta.planned_units, r.meta.seed) +
           (r.meta.settings_override.empty()
                ? ""
                : fmt::format("settings     {} (the command line's, over the job's)\n", r.meta.settings_override)) +
           (r.meta.selection.empty() ? "" : fmt::format("selection    {} (the run's)\n", r.meta.selection));
}

std::string time_or_dash(double unix_seconds) { return unix_seconds > 0 ? format_utc(unix_seconds) : "-"; }

std::string duration_of(const InvocationRecord& inv) {
    if (inv.started <= 0 || inv.ended <= 0) return "-";
    return format_elapsed(inv.ended - inv.started);
}

std::string invocations_table(const Results& r) {
    if (r.invocations.empty()) return "invocations  none recorded\n";
    TextTable t;
    t.add_column("#", Align::right);
    for (const char* h : {"status", "started (UTC)", "ended (UTC)", "duration"}) t.add_column(h, Align::left);
    t.add_column("ranks", Align::right);
    t.add_column("host", Align::left);
    t.add_column("git", Align::left);
    for (const InvocationRecord& inv : r.invocations)
        t.add_row({std::to_string(inv.invocation), inv.status, time_or_dash(inv.started), time_or_dash(inv.ended),
                   duration_of(inv), std::to_string(inv.mpi_size), inv.host, inv.git_describe});
    return "invocations\n" + t.render("  ");
}

std::string ranks_table(const std::vector<const RankRecord*>& ranks, int invocation) {
    if (ranks.empty()) return "ranks        none recorded\n";
    TextTable t;
    t.add_column("rank", Align::right);
    t.add_column("node", Align::right);
    t.add_column("host", Align::left);
    t.add_column("cores", Align::right);
    t.add_column("cpuset", Align::left);
    t.add_column("gpus", Align::right);
    t.add_column("load1", Align::right);
    t.add_column("cpu", Align::left);
    for (const RankRecord* rr : ranks)
        t.add_row({std::to_string(rr->rank), std::to_string(rr->node), rr->info.host, std::to_string(rr->info.cores),
                   rr->info.cpuset, std::to_string(rr->info.gpus), fmt::format("{:.2f}", rr->info.load1),
                   rr->info.cpu_model});
    return fmt::format("ranks of invocation {}\n", invocation) + t.render("  ");
}

using RankValues = std::vector<std::pair<int, std::string>>;  // rank, value

std::string rank_list(const std::vector<int>& ranks) {
    return fmt::format("{} {}", ranks.size() == 1 ? "rank" : "ranks", fmt::join(ranks, ","));
}

// "v" when every rank agrees, else "v (ranks 0,2); w (rank 1)".
std::string merge_by_rank(const RankValues& values) {
    std::vector<std::pair<std::string, std::vector<int>>> groups;
    for (const auto& [rank, value] : values) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == value; });
        if (it == groups.end())
            groups.push_back({value, {rank}});
        else
            it->second.push_back(rank);
    }
    if (groups.size() == 1) return groups.front().first;
    std::vector<std::string> parts;
    for (const auto& [value, ranks] : groups) parts.push_back(fmt::format("{} ({})", value, rank_list(ranks)));
    return fmt::format("{}", fmt::join(parts, "; "));
}

std::string kernel_line(const std::vector<const RankRecord*>& ranks) {
    RankValues kernels;
    for (const RankRecord* rr : ranks) kernels.push_back({rr->rank, rr->info.kernel});
    return "kernel       " + merge_by_rank(kernels) + "\n";
}

const std::string* env_value(const HostInfo& info, const std::string& name) {
    for (const auto& [key, value] : info.environment)
        if (key == name) return &value;
    return nullptr;
}

// Items joined by ", " on lines of at most line_width columns, after a label column.
std::string wrapped_items(std::string_view label, const std::vector<std::string>& items) {
    constexpr std::size_t line_width = 100;
    const std::string indent(label.size(), ' ');
    std::string out(label), line;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
        if (!line.empty() && label.size() + display_width(line) + 1 + display_width(item) > line_width) {
            out += line + "\n" + indent;
            line.clear();
        }
        line += (line.empty() ? "" : " ") + item;
    }
    return out + line + "\n";
}

bool is_system_entry(const std::string& name) { return name.starts_with(system_key::prefix); }

// A measured figure, not a setting: it has its own line (render_spawn_floor) and differs a
// little between any two ranks, which would swamp the merged environment line.
bool has_own_line(const std::string& name) { return name == kSpawnFloorKey; }

std::optional<double> spawn_floor_of(const RankRecord& rr) {
    const std::string* text = env_value(rr.info, std::string(kSpawnFloorKey));
    if (!text) return std::nullopt;
    double seconds = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), seconds);
    if (ec != std::errc{} || end != text->data() + text->size() || !(seconds > 0)) return std::nullopt;
    return seconds;
}

double median_of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// "0.462 ms on vm" or, for several ranks of a host, "0.462 ms on vm (4 ranks, 0.455 ms - 0.470 ms)".
std::string host_floor(const std::string& host, std::vector<double> values) {
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    std::string out = format_duration(median_of(values)) + " on " + host;
    if (values.size() > 1)
        out += fmt::format(" ({} ranks, {} - {})", values.size(), format_duration(*lo), format_duration(*hi));
    return out;
}

// The entries whose names `system_entries` (true: the `system.*` settings) selects, merged by rank
// after `label`; `system.` is left off the names of its own line.
std::string environment_line(const std::vector<const RankRecord*>& ranks, std::string_view label, bool system_entries) {
    // Long values (a PYTHONPATH) would swamp the header; their ends say the most.
    constexpr std::size_t value_width = 60;
    std::vector<std::string> names;
    for (const RankRecord* rr : ranks)
        for (const auto& entry : rr->info.environment)
            if (is_system_entry(entry.first) == system_entries && !has_own_line(entry.first) &&
                std::find(names.begin(), names.end(), entry.first) == names.end())
                names.push_back(entry.first);
    if (names.empty()) return system_entries ? std::string() : std::string(label) + "-\n";
    std::vector<std::string> items;
    for (const std::string& name : names) {
        RankValues values;
        for (const RankRecord* rr : ranks) {
            const std::string* v = env_value(rr->info, name);
            values.push_back({rr->rank, v ? elide_middle(*v, value_width) : "(unset)"});
        }
        const std::string shown = system_entries ? name.substr(system_key::prefix.size()) : name;
        items.push_back(shown + "=" + merge_by_rank(values));
    }
    return wrapped_items(label, items);
}

}  // namespace

int latest_rank_invocation(const Results& r) {
    int invocation = 0;
    for (const RankRecord& rr : r.ranks) invocation = std::max(invocation, rr.invocation);
    return invocation;
}

std::vector<const RankRecord*> ranks_of(const Results& r, int invocation) {
    std::vector<const RankRecord*> out;
    for (const RankRecord& rr : r.ranks)
        if (rr.invocation == invocation) out.push_back(&rr);
    std::sort(out.begin(), out.end(), [](const RankRecord* a, const RankRecord* b) { return a->rank < b->rank; });
    return out;
}

std::string render_spawn_floor(const Results& r) {
    // The hosts in order of their first rank; a very wide run names the first few.
    constexpr std::size_t hosts_named = 4;
    std::vector<std::pair<std::string, std::vector<double>>> hosts;
    for (const RankRecord* rr : ranks_of(r, latest_rank_invocation(r))) {
        const auto floor = spawn_floor_of(*rr);
        if (!floor) continue;
        auto it = std::find_if(hosts.begin(), hosts.end(), [&](const auto& h) { return h.first == rr->info.host; });
        if (it == hosts.end()) it = hosts.insert(hosts.end(), {rr->info.host, {}});
        it->second.push_back(*floor);
    }
    if (hosts.empty()) return {};
    std::vector<std::string> parts;
    std::vector<double> rest;
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        if (i < hosts_named)
            parts.push_back(host_floor(hosts[i].first, hosts[i].second));
        else
            rest.insert(rest.end(), hosts[i].second.begin(), hosts[i].second.end());
    }
    if (!rest.empty()) {
        const auto [lo, hi] = std::minmax_element(rest.begin(), rest.end());
        parts.push_back(fmt::format("{} more hosts: {} - {}", hosts.size() - hosts_named, format_duration(*lo),
                                    format_duration(*hi)));
    }
    return fmt::format("measurement floor (spawn of a no-op, {}): {}\n", kSpawnFloorProgram, fmt::join(parts, "; "));
}

std::string render_header(const Results& r) {
    std::string out = "perfmatrix report\n" + job_line(r) + invocations_table(r);
    const int invocation = latest_rank_invocation(r);
    const std::vector<const RankRecord*> ranks = ranks_of(r, invocation);
    out += ranks_table(ranks, invocation);
    if (!ranks.empty())
        out += kernel_line(ranks) + environment_line(ranks, "environment  ", false) +
               environment_line(ranks, "system       ", true);
    return out;
}

}  // namespace perfmatrix
