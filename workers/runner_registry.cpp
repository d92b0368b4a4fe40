#include "workers/runner.hpp"

#include "workers/spawn_runner.hpp"

namespace perfmatrix {

std::unique_ptr<Runner> make_runner(std::string_view kind) {
    if (kind == "spawn") return std::make_unique<SpawnRunner>();
    return nullptr;
}

}  // namespace perfmatrix
