#include "measure/system/topology.hpp"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

std::string read_line(const fs::path& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

struct CacheLevel {
    int level = 0;
    std::size_t bytes = 0;
    std::string shared_cpus;  // identifies the instance
};

// The highest-level data or unified cache of one CPU.
CacheLevel top_cache_of(int cpu) {
    CacheLevel top;
    const fs::path dir = fs::path("/sys/devices/system/cpu") / ("cpu" + std::to_string(cpu)) / "cache";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().filename().string().rfind("index", 0) != 0) continue;
        if (read_line(entry.path() / "type") == "Instruction") continue;
        const int level = std::atoi(read_line(entry.path() / "level").c_str());
        if (level <= top.level) continue;
        top = {level, parse_cache_size(read_line(entry.path() / "size")), read_line(entry.path() / "shared_cpu_list")};
    }
    return top;
}

LastLevelCache from_sysfs() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0) return {};
    std::set<std::string> instances;
    std::size_t bytes_each = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (!CPU_ISSET(cpu, &set)) continue;
        const auto top = top_cache_of(cpu);
        if (top.bytes == 0) continue;
        bytes_each = std::max(bytes_each, top.bytes);
        instances.insert(top.shared_cpus);
    }
    if (bytes_each == 0) return {};
    return {bytes_each * instances.size(), "sysfs"};
}

}  // namespace

std::size_t parse_cache_size(const std::string& text) {
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    if (digits == 0) return 0;
    std::size_t value = std::stoull(text.substr(0, digits));
    const std::string unit = text.substr(digits);
    if (unit == "K") return value << 10;
    if (unit == "M") return value << 20;
    if (unit == "G") return value << 30;
    return unit.empty() ? value : 0;
}

LastLevelCache last_level_cache() {
    if (auto sysfs = from_sysfs(); sysfs.bytes > 0) return sysfs;
    const long l3 = sysconf(_SC_LEVEL3_CACHE_SIZE);
    if (l3 > 0) return {static_cast<std::size_t>(l3), "sysconf"};
    return {};
}

}  // namespace perfmatrix
