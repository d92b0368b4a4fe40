#include "workers/blas/last_level_cache.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace perfmatrix {
namespace {

std::string read_word(const std::string& path) {
    std::ifstream in(path);
    std::string word;
    in >> word;
    return word;
}

// "32768K" -> bytes; 0 when unreadable.
std::size_t parse_size(const std::string& text) {
    std::size_t pos = 0;
    unsigned long long value = 0;
    try {
        value = std::stoull(text, &pos);
    } catch (...) {
        return 0;
    }
    const std::string unit = text.substr(pos);
    if (unit == "K") value <<= 10;
    else if (unit == "M") value <<= 20;
    else if (unit == "G") value <<= 30;
    return static_cast<std::size_t>(value);
}

std::size_t from_sysfs() {
    int best_level = 0;
    std::size_t best = 0;
    for (int i = 0; i < 16; ++i) {
        const std::string dir = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(i) + "/";
        const std::string type = read_word(dir + "type");
        if (type.empty()) break;
        if (type == "Instruction") continue;
        const int level = std::atoi(read_word(dir + "level").c_str());
        const std::size_t size = parse_size(read_word(dir + "size"));
        if (level > best_level && size > 0) {
            best_level = level;
            best = size;
        }
    }
    return best;
}

std::size_t from_sysconf() {
    for (int name : {_SC_LEVEL3_CACHE_SIZE, _SC_LEVEL2_CACHE_SIZE}) {
        const long size = sysconf(name);
        if (size > 0) return static_cast<std::size_t>(size);
    }
    return 0;
}

}  // namespace

std::size_t last_level_cache_bytes() {
    if (const std::size_t s = from_sysfs()) return s;
    if (const std::size_t s = from_sysconf()) return s;
    return std::size_t{32} << 20;
}

}  // namespace perfmatrix
