#pragma once
// Reading what clients send: query parameters and JSON bodies, strictly. Every problem becomes
// a field error with a stable code; nothing malformed reaches the domain.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/drafts.hpp"
#include "domain/paging.hpp"
#include "http/app.hpp"

namespace taawun::http {

// Query parameters are read as strictly as bodies: a value of the wrong type, a date that is no
// calendar date, an unknown code or a word outside its choices is a 422 naming the parameter,
// never a silent "nothing found". tests/api/operations_test.cpp sends a bad value of each
// parameter the OpenAPI contract declares and expects that answer.
class QueryReader {
 public:
  explicit QueryReader(Context& context) : context_(context) {}
  std::optional<std::string> text(std::string_view name, std::size_t max_length = 200);
  std::optional<std::int64_t> integer(std::string_view name, std::int64_t min, std::int64_t max);
  std::optional<bool> boolean(std::string_view name);
  // One of a fixed set of words; anything else is an invalid_choice naming the choices.
  std::string choice(std::string_view name, std::initializer_list<std::string_view> choices, std::string_view fallback);
  // The same, without a default: absent is nullopt.
  std::optional<std::string> optional_choice(std::string_view name, std::initializer_list<std::string_view> choices);
  std::optional<std::string> optional_choice(std::string_view name, Choices choices);
  // A calendar date YYYY-MM-DD (invalid_date).
  std::optional<std::string> date(std::string_view name);
  // A date, or an instant YYYY-MM-DDTHH:MM:SSZ (invalid_date).
  std::optional<std::string> date_or_instant(std::string_view name);
  // Reference codes known to the database (unknown_country, unknown_code); a country is
  // upper-cased first ("sn" is Senegal).
  std::optional<std::string> country(std::string_view name);
  enum class Codes { action_type, cooperation_domain, organisation_type, sector };
  std::optional<std::string> code(std::string_view name, Codes codes);
  PageRequest page();
  std::string sort(std::string_view fallback);
  Status status() const;

 private:
  Context& context_;
  std::vector<FieldError> problems_;
};

// An ETag is the record's version in quotes: "7". If-Match must carry one.
Result<std::int64_t> required_version(const Context& context);
// If-Match where a write cannot lose an update without it (see the route's OpenAPI text) but is
// checked when the client sends it: nullopt when absent.
Result<std::optional<std::int64_t>> optional_version(const Context& context);
std::string etag(std::int64_t version);

class BodyReader {
 public:
  // Checks the content type, size, UTF-8 and JSON syntax; the body must be an object.
  static Result<BodyReader> parse(const Context& context);
  // The same checks on bytes already known to be JSON (the fuzzing harness reads bodies this way).
  static Result<BodyReader> parse_text(std::string_view body);

  std::optional<std::string> text(std::string_view name, std::size_t max_length);
  // Present-or-absent with null: for partial updates.
  bool has(std::string_view name) const { return body_.contains(std::string(name)); }
  bool is_null(std::string_view name) const;
  std::optional<std::int64_t> integer(std::string_view name);
  std::optional<bool> boolean(std::string_view name);
  // A JSON number, integer or decimal (coordinates); a non-finite value cannot be sent in JSON.
  std::optional<double> number(std::string_view name);
  // Absent or null is `required`: a value the handler needs (never read an empty optional).
  std::optional<std::int64_t> required_integer(std::string_view name);
  std::optional<bool> required_boolean(std::string_view name);
  std::optional<std::vector<std::string>> text_list(std::string_view name, std::size_t max_items,
                                                    std::size_t max_length);
  std::optional<std::vector<std::int64_t>> integer_list(std::string_view name, std::size_t max_items);
  const nlohmann::json* array(std::string_view name, std::size_t max_items);
  void problem(FieldError error) { problems_.push_back(std::move(error)); }
  // Reports every field not read as unknown_field, then all problems at once.
  Status finish();
  // Like finish(), but hands the problems over instead, for a domain that checks the rest of
  // the record and reports everything in one answer.
  std::vector<FieldError> finish_into_list();

 private:
  explicit BodyReader(nlohmann::json body) : body_(std::move(body)) {}
  void wrong_type(std::string_view name, std::string_view expected);
  nlohmann::json body_;
  std::set<std::string> known_;
  std::vector<FieldError> problems_;
};

// Reads a draft field: marks it present when the body has it (null clears).
template <typename T>
void read_field(BodyReader& body, std::string_view name, Field<T>& field, std::optional<T> value) {
  if (body.has(name)) field.set(std::move(value));
}

// Reads one JSON text field inside a nested object (contacts), with its path for errors.
std::optional<std::string> nested_text(const nlohmann::json& object, const std::string& path, std::string_view name,
                                       std::size_t max_length, std::vector<FieldError>& problems);

std::optional<std::int64_t> nested_integer(const nlohmann::json& object, const std::string& path, std::string_view name,
                                           std::vector<FieldError>& problems);

// Reads a list of short texts inside a nested object (a party's roles), each at its path.
std::vector<std::string> nested_text_list(const nlohmann::json& object, const std::string& path, std::string_view name,
                                          std::size_t max_items, std::size_t max_length,
                                          std::vector<FieldError>& problems);

// Reads an array of small objects (contacts, sectors, quotas...): each item must be an object
// with only the `keys` given; `read(item, path)` turns one into a T, reporting into `problems`.
// Absent: the field is left as is; null or []: cleared.
template <typename T, typename Read>
void read_object_list(BodyReader& body, std::string_view name, std::size_t max_items,
                      std::initializer_list<std::string_view> keys, Field<std::vector<T>>& field, Read read) {
  if (!body.has(name)) return;
  std::vector<T> items;
  std::vector<FieldError> problems;
  if (const nlohmann::json* array = body.array(name, max_items)) {
    for (std::size_t i = 0; i < array->size(); ++i) {
      const auto& item = (*array)[i];
      std::string path = std::string(name) + "[" + std::to_string(i) + "]";
      if (!item.is_object()) {
        problems.push_back({path, "wrong_type", {{"expected", "object"}}});
        continue;
      }
      for (const auto& [key, value] : item.items())
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
          problems.push_back({path + "." + key, "unknown_field"});
      items.push_back(read(item, path, problems));
    }
  }
  for (auto& problem : problems) body.problem(std::move(problem));
  field.set(std::move(items));
}

}  // namespace taawun::http
