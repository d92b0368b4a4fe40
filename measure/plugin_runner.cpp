#include "measure/plugin_runner.hpp"

#include "measure/plugin_module.hpp"
#include "measure/resource_paths.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <exception>
#include <filesystem>
#include <stdexcept>

namespace perfmatrix {
namespace {

std::string dl_error() {
    const char* e = dlerror();
    return e ? e : "unknown dl error";
}

template <typename F>
F symbol(void* handle, const char* name, const std::string& file) {
    dlerror();
    void* s = dlsym(handle, name);
    if (!s) throw std::runtime_error(fmt::format("{} is not a perfmatrix runner module: {}", file, dl_error()));
    return reinterpret_cast<F>(s);
}

}  // namespace

std::string runner_module_file(const std::string& name) { return "lib" + name + ".so"; }

PluginRunner::PluginRunner(std::string module, std::string kind, std::string missing_hint)
    : module_(std::move(module)), kind_(std::move(kind)), missing_hint_(std::move(missing_hint)) {}

PluginRunner::~PluginRunner() {
    // The runner's code lives in the module: destroy it before unloading.
    inner_.reset();
    if (handle_) dlclose(handle_);
}

CaseOutcome PluginRunner::run(const Case& c, const RunContext& ctx) {
    try {
        if (!inner_) {
            const ResourceLocation dir = locate(Resource::runner_modules);
            const auto path = dir.path / runner_module_file(module_);
            if (!std::filesystem::exists(path)) {
                return {status::error, fmt::format("kind '{}' needs {} (not found): {}; the path is from {}", kind_,
                                                   path.string(), missing_hint_, dir.origin)};
            }
            // RTLD_LOCAL: the module's libraries (libtorch, its OpenMP, CUDA) must not resolve
            // symbols of anything loaded after it.
            handle_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
            if (!handle_) throw std::runtime_error(fmt::format("cannot load {}: {}", path.string(), dl_error()));
            const auto abi = symbol<perfmatrix_module_abi_fn>(handle_, "perfmatrix_module_abi", path.string());
            if (abi() != PERFMATRIX_MODULE_ABI) {
                throw std::runtime_error(
                    fmt::format("{} was built for module ABI {}, this program speaks {}: rebuild it", path.string(),
                                abi(), PERFMATRIX_MODULE_ABI));
            }
            const auto make = symbol<perfmatrix_module_make_runner_fn>(handle_, "perfmatrix_module_make_runner",
                                                                       path.string());
            inner_.reset(make(kind_.c_str()));
            if (!inner_) throw std::runtime_error(fmt::format("{} has no runner for kind '{}'", path.string(), kind_));
        }
        return inner_->run(c, ctx);
    } catch (const std::exception& e) {
        return {status::error, e.what()};
    }
}

std::function<std::unique_ptr<Runner>()> plugin_runner_factory(std::string module, std::string kind,
                                                               std::string missing_hint) {
    return [module = std::move(module), kind = std::move(kind), hint = std::move(missing_hint)] {
        return std::make_unique<PluginRunner>(module, kind, hint);
    };
}

}  // namespace perfmatrix
