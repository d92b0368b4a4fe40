#include "orchestrator/interpreters/interpreter_json.hpp"

namespace perfmatrix {
namespace {

using json = nlohmann::json;

const char* state_name(ModuleCheck::State s) {
    switch (s) {
        case ModuleCheck::State::not_checked: return "not_checked";
        case ModuleCheck::State::present: return "present";
        case ModuleCheck::State::absent: return "absent";
        case ModuleCheck::State::failed: return "failed";
    }
    return "?";
}

json module_json(const ModuleCheck& m) {
    json j{{"state", state_name(m.state)}};
    if (m.state == ModuleCheck::State::present) j["version"] = m.version;
    if (m.state == ModuleCheck::State::failed) j["reason"] = m.reason;
    return j;
}

json build_json(const InterpreterBuild& b) {
    return json{{"implementation", b.implementation},
                {"version", b.version},
                {"version_info", b.version_info},
                {"pypy_version", b.pypy_version},
                {"sys_executable", b.executable},
                {"prefix", b.prefix},
                {"base_prefix", b.base_prefix},
                {"venv", b.venv},
                {"debug", b.debug},
                {"free_threaded", b.free_threaded},
                {"jit", b.jit},
                {"abiflags", b.abiflags},
                {"cache_tag", b.cache_tag}};
}

}  // namespace

json to_json(const Interpreter& in) {
    return json{{"label", in.label},
                {"ok", in.ok()},
                {"supported", in.supported()},
                {"unsupported_reason", in.unsupported_reason()},
                {"problem", in.problem},
                {"executable", in.executable},
                {"found_as", in.found_as},
                {"source", to_string(in.source)},
                {"shim", in.shim},
                {"isolation_flags", in.isolation_flags},
                {"build", in.build ? build_json(*in.build) : json(nullptr)},
                {"numpy", module_json(in.numpy)},
                {"torch", module_json(in.torch)}};
}

json to_json(const std::vector<Interpreter>& interpreters) {
    json out = json::array();
    for (const auto& in : interpreters) out.push_back(to_json(in));
    return out;
}

}  // namespace perfmatrix
