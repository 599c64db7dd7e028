#include "core/money.hpp"

#include <array>
#include <string>

namespace taawun::money {
namespace {

struct Exception {
  std::string_view code;
  int decimals;
};

// ISO 4217 table A.1, the active currencies whose minor unit is not 2.
constexpr std::array kExceptions = {Exception{"BHD", 3}, Exception{"BIF", 0}, Exception{"CLF", 4}, Exception{"CLP", 0},
                                    Exception{"DJF", 0}, Exception{"GNF", 0}, Exception{"IQD", 3}, Exception{"ISK", 0},
                                    Exception{"JOD", 3}, Exception{"JPY", 0}, Exception{"KMF", 0}, Exception{"KRW", 0},
                                    Exception{"KWD", 3}, Exception{"LYD", 3}, Exception{"OMR", 3}, Exception{"PYG", 0},
                                    Exception{"RWF", 0}, Exception{"TND", 3}, Exception{"UGX", 0}, Exception{"UYI", 0},
                                    Exception{"UYW", 4}, Exception{"VND", 0}, Exception{"VUV", 0}, Exception{"XAF", 0},
                                    Exception{"XOF", 0}, Exception{"XPF", 0}};

}  // namespace

int exponent(std::string_view currency) {
  for (const auto& exception : kExceptions)
    if (exception.code == currency) return exception.decimals;
  return 2;
}

Parsed parse(std::string_view text, int decimals) {
  Parsed result;
  if (text.starts_with('-')) {
    bool digits_follow = text.size() > 1 && text[1] >= '0' && text[1] <= '9';
    result.problem = digits_follow ? ParseProblem::negative : ParseProblem::not_a_number;
    return result;
  }
  std::size_t point = text.find('.');
  std::string_view whole = text.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  auto all_digits = [](std::string_view part) {
    for (char c : part)
      if (c < '0' || c > '9') return false;
    return true;
  };
  if (whole.empty() || !all_digits(whole) || !all_digits(fraction) ||
      (point != std::string_view::npos && fraction.empty()))
    return result;
  // Trailing zeros beyond the currency's decimals say nothing more ("1500.500" dinars of 3 decimals
  // is fine, "1500.50" CFA francs of 0 decimals is not).
  while (fraction.size() > static_cast<std::size_t>(decimals) && fraction.back() == '0') fraction.remove_suffix(1);
  if (fraction.size() > static_cast<std::size_t>(decimals)) {
    result.problem = ParseProblem::too_many_decimals;
    return result;
  }
  std::size_t first = whole.find_first_not_of('0');
  whole = first == std::string_view::npos ? std::string_view("0") : whole.substr(first);
  if (whole.size() > 18) {
    result.problem = ParseProblem::too_large;
    return result;
  }
  std::int64_t minor = 0;
  for (char c : whole) minor = minor * 10 + (c - '0');
  for (int i = 0; i < decimals; ++i) {
    if (minor > kMaxMinor / 10) {
      result.problem = ParseProblem::too_large;
      return result;
    }
    minor = minor * 10 + (static_cast<std::size_t>(i) < fraction.size() ? fraction[i] - '0' : 0);
  }
  if (minor > kMaxMinor) {
    result.problem = ParseProblem::too_large;
    return result;
  }
  result.minor = minor;
  return result;
}

std::string format(std::int64_t minor, int decimals) {
  bool negative = minor < 0;
  std::string digits = std::to_string(negative ? -minor : minor);
  if (decimals > 0) {
    if (digits.size() <= static_cast<std::size_t>(decimals))
      digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(decimals), ".");
  }
  return negative ? "-" + digits : digits;
}

}  // namespace taawun::money
