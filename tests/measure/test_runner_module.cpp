// A runner module for plugin_runner_test: kind "module_echo" reports the case's params back as
// one sample, so the test sees that the case crossed into the module and the outcome came back.
#include "measure/plugin_module.hpp"

#include <memory>
#include <string_view>

namespace {

class EchoRunner : public perfmatrix::Runner {
public:
    perfmatrix::CaseOutcome run(const perfmatrix::Case& c, const perfmatrix::RunContext&) override {
        perfmatrix::CaseOutcome o;
        o.samples.push_back({"echo", "count", 0, false, c.params.at("value").get<double>()});
        o.environment.emplace_back("module.case", c.id);
        return o;
    }
};

std::unique_ptr<perfmatrix::Runner> make(std::string_view kind) {
    if (kind == "module_echo") return std::make_unique<EchoRunner>();
    return nullptr;
}

}  // namespace

PERFMATRIX_RUNNER_MODULE(make)
