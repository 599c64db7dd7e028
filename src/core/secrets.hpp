#pragma once
// Passwords and tokens, all through libsodium.
#include <string>
#include <string_view>

namespace taawun::secrets {

void initialise();  // sodium_init; call once at start-up
// argon2id (crypto_pwhash_str) with libsodium's interactive limits: about 65 ms of CPU, so
// callers run it off the I/O threads.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view stored_hash, std::string_view password);
// 32 random bytes, URL-safe base64 without padding: session ids, CSRF tokens, API tokens.
std::string random_token();
// `count` characters drawn uniformly and independently from `alphabet` (at most 256 of them):
// codes meant to be typed by people, such as certificate verification codes.
std::string random_characters(std::string_view alphabet, std::size_t count);
// What the database keeps of a token: its BLAKE2b hash in hex. A stolen table gives no session.
std::string token_digest(std::string_view token);
// SHA-256 in hex, the digest people can check a downloaded file against (`sha256sum`).
std::string sha256_hex(std::string_view bytes);
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace taawun::secrets
