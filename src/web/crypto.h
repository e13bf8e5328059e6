// Password hashing and session secrets for `jixiao serve` and `jixiao user`: PBKDF2-HMAC-SHA256
// with a random salt and at least 600,000 iterations, constant-time comparison, 256-bit random
// tokens of which only the SHA-256 is ever stored.
// Contract: OpenSSL only; no secret is logged or returned in a message.
#pragma once

#include <string>

namespace jixiao::web {

inline constexpr int kPbkdf2Iterations = 600000;

// "pbkdf2-sha256$ITER$SALT_HEX$HASH_HEX"
std::string HashPassword(const std::string& password, int iterations = kPbkdf2Iterations);
bool VerifyPassword(const std::string& password, const std::string& stored);

std::string RandomHex(size_t bytes);  // 32 bytes -> 64 hex digits
std::string Sha256Hex(const std::string& data);
bool ConstantTimeEqual(const std::string& a, const std::string& b);

}  // namespace jixiao::web
