#pragma once
// What every record's create and update share: a draft field that may be absent, cleared or set,
// the cleaning of free text, the common field checks (length, choice, range, date, reference
// code, existing organisation), the SQL of a scoped role, and the merging of the request
// reader's problems with the domain's.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/money.hpp"
#include "core/text.hpp"
#include "db/database.hpp"

namespace taawun {

// A field of a create or update: absent (leave as is), null (clear) or a value.
template <typename T>
struct Field {
  bool present = false;
  std::optional<T> value;
  void set(std::optional<T> v) {
    present = true;
    value = std::move(v);
  }
  // Applies the field onto a record's member when it was sent.
  void apply_to(std::optional<T>& target) const {
    if (present) target = value;
  }
};

// Blank text is no value: "" and "  " clear a field.
inline std::optional<std::string> cleaned(const std::optional<std::string>& value) {
  if (!value) return std::nullopt;
  std::string trimmed = text::trim(*value);
  if (trimmed.empty()) return std::nullopt;
  return trimmed;
}

inline std::optional<std::string> upper_cased(std::optional<std::string> code) {
  if (code)
    for (auto& c : *code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code;
}

inline void check_length(std::vector<FieldError>& problems, const std::string& field,
                         const std::optional<std::string>& value, std::size_t max) {
  if (value && text::code_point_count(*value) > max)
    problems.push_back({field, "too_long", {{"max", std::to_string(max)}}});
}

// The words a field may hold, e.g. `inline constexpr std::array<std::string_view, 3> kLevels`.
using Choices = std::span<const std::string_view>;

inline bool is_one_of(std::string_view value, Choices choices) {
  return std::find(choices.begin(), choices.end(), value) != choices.end();
}

inline std::string listed(Choices choices) {
  return fmt::format("{}", fmt::join(choices, ", "));
}

inline void check_choice(std::vector<FieldError>& problems, const std::string& field,
                         const std::optional<std::string>& value, Choices choices) {
  if (value && !is_one_of(*value, choices))
    problems.push_back({field, "invalid_choice", {{"choices", listed(choices)}}});
}

inline void check_range(std::vector<FieldError>& problems, const std::string& field,
                        const std::optional<std::int64_t>& value, std::int64_t min, std::int64_t max) {
  if (value && (*value < min || *value > max))
    problems.push_back({field, "out_of_range", {{"min", std::to_string(min)}, {"max", std::to_string(max)}}});
}

// A calendar date written YYYY-MM-DD: 2023-02-30 is no date.
inline bool is_date(std::string_view text) {
  return text.size() == 10 && clock::parse_iso8601(text).has_value();
}

// Checks a date field; answers whether it holds a usable date (for comparisons that follow).
inline bool check_date(std::vector<FieldError>& problems, const std::string& field,
                       const std::optional<std::string>& value) {
  if (!value) return false;
  if (is_date(*value)) return true;
  problems.push_back({field, "invalid_date"});
  return false;
}

inline std::string today_iso_date() {
  return clock::agency_today();  // the agency's calendar day (clock.hpp), not UTC's
}

// An amount typed as a decimal string, in a currency of `decimals` minor digits (ADR 0016):
// its minor units, or a problem at `field` (not an amount, negative, too many decimals, too large).
inline std::optional<std::int64_t> check_amount(std::vector<FieldError>& problems, const std::string& field,
                                                const std::optional<std::string>& text, int decimals) {
  if (!text) return std::nullopt;
  auto parsed = money::parse(*text, decimals);
  if (parsed.minor) return parsed.minor;
  switch (parsed.problem) {
    case money::ParseProblem::not_a_number:
      problems.push_back({field, "not_an_amount"});
      break;
    case money::ParseProblem::negative:
      problems.push_back({field, "negative_amount"});
      break;
    case money::ParseProblem::too_many_decimals:
      problems.push_back({field, "too_many_decimals", {{"max", std::to_string(decimals)}}});
      break;
    case money::ParseProblem::too_large:
      problems.push_back({field, "amount_too_large"});
      break;
  }
  return std::nullopt;
}

// The reference tables a record may point at by code. The table name never comes from input.
enum class ReferenceTable { action_types, cooperation_domains, currencies };

inline bool reference_code_exists(db::Connection& connection, ReferenceTable table, const std::string& code) {
  const char* sql = table == ReferenceTable::action_types          ? "SELECT 1 FROM action_types WHERE code = ?"
                    : table == ReferenceTable::cooperation_domains ? "SELECT 1 FROM cooperation_domains WHERE code = ?"
                                                                   : "SELECT 1 FROM currencies WHERE code = ?";
  return !connection.query(sql, db::Params(code)).empty();
}

inline bool organisation_exists(db::Connection& connection, std::int64_t id) {
  return !connection.query("SELECT 1 FROM organisations WHERE id = ?", db::Params(id)).empty();
}

// " AND column IN (?, ...)" for the values of a scope; an empty scope matches nothing.
template <typename T>
void append_in_scope(std::string& where, db::Params& params, std::string_view column, const std::vector<T>& values) {
  if (values.empty()) {
    where += " AND 1=0";
    return;
  }
  std::vector<std::string> marks;
  for (const auto& value : values) {
    marks.push_back("?");
    params.add(value);
  }
  where += fmt::format(" AND {} IN ({})", column, fmt::join(marks, ", "));
}

template <typename T>
bool is_in(const std::vector<T>& values, const T& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// One problem per field: the reader's (about what was sent) win over the domain's (about what
// the record would become, e.g. a name refused as too long then seen as missing).
inline Status report(std::vector<FieldError> input_problems, std::vector<FieldError> domain_problems) {
  for (auto& problem : domain_problems)
    if (std::none_of(input_problems.begin(), input_problems.end(),
                     [&](const FieldError& e) { return e.field == problem.field; }))
      input_problems.push_back(std::move(problem));
  if (!input_problems.empty()) return Error::validation(std::move(input_problems));
  return ok_status();
}

}  // namespace taawun
