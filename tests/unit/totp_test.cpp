// TOTP (RFC 6238) against the RFC's own test vectors, base32 (RFC 4648) and the enrolment URI.
#include "core/totp.hpp"

#include <gtest/gtest.h>

namespace taawun {
namespace {

// RFC 6238 appendix B, SHA-1 rows: the ASCII secret "12345678901234567890", 8 digits.
TEST(Totp, MatchesTheRfc6238Vectors) {
  const std::string key = "12345678901234567890";
  EXPECT_EQ(totp::code_at(key, 59, 8), "94287082");
  EXPECT_EQ(totp::code_at(key, 1111111109, 8), "07081804");
  EXPECT_EQ(totp::code_at(key, 1111111111, 8), "14050471");
  EXPECT_EQ(totp::code_at(key, 1234567890, 8), "89005924");
  EXPECT_EQ(totp::code_at(key, 2000000000, 8), "69279037");
  EXPECT_EQ(totp::code_at(key, 20000000000, 8), "65353130");
  // Six digits are the last six of the same number.
  EXPECT_EQ(totp::code_at(key, 59), "287082");
}

// RFC 4226 appendix D: HOTP of the same secret for counters 0 to 9.
TEST(Totp, MatchesTheRfc4226HotpVectors) {
  const std::string key = "12345678901234567890";
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::uint64_t counter = 0; counter < 10; ++counter) EXPECT_EQ(totp::hotp(key, counter), expected[counter]);
}

TEST(Totp, AcceptsOneStepEitherSideAndNoMore) {
  const std::string key = "12345678901234567890";
  std::int64_t now = 1111111111;
  std::int64_t step = totp::step_at(now);
  EXPECT_EQ(totp::matching_step(key, totp::code_at(key, now), now), step);
  EXPECT_EQ(totp::matching_step(key, totp::code_at(key, now - 30), now), step - 1);
  EXPECT_EQ(totp::matching_step(key, totp::code_at(key, now + 30), now), step + 1);
  EXPECT_FALSE(totp::matching_step(key, totp::code_at(key, now - 60), now));
  EXPECT_FALSE(totp::matching_step(key, totp::code_at(key, now + 60), now));
  EXPECT_FALSE(totp::matching_step(key, "12345", now));
  EXPECT_FALSE(totp::matching_step(key, "", now));
}

TEST(Totp, Base32RoundTripsAndForgivesCaseAndSpaces) {
  // RFC 4648 section 10 vectors, without padding.
  EXPECT_EQ(totp::base32_encode("f"), "MY");
  EXPECT_EQ(totp::base32_encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(totp::base32_encode("12345678901234567890"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(totp::base32_decode("mzxw 6ytb oi"), "foobar");
  EXPECT_FALSE(totp::base32_decode("MZXW1"));  // 1 is not in the alphabet
  auto secret = totp::random_secret();
  EXPECT_EQ(secret.size(), totp::kSecretBytes);
  EXPECT_EQ(totp::base32_decode(totp::base32_encode(secret)), secret);
}

TEST(Totp, EnrolmentUriAndQrCode) {
  auto uri = totp::otpauth_uri("Taawun", "nadia.benali", "GEZDGNBVGY3TQOJQ");
  EXPECT_EQ(
      uri,
      "otpauth://totp/Taawun:nadia.benali?secret=GEZDGNBVGY3TQOJQ&issuer=Taawun&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(totp::otpauth_uri("Taawun", "a b", "X").find("a%20b"), 22u);
  auto svg = totp::qr_svg(uri);
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_NE(svg.find("<path"), std::string::npos);
}

}  // namespace
}  // namespace taawun
