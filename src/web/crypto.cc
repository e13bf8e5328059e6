#include "web/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <stdexcept>
#include <vector>

namespace jixiao::web {
namespace {

std::string Hex(const unsigned char* p, size_t n) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    out += kDigits[p[i] >> 4];
    out += kDigits[p[i] & 15];
  }
  return out;
}

bool Unhex(const std::string& s, std::vector<unsigned char>& out) {
  if (s.size() % 2) return false;
  auto v = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  out.clear();
  for (size_t i = 0; i < s.size(); i += 2) {
    int hi = v(s[i]), lo = v(s[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<unsigned char>(hi * 16 + lo));
  }
  return true;
}

std::string Derive(const std::string& password, const std::vector<unsigned char>& salt,
                   int iterations) {
  unsigned char key[32];
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(), sizeof key,
                        key) != 1)
    throw std::runtime_error("PBKDF2 失败");
  return Hex(key, sizeof key);
}

}  // namespace

std::string RandomHex(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  if (RAND_bytes(buf.data(), static_cast<int>(bytes)) != 1)
    throw std::runtime_error("无法取得随机数");
  return Hex(buf.data(), bytes);
}

std::string Sha256Hex(const std::string& data) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), md);
  return Hex(md, sizeof md);
}

bool ConstantTimeEqual(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string HashPassword(const std::string& password, int iterations) {
  std::vector<unsigned char> salt;
  Unhex(RandomHex(16), salt);
  return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + Hex(salt.data(), salt.size()) + "$" +
         Derive(password, salt, iterations);
}

bool VerifyPassword(const std::string& password, const std::string& stored) {
  // Parse "pbkdf2-sha256$ITER$SALT$HASH"; a malformed record never verifies.
  size_t a = stored.find('$'), b = stored.find('$', a + 1), c = stored.find('$', b + 1);
  if (a == std::string::npos || b == std::string::npos || c == std::string::npos) return false;
  if (stored.substr(0, a) != "pbkdf2-sha256") return false;
  int iterations = 0;
  try {
    iterations = std::stoi(stored.substr(a + 1, b - a - 1));
  } catch (...) {
    return false;
  }
  if (iterations < 1000 || iterations > 10000000) return false;
  std::vector<unsigned char> salt;
  if (!Unhex(stored.substr(b + 1, c - b - 1), salt)) return false;
  return ConstantTimeEqual(Derive(password, salt, iterations), stored.substr(c + 1));
}

}  // namespace jixiao::web
