// Unit tests of certificates' pure rules: verification codes and the throttle of unknown codes.
// (The PDF is tested through the API, in the server's process: fontconfig keeps memory until
// exit, which LeakSanitizer would report from this one.)
#include "areas/certificates/certificate.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "core/secrets.hpp"
#include "core/throttle.hpp"

namespace taawun {
namespace {

namespace cert = certificates;

TEST(CertificateCodes, AreTwelveUnambiguousCharactersInThreeGroups) {
  secrets::initialise();
  const std::regex pattern("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$");
  std::set<std::string> seen;
  std::set<char> used;
  for (int i = 0; i < 2000; ++i) {
    std::string code = cert::new_code();
    EXPECT_TRUE(std::regex_match(code, pattern)) << code;
    seen.insert(code);
    for (char c : code) used.insert(c);
  }
  EXPECT_EQ(seen.size(), 2000u);
  EXPECT_EQ(used.size(), cert::kCodeAlphabet.size() + 1) << "every character of the alphabet, and the dash";
  for (char confusing : {'0', 'O', '1', 'I'}) EXPECT_EQ(used.count(confusing), 0u) << confusing;
}

TEST(CertificateCodes, AreReadAsTypedWhateverTheCaseSpacesAndDashes) {
  EXPECT_EQ(cert::normalised_code("7K3M-X9QP-4TRW"), "7K3M-X9QP-4TRW");
  EXPECT_EQ(cert::normalised_code(" 7k3m x9qp 4trw "), "7K3M-X9QP-4TRW");
  EXPECT_EQ(cert::normalised_code("7k3mx9qp4trw"), "7K3M-X9QP-4TRW");
  EXPECT_EQ(cert::normalised_code("7K-3MX9-QP4T-RW"), "7K3M-X9QP-4TRW");
  EXPECT_FALSE(cert::normalised_code("7K3M-X9QP-4TR"));    // too short
  EXPECT_FALSE(cert::normalised_code("7K3M-X9QP-4TRWW"));  // too long
  EXPECT_FALSE(cert::normalised_code("7K3M-X9QP-4TR0"));   // 0 is never printed
  EXPECT_FALSE(cert::normalised_code("7K3M/X9QP/4TRW"));
  EXPECT_FALSE(cert::normalised_code(""));
  EXPECT_EQ(cert::verification_path("7K3M-X9QP-4TRW"), "/verify/7K3M-X9QP-4TRW");
}

TEST(CertificateContent, NamesFallBackToTheOtherScript) {
  cert::Content content;
  content.latin_name = "Aminata Diallo";
  EXPECT_EQ(content.participant_name(Language::ar), "Aminata Diallo");
  content.arabic_name = "أميناتا ديالو";
  EXPECT_EQ(content.participant_name(Language::ar), "أميناتا ديالو");
  EXPECT_EQ(content.participant_name(Language::fr), "Aminata Diallo");
  content.latin_name.reset();
  EXPECT_EQ(content.participant_name(Language::fr), "أميناتا ديالو");
}

TEST(FailureWindow, RefusesAKeyPastItsLimitUntilTheWindowEndsOrItIsForgotten) {
  FailureWindow window(3, std::chrono::seconds(60));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(window.retry_after("10.0.0.1"), 0);
    window.record_failure("10.0.0.1");
  }
  int wait = window.retry_after("10.0.0.1");
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, 61);
  EXPECT_EQ(window.retry_after("10.0.0.2"), 0) << "other keys are not affected";
  window.forget("10.0.0.1");
  EXPECT_EQ(window.retry_after("10.0.0.1"), 0);
  FailureWindow short_window(1, std::chrono::seconds(0));
  short_window.record_failure("k");
  EXPECT_EQ(short_window.retry_after("k"), 0) << "a window that has ended no longer counts";
}

}  // namespace
}  // namespace taawun
