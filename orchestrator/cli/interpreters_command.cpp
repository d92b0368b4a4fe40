// `perfmatrix interpreters [--json] [PATH...]`: the Python interpreters a job's `python` axis
// can name, with what each one is (version, build flags, numpy and torch) and where it lives.

#include "orchestrator/cli/commands.hpp"
#include "orchestrator/interpreters/discovery.hpp"
#include "orchestrator/interpreters/interpreter_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace perfmatrix {
namespace {

constexpr std::array<const char*, 9> kColumns{"label", "implementation", "version", "flags", "numpy",
                                              "torch", "supported",      "path",    "source"};
using Row = std::array<std::string, kColumns.size()>;

std::string module_cell(const ModuleCheck& m) {
    switch (m.state) {
        case ModuleCheck::State::present: return m.version;
        case ModuleCheck::State::absent: return "-";
        case ModuleCheck::State::failed: return "failed";
        case ModuleCheck::State::not_checked: return "?";
    }
    return "?";
}

Row row_of(const Interpreter& in) {
    auto flags = in.flags_text();
    if (in.build->venv) flags += flags.empty() ? "venv" : ", venv";
    return {in.label,
            in.build->implementation,
            in.build->version,
            flags.empty() ? "-" : flags,
            module_cell(in.numpy),
            module_cell(in.torch),
            in.support_text(),
            in.executable,
            to_string(in.source)};
}

void print_table(const std::vector<Row>& rows) {
    Row header;
    std::copy(kColumns.begin(), kColumns.end(), header.begin());
    std::array<std::size_t, kColumns.size()> width{};
    for (std::size_t c = 0; c < width.size(); ++c) width[c] = header[c].size();
    for (const auto& r : rows) {
        for (std::size_t c = 0; c < width.size(); ++c) width[c] = std::max(width[c], r[c].size());
    }
    const auto print_row = [&](const Row& r) {
        std::string line;
        for (std::size_t c = 0; c < width.size(); ++c) {
            line += c + 1 == width.size() ? r[c] : fmt::format("{:<{}}  ", r[c], width[c]);
        }
        fmt::print("{}\n", line);
    };
    print_row(header);
    for (const auto& r : rows) print_row(r);
}

void print_module_failures(const std::vector<Interpreter>& interpreters) {
    for (const auto& in : interpreters) {
        for (const auto& [name, check] : {std::pair{"numpy", &in.numpy}, std::pair{"torch", &in.torch}}) {
            if (check->state == ModuleCheck::State::failed) {
                fmt::print("  {}: import {} failed: {}\n", in.label, name, check->reason);
            }
        }
    }
}

void print_text(const std::vector<Interpreter>& interpreters) {
    std::vector<Row> rows;
    std::vector<const Interpreter*> broken;
    for (const auto& in : interpreters) {
        if (in.ok()) {
            rows.push_back(row_of(in));
        } else {
            broken.push_back(&in);
        }
    }
    if (rows.empty()) {
        fmt::print("no Python interpreter found\n");
    } else {
        print_table(rows);
        print_module_failures(interpreters);
    }
    if (broken.empty()) return;
    fmt::print("\nnot usable ({}):\n", broken.size());
    for (const auto* in : broken) {
        fmt::print("  {} [{}{}]: {}\n", in->found_as.front(), to_string(in->source), in->shim ? ", a script" : "",
                   in->problem);
    }
}

bool is_broken_explicit(const std::vector<Interpreter>& interpreters, const std::string& path) {
    return std::any_of(interpreters.begin(), interpreters.end(), [&](const Interpreter& in) {
        return !in.ok() && std::find(in.found_as.begin(), in.found_as.end(), path) != in.found_as.end();
    });
}

}  // namespace

int interpreters_command(const InterpretersOptions& opt) {
    const std::vector<std::string>& paths = opt.paths;
    const bool json = opt.json;
    auto options = DiscoveryOptions::from_environment();
    options.explicit_paths = paths;
    options.check_imports = true;
    const auto interpreters = discover_interpreters(options);
    if (json) {
        fmt::print("{}\n", to_json(interpreters).dump(2));
    } else {
        print_text(interpreters);
    }
    // A path asked for by name that is no interpreter is bad input; the list still printed.
    const bool bad = std::any_of(paths.begin(), paths.end(),
                                 [&](const std::string& p) { return is_broken_explicit(interpreters, p); });
    return bad ? exit_code::bad_input : exit_code::ok;
}

Subcommand register_interpreters(CLI::App& app) {
    auto opt = std::make_shared<InterpretersOptions>();
    CLI::App* cmd = app.add_subcommand("interpreters",
                                       "List the Python interpreters found here, as a job's `python` axis sees them");
    cmd->add_option("paths", opt->paths, "Also probe these interpreters");
    cmd->add_flag("--json", opt->json, "Print JSON instead of a table");
    return {cmd, [opt] { return interpreters_command(*opt); }};
}

}  // namespace perfmatrix
