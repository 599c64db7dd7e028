#pragma once
// Amounts of money as integers in the currency's minor unit, never as floating point: what a
// user typed is what is stored and shown back, to the last centime. The number of decimals is
// the currency's ISO 4217 exponent (https://www.iso.org/iso-4217-currency-codes.html, table A.1
// "Minor unit"): 2 for most, 0 for the CFA francs, the yen or the Guinean franc, 3 for the Tunisian
// dinar and the Gulf dinars.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace taawun::money {

// The currency's minor unit (decimals); 2 for a code ISO 4217 gives two or does not list.
int exponent(std::string_view currency);

// The largest amount held, in minor units: a thousand billion units of a two-decimal currency,
// far above any agreement, and far below where sums could overflow 64 bits.
inline constexpr std::int64_t kMaxMinor = 100'000'000'000'000'000;

enum class ParseProblem { not_a_number, negative, too_many_decimals, too_large };

struct Parsed {
  std::optional<std::int64_t> minor;  // set when the text is an amount
  ParseProblem problem = ParseProblem::not_a_number;
};

// "1250000", "1250000.5", "1250000.50" → minor units for `decimals`; no sign, exponent, group
// separator or space (a clear refusal beats a guess between "1,500" and "1.500").
Parsed parse(std::string_view text, int decimals);

// 125000050 with 2 decimals → "1250000.50".
std::string format(std::int64_t minor, int decimals);

}  // namespace taawun::money
