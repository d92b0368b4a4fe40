#pragma once
// A Runner that forwards to a runner module (plugin_module.hpp says why modules exist),
// loading the module only when its first case runs. Modules are looked for where
// resource_paths.hpp says (Resource::runner_modules; $PERFMATRIX_MODULE_DIR overrides it).

#include "measure/model/runner.hpp"

#include <functional>
#include <memory>
#include <string>

namespace perfmatrix {

// The file name of module `name`, e.g. "perfmatrix-torch" -> "libperfmatrix-torch.so".
std::string runner_module_file(const std::string& name);

class PluginRunner : public Runner {
public:
    // `module`: e.g. "perfmatrix-torch"; `missing_hint`: said when the module file is absent,
    // e.g. "perfmatrix was built without libtorch (configure with -DPERFMATRIX_TORCH=ON)".
    PluginRunner(std::string module, std::string kind, std::string missing_hint);
    ~PluginRunner() override;
    PluginRunner(const PluginRunner&) = delete;
    PluginRunner& operator=(const PluginRunner&) = delete;

    // A module that cannot be loaded, or lacks the kind, ends the case as status::error with
    // the reason: it never aborts the process.
    CaseOutcome run(const Case& c, const RunContext& ctx) override;

private:
    std::string module_, kind_, missing_hint_;
    void* handle_ = nullptr;
    std::unique_ptr<Runner> inner_;
};

// A Kind::make_runner for a kind whose runner lives in module `module`.
std::function<std::unique_ptr<Runner>()> plugin_runner_factory(std::string module, std::string kind,
                                                               std::string missing_hint);

}  // namespace perfmatrix
