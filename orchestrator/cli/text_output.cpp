#include "orchestrator/cli/text_output.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace perfmatrix {

void write_text_output(const std::string& text, const std::string& path) {
    if (path.empty() || path == "-") {
        fmt::print("{}", text);
        std::fflush(stdout);
        return;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", path));
}

}  // namespace perfmatrix
