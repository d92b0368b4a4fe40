#include "measure/model/host_info.hpp"

namespace perfmatrix {

std::vector<std::string> capabilities(const HostInfo& h) {
    std::vector<std::string> caps{"cpu"};
    if (h.gpus > 0) caps.emplace_back("gpu");
    return caps;
}

const std::vector<std::string>& known_capabilities() {
    static const std::vector<std::string> names{"cpu", "gpu"};
    return names;
}

}  // namespace perfmatrix
