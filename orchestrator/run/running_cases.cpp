#include "orchestrator/run/running_cases.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <system_error>

#include <unistd.h>

namespace perfmatrix {

namespace fs = std::filesystem;

fs::path running_file_of(const fs::path& results) { return fs::path(results.string() + ".running"); }

RunningCasesFile::RunningCasesFile(fs::path results) : path_(running_file_of(results)) { write({}); }

RunningCasesFile::~RunningCasesFile() {
    std::error_code ignored;
    fs::remove(path_, ignored);
}

void RunningCasesFile::write(const std::vector<RunningCase>& cases) const {
    nlohmann::json j;
    j["pid"] = static_cast<long>(::getpid());
    j["running"] = nlohmann::json::array();
    for (const RunningCase& c : cases)
        j["running"].push_back({{"case_id", c.case_id},
                                {"benchmark", c.benchmark},
                                {"rank", c.rank},
                                {"started", c.started},
                                {"round", c.round}});
    const fs::path tmp = path_.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << j.dump() << '\n';
        if (!out) return;
    }
    std::error_code ignored;
    fs::rename(tmp, path_, ignored);
}

std::vector<RunningCase> read_running_cases(const fs::path& results) {
    std::ifstream in(running_file_of(results));
    if (!in) return {};
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    std::vector<RunningCase> out;
    if (!j.is_object() || !j.contains("running") || !j["running"].is_array()) return out;
    for (const auto& c : j["running"]) {
        if (!c.is_object()) continue;
        out.push_back({c.value("case_id", ""), c.value("benchmark", ""), c.value("rank", -1), c.value("started", 0.0),
                       c.value("round", 0)});
    }
    return out;
}

}  // namespace perfmatrix
