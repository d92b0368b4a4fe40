#include "workers/asio/asio_params.hpp"

namespace perfmatrix::asio_bench {

ParamSpec min_batch_time_spec() {
    return {"min_batch_time", ParamType::number, false,
            "seconds a calibrated batch must last at least, so it stands far above timer noise "
            "(default 0.02, 0.001 to 10)"};
}

double read_min_batch_time(const nlohmann::json& params) {
    return number_param(params, "min_batch_time", 0.02, 0.001, 10.0);
}

}  // namespace perfmatrix::asio_bench
