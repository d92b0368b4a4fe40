#include "orchestrator/job/sha256.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace perfmatrix {
namespace {

struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

struct MdFree {
    void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};

}  // namespace

Sha256Digest sha256_digest(std::string_view data) {
    // One context per thread, reset for each digest, and the algorithm fetched once: a job of
    // 10^6 cases hashes each case's key, and a fresh context (or EVP_sha256()) costs an
    // allocation and a look-up of the algorithm every time.
    thread_local const std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    thread_local const std::unique_ptr<EVP_MD, MdFree> sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    Sha256Digest digest{};
    unsigned int length = 0;
    if (!ctx || !sha256 || EVP_DigestInit_ex(ctx.get(), sha256.get(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest.data(), &length) != 1 || length != digest.size()) {
        throw std::runtime_error("sha-256 failed (OpenSSL EVP)");
    }
    return digest;
}

std::string hex_prefix(const Sha256Digest& digest, std::size_t bytes) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * bytes);
    for (std::size_t i = 0; i < bytes && i < digest.size(); ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 0x0f]);
    }
    return out;
}

std::string sha256_hex(std::string_view data) { return hex_prefix(sha256_digest(data), Sha256Digest{}.size()); }

}  // namespace perfmatrix
