#include "core/totp.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <qrencode.h>
#include <sodium.h>

#include <array>
#include <memory>
#include <stdexcept>

#include "core/secrets.hpp"

namespace taawun::totp {
namespace {

constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string percent_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace

std::string hotp(std::string_view key, std::uint64_t counter, int digits) {
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i) {
    message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xff);
    counter >>= 8;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  if (!HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message.data(), message.size(), mac.data(),
            &length) ||
      length != 20)
    throw std::runtime_error("HMAC-SHA-1 failed");
  // RFC 4226 section 5.3: dynamic truncation.
  unsigned offset = mac[19] & 0x0f;
  std::uint32_t binary =
      (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) | (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
      (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t modulus = digits == 8 ? 100'000'000u : 1'000'000u;
  return fmt::format("{:0{}}", binary % modulus, digits == 8 ? 8 : 6);
}

std::int64_t step_at(std::int64_t unix_seconds) {
  return unix_seconds / kStepSeconds;
}

std::string code_at(std::string_view key, std::int64_t unix_seconds, int digits) {
  return hotp(key, static_cast<std::uint64_t>(step_at(unix_seconds)), digits);
}

std::optional<std::int64_t> matching_step(std::string_view key, std::string_view code, std::int64_t unix_seconds) {
  if (code.size() != static_cast<std::size_t>(kDigits)) return std::nullopt;
  std::optional<std::int64_t> found;
  std::int64_t now = step_at(unix_seconds);
  for (std::int64_t step = now - 1; step <= now + 1; ++step)  // all three, whatever matches first
    if (step >= 0 && secrets::constant_time_equal(hotp(key, static_cast<std::uint64_t>(step)), code) && !found)
      found = step;
  return found;
}

std::string base32_encode(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += kBase32[(buffer >> (bits - 5)) & 0x1f];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 0x1f];
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '=') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    auto value = kBase32.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out;
}

std::string random_secret() {
  std::string secret(kSecretBytes, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_base32) {
  return fmt::format("otpauth://totp/{0}:{1}?secret={2}&issuer={0}&algorithm=SHA1&digits={3}&period={4}",
                     percent_encode(issuer), percent_encode(account), secret_base32, kDigits, kStepSeconds);
}

std::string qr_svg(std::string_view text) {
  std::string input(text);
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                  QRcode_free);
  if (!code) throw std::runtime_error("the QR code could not be made");
  int width = code->width;
  constexpr int kQuiet = 4;  // the quiet zone the QR standard asks around the symbol
  int size = width + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < width; ++y)
    for (int x = 0; x < width; ++x)
      if (code->data[y * width + x] & 1) path += fmt::format("M{} {}h1v1h-1z", x + kQuiet, y + kQuiet);
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" shape-rendering=\"crispEdges\">"
      "<rect width=\"{0}\" height=\"{0}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{1}\"/></svg>",
      size, path);
}

}  // namespace taawun::totp
