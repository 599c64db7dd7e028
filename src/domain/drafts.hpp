#pragma once
// What every record's create and update share: a draft field that may be absent, cleared or set,
// the cleaning of free text, and the merging of the request reader's problems with the domain's.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

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

// A calendar date written YYYY-MM-DD (2023-02-30 is refused).
inline bool is_date(std::string_view value) {
  return value.size() == 10 && clock::parse_iso8601(value).has_value();
}
inline void check_date(std::vector<FieldError>& problems, const std::string& field,
                       const std::optional<std::string>& value) {
  if (value && !is_date(*value)) problems.push_back({field, "invalid_date"});
}

inline void check_range(std::vector<FieldError>& problems, const std::string& field,
                        const std::optional<std::int64_t>& value, std::int64_t min, std::int64_t max) {
  if (value && (*value < min || *value > max))
    problems.push_back({field, "out_of_range", {{"min", std::to_string(min)}, {"max", std::to_string(max)}}});
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
