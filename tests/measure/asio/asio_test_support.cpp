#include "asio_test_support.hpp"

#include <filesystem>

namespace perfmatrix::asio_test {

int count_entries(const char* dir) {
    int n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace perfmatrix::asio_test
