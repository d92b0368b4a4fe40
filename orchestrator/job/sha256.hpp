#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace perfmatrix {

using Sha256Digest = std::array<unsigned char, 32>;

// SHA-256 of data.
Sha256Digest sha256_digest(std::string_view data);

// The first `bytes` bytes of a digest as lowercase hex (2 digits a byte).
std::string hex_prefix(const Sha256Digest& digest, std::size_t bytes);

// SHA-256 of data as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace perfmatrix
