#include "measure/torch/torch_text.hpp"

#include <sstream>

namespace perfmatrix::torch_bench {

std::string one_line(const std::string& text) {
    std::string out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::string clean;
        for (char ch : line) {
            if (ch == '\t') ch = ' ';
            if (ch == ' ' && (clean.empty() || clean.back() == ' ')) continue;
            clean += ch;
        }
        while (!clean.empty() && clean.back() == ' ') clean.pop_back();
        if (clean.empty()) continue;
        if (!out.empty()) out += "; ";
        out += clean;
    }
    return out;
}

}  // namespace perfmatrix::torch_bench
