// Amounts typed by users, read into minor units and written back without a rounding.
#include "core/money.hpp"

#include <gtest/gtest.h>

namespace taawun::money {
namespace {

std::optional<std::int64_t> minor(std::string_view text, int decimals) {
  return parse(text, decimals).minor;
}

ParseProblem problem(std::string_view text, int decimals) {
  auto parsed = parse(text, decimals);
  EXPECT_FALSE(parsed.minor) << text << " read as " << *parsed.minor;
  return parsed.problem;
}

TEST(Money, ExponentsFollowIso4217) {
  EXPECT_EQ(exponent("MAD"), 2);
  EXPECT_EQ(exponent("EUR"), 2);
  EXPECT_EQ(exponent("XOF"), 0);
  EXPECT_EQ(exponent("JPY"), 0);
  EXPECT_EQ(exponent("TND"), 3);
  EXPECT_EQ(exponent("KWD"), 3);
}

TEST(Money, ReadsAmountsIntoMinorUnits) {
  EXPECT_EQ(minor("1250000", 2), 125000000);
  EXPECT_EQ(minor("1250000.5", 2), 125000050);
  EXPECT_EQ(minor("1250000.05", 2), 125000005);
  EXPECT_EQ(minor("0.01", 2), 1);
  EXPECT_EQ(minor("007", 0), 7);
  EXPECT_EQ(minor("1500.250", 3), 1500250);
  // Zeros beyond the currency's decimals add nothing and are accepted.
  EXPECT_EQ(minor("1500.00", 0), 1500);
  EXPECT_EQ(minor("0", 2), 0);
}

TEST(Money, RefusesWhatIsNoAmountSayingWhy) {
  EXPECT_EQ(problem("", 2), ParseProblem::not_a_number);
  EXPECT_EQ(problem("12a", 2), ParseProblem::not_a_number);
  EXPECT_EQ(problem("1,500", 2), ParseProblem::not_a_number);
  EXPECT_EQ(problem("1 500", 2), ParseProblem::not_a_number);
  EXPECT_EQ(problem("1e6", 2), ParseProblem::not_a_number);
  EXPECT_EQ(problem(".5", 2), ParseProblem::not_a_number);
  EXPECT_EQ(problem("5.", 2), ParseProblem::not_a_number);
  EXPECT_EQ(problem("+5", 2), ParseProblem::not_a_number);
  EXPECT_EQ(problem("-", 2), ParseProblem::not_a_number);
  EXPECT_EQ(problem("-5", 2), ParseProblem::negative);
  EXPECT_EQ(problem("1500.5", 0), ParseProblem::too_many_decimals);
  EXPECT_EQ(problem("10.001", 2), ParseProblem::too_many_decimals);
  EXPECT_EQ(problem("99999999999999999999", 2), ParseProblem::too_large);
  EXPECT_EQ(problem("1000000000000000.01", 2), ParseProblem::too_large);
  EXPECT_EQ(minor("1000000000000000", 2), kMaxMinor);
}

TEST(Money, WritesMinorUnitsBackAsTyped) {
  EXPECT_EQ(format(125000050, 2), "1250000.50");
  EXPECT_EQ(format(5, 2), "0.05");
  EXPECT_EQ(format(1500, 0), "1500");
  EXPECT_EQ(format(1500250, 3), "1500.250");
  EXPECT_EQ(format(-5, 2), "-0.05");
  for (std::string_view text : {"0.00", "12.34", "999999.99"}) EXPECT_EQ(format(*minor(text, 2), 2), text);
}

}  // namespace
}  // namespace taawun::money
