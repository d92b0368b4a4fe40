// HTML report: where the results came from, and how many cases ended how.

#include "analysis/html/html_escape.hpp"
#include "analysis/html/html_sections.hpp"
#include "analysis/html/html_table.hpp"
#include "analysis/text/time_format.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join

#include <algorithm>
#include <map>

namespace perfmatrix {

namespace {

std::string card(const std::string& value, const std::string& key, const std::string& css = {}) {
    return fmt::format("<div class=\"card{}\"><div class=\"v\">{}</div><div class=\"k\">{}</div></div>",
                       css.empty() ? "" : " " + css, html_escape(value), html_escape(key));
}

std::string time_or_dash(double t) { return t > 0 ? format_utc(t) : "-"; }

std::string counts_cards(const Results& r, const std::vector<BenchmarkView>& views) {
    std::map<std::string, std::size_t> by_status;
    std::size_t total = 0;
    for (const BenchmarkView& v : views)
        for (const CaseRecord* c : v.cases) {
            ++by_status[c->status];
            ++total;
        }
    const std::size_t planned = static_cast<std::size_t>(std::max(0, r.meta.planned_cases));
    const std::size_t missing = planned > total ? planned - total : 0;
    const std::size_t ok = by_status[status::ok];
    const std::size_t skipped = by_status[status::skipped];
    const std::size_t unschedulable = by_status[status::unschedulable];
    const std::size_t failed = total - ok - skipped - unschedulable;
    std::string out = "<div class=\"cards\">";
    out += card(std::to_string(total), "cases recorded");
    out += card(std::to_string(ok), "ok", "good");
    out += card(std::to_string(failed), "failed", failed ? "bad" : "");
    out += card(std::to_string(skipped), "skipped");
    out += card(std::to_string(unschedulable), "unschedulable", unschedulable ? "bad" : "");
    out += card(std::to_string(missing), "never ran", missing ? "bad" : "");
    out += card(std::to_string(views.size()), "benchmarks");
    return out + "</div>\n";
}

std::string job_table(const HtmlReportInputs& in) {
    const Results& r = *in.results;
    HtmlTable t;
    t.columns = {{"job"}, {"sha256"}, {"tool"}, {"schema", true}, {"planned cases", true}};
    t.add_row({html_escape(r.meta.job_path.empty() ? "-" : r.meta.job_path),
               "<code>" + html_escape(r.meta.job_hash.substr(0, 12)) + "</code>", html_escape(r.meta.tool_version),
               std::to_string(r.schema_version), std::to_string(r.meta.planned_cases)});
    return t.render();
}

std::string invocations_table(const Results& r) {
    if (r.invocations.empty()) return "<p>No invocations recorded.</p>\n";
    HtmlTable t;
    t.columns = {{"#", true},     {"status"}, {"started (UTC)"}, {"ended (UTC)"}, {"duration", true},
                 {"ranks", true}, {"host"},   {"git"},           {"command line"}};
    for (const InvocationRecord& inv : r.invocations)
        t.add_row({std::to_string(inv.invocation), html_escape(inv.status), time_or_dash(inv.started),
                   time_or_dash(inv.ended),
                   inv.started > 0 && inv.ended > 0 ? format_elapsed(inv.ended - inv.started) : "-",
                   std::to_string(inv.mpi_size), html_escape(inv.host), html_escape(inv.git_describe),
                   "<code>" + html_escape(inv.command_line) + "</code>"});
    return "<h3>Invocations</h3>\n" + t.render();
}

// The ranks of the latest invocation that recorded any: the machines the last numbers came from.
std::vector<const RankRecord*> latest_ranks(const Results& r) {
    int latest = 0;
    for (const RankRecord& rr : r.ranks) latest = std::max(latest, rr.invocation);
    std::vector<const RankRecord*> out;
    for (const RankRecord& rr : r.ranks)
        if (rr.invocation == latest) out.push_back(&rr);
    std::sort(out.begin(), out.end(), [](const RankRecord* a, const RankRecord* b) { return a->rank < b->rank; });
    return out;
}

std::string ranks_table(const std::vector<const RankRecord*>& ranks) {
    if (ranks.empty()) return {};
    HtmlTable t;
    t.columns = {{"rank", true}, {"node", true}, {"host"},        {"cpu"},   {"cores", true},
                 {"cpuset"},     {"gpus", true}, {"load1", true}, {"kernel"}};
    for (const RankRecord* rr : ranks)
        t.add_row({std::to_string(rr->rank), std::to_string(rr->node), html_escape(rr->info.host),
                   html_escape(rr->info.cpu_model), std::to_string(rr->info.cores), html_escape(rr->info.cpuset),
                   std::to_string(rr->info.gpus), fmt::format("{:.2f}", rr->info.load1), html_escape(rr->info.kernel)});
    return fmt::format("<h3>Ranks of invocation {}</h3>\n", ranks.front()->invocation) + t.render();
}

// One row per variable; ranks that agree share a cell ("0-2: value" would hide a difference).
std::string environment_table(const std::vector<const RankRecord*>& ranks) {
    std::map<std::string, std::map<std::string, std::vector<int>>> ranks_of;  // key -> value -> ranks
    for (const RankRecord* rr : ranks)
        for (const auto& [key, value] : rr->info.environment) ranks_of[key][value].push_back(rr->rank);
    if (ranks_of.empty()) return {};
    HtmlTable t;
    t.columns = {{"variable"}, {"value (ranks)"}};
    for (const auto& [key, values] : ranks_of) {
        std::string cell;
        for (const auto& [value, rs] : values) {
            if (!cell.empty()) cell += "<br>";
            cell += "<code>" + html_escape(value) + "</code>";
            if (values.size() > 1) cell += fmt::format(" <span class=\"kind\">(rank {})</span>", fmt::join(rs, ", "));
        }
        t.add_row({"<code>" + html_escape(key) + "</code>", cell});
    }
    return "<h3>Environment</h3>\n" + t.render();
}

}  // namespace

std::string html_header(const HtmlReportInputs& in, const std::vector<BenchmarkView>& views) {
    const Results& r = *in.results;
    std::string out = "<section id=\"summary\">\n<h2>Summary</h2>\n";
    if (!in.reader_note.empty()) out += "<div class=\"note\">" + html_escape(in.reader_note) + "</div>\n";
    if (!in.plots_error.empty())
        out += "<div class=\"error\">Plots are missing from this report: " + html_escape(in.plots_error) + "</div>\n";
    out += counts_cards(r, views) + job_table(in) + invocations_table(r);
    const auto ranks = latest_ranks(r);
    out += ranks_table(ranks) + environment_table(ranks);
    if (!r.meta.job_text.empty())
        out += "<details><summary>Job file</summary><pre>" + html_escape(r.meta.job_text) + "</pre></details>\n";
    return out + "</section>\n";
}

}  // namespace perfmatrix
