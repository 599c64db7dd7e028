#pragma once
// Checks that programmes, offers and requests share on top of drafts.hpp: a word from a fixed
// list, a whole number within bounds, a calendar date, a code of a reference table, an existing
// organisation; and the SQL "IN (...)" of a scoped role.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"

namespace taawun {

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
inline bool is_calendar_date(std::string_view text) {
  return text.size() == 10 && clock::parse_iso8601(text).has_value();
}

// Checks a date field; answers whether it holds a usable date (for comparisons that follow).
inline bool check_date(std::vector<FieldError>& problems, const std::string& field,
                       const std::optional<std::string>& value) {
  if (!value) return false;
  if (is_calendar_date(*value)) return true;
  problems.push_back({field, "invalid_date"});
  return false;
}

inline std::string today_iso_date() {
  return clock::now_iso8601().substr(0, 10);
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

}  // namespace taawun
