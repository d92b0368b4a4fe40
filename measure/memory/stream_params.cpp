#include "measure/memory/stream_params.hpp"

#include "measure/param_reading.hpp"

namespace perfmatrix::memory {

std::variant<StreamParams, ParamProblem> parse_stream_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, stream_kind());
        StreamParams p;
        p.op = *stream_op_from_name(choice_param(params, "op", "triad", {"copy", "scale", "add", "triad"}));
        p.size_mib = integer_param(params, "size_mib", 0, 0, 1 << 20);
        p.threads = static_cast<int>(integer_param(params, "threads", 1, 1, 1024));
        p.pin = boolean_param(params, "pin", false);
        p.batch = read_batch_params(params, "iterations");
        return p;
    });
}

Kind stream_kind() {
    return declared_kind(
        "memory_stream", "STREAM copy/scale/add/triad memory bandwidth over arrays well past the last-level cache",
        joined(
            {
                {"op", ParamType::string, false, "copy, scale, add or triad (default triad)"},
                {"size_mib", ParamType::integer, false,
                 "MiB per array (three arrays); 0 (default): 4x the last-level cache"},
                {"threads", ParamType::integer, false, "threads splitting the arrays (default 1, at most 1024)"},
                {"pin", ParamType::boolean, false, "bind thread i to the i-th allowed CPU (default false)"},
            },
            batch_param_specs("iterations", "kernel passes over the arrays")),
        &parse_stream_params);
}

}  // namespace perfmatrix::memory
