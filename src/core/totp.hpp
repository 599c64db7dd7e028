#pragma once
// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA-1, 30-second steps,
// 6 digits, the parameters every authenticator app understands. No I/O, no clock: callers pass
// the time. The QR code of an enrolment is drawn here as SVG (libqrencode) so that the secret
// leaves the server in one answer and the web application needs no QR library (ADR 0012).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace taawun::totp {

inline constexpr std::int64_t kStepSeconds = 30;
inline constexpr int kDigits = 6;
inline constexpr std::size_t kSecretBytes = 20;  // 160 bits, RFC 4226's recommended length for SHA-1

// RFC 4226 HOTP: `digits` decimal digits (6 or 8) of HMAC-SHA-1(key, counter), zero-padded.
std::string hotp(std::string_view key, std::uint64_t counter, int digits = kDigits);
// The step holding `unix_seconds` (floor(t / 30)).
std::int64_t step_at(std::int64_t unix_seconds);
// RFC 6238 TOTP at a time.
std::string code_at(std::string_view key, std::int64_t unix_seconds, int digits = kDigits);
// The step whose code `code` is, among the step of `unix_seconds` and one either side (clock
// drift between the phone and the server); none when it matches none. Compared in constant time.
std::optional<std::int64_t> matching_step(std::string_view key, std::string_view code, std::int64_t unix_seconds);

// RFC 4648 base32 without padding (what authenticator apps take), and back (case and spaces
// forgiven); none for a character outside the alphabet.
std::string base32_encode(std::string_view bytes);
std::optional<std::string> base32_decode(std::string_view text);

// A fresh random secret of kSecretBytes bytes (libsodium's generator).
std::string random_secret();
// The Key Uri Format of Google Authenticator, which every app reads:
// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_base32);
// `text` as a QR code (error correction M), a standalone SVG of black squares on white.
std::string qr_svg(std::string_view text);

}  // namespace taawun::totp
