#include "http/input.hpp"

#include <charconv>
#include <limits>

#include "areas/reference/reference.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"

namespace taawun::http {
namespace {
// nlohmann/json reads an integer above 2^63 - 1 as unsigned: taken as int64_t it would wrap to
// a negative number. Such a number is out of range, whatever the field.
bool beyond_int64(const nlohmann::json& value) {
  return value.is_number_unsigned() &&
         value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
}

FieldError int64_out_of_range(std::string field) {
  return {std::move(field),
          "out_of_range",
          {{"min", std::to_string(std::numeric_limits<std::int64_t>::min())},
           {"max", std::to_string(std::numeric_limits<std::int64_t>::max())}}};
}

bool has_control_characters(std::string_view text) {
  for (unsigned char c : text)
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return true;
  return false;
}
}  // namespace

std::optional<std::string> QueryReader::text(std::string_view name, std::size_t max_length) {
  auto value = context_.query_value(name);
  if (!value || value->empty()) return std::nullopt;
  if (!text::is_valid_utf8(*value)) {
    problems_.push_back({std::string(name), "invalid_characters"});
    return std::nullopt;
  }
  if (text::code_point_count(*value) > max_length) {
    problems_.push_back({std::string(name), "too_long", {{"max", std::to_string(max_length)}}});
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> QueryReader::integer(std::string_view name, std::int64_t min, std::int64_t max) {
  auto value = context_.query_value(name);
  if (!value || value->empty()) return std::nullopt;
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), number);
  if (error != std::errc{} || end != value->data() + value->size()) {
    problems_.push_back({std::string(name), "not_an_integer"});
    return std::nullopt;
  }
  if (number < min || number > max) {
    problems_.push_back(
        {std::string(name), "out_of_range", {{"min", std::to_string(min)}, {"max", std::to_string(max)}}});
    return std::nullopt;
  }
  return number;
}

std::optional<bool> QueryReader::boolean(std::string_view name) {
  auto value = context_.query_value(name);
  if (!value || value->empty()) return std::nullopt;
  if (*value == "true" || *value == "1") return true;
  if (*value == "false" || *value == "0") return false;
  problems_.push_back({std::string(name), "invalid_boolean"});
  return std::nullopt;
}

std::string QueryReader::choice(std::string_view name, std::initializer_list<std::string_view> choices,
                                std::string_view fallback) {
  auto value = text(name, 50);
  if (!value) return std::string(fallback);
  for (auto c : choices)
    if (*value == c) return *value;
  std::string listed;
  for (auto c : choices) listed += (listed.empty() ? "" : ", ") + std::string(c);
  problems_.push_back({std::string(name), "invalid_choice", {{"choices", listed}}});
  return std::string(fallback);
}

std::optional<std::string> QueryReader::optional_choice(std::string_view name,
                                                        std::initializer_list<std::string_view> choices) {
  return optional_choice(name, Choices(choices.begin(), choices.size()));
}

std::optional<std::string> QueryReader::optional_choice(std::string_view name, Choices choices) {
  auto value = text(name, 50);
  if (!value) return std::nullopt;
  if (is_one_of(*value, choices)) return value;
  problems_.push_back({std::string(name), "invalid_choice", {{"choices", listed(choices)}}});
  return std::nullopt;
}

std::optional<std::string> QueryReader::date(std::string_view name) {
  auto value = text(name, 10);
  if (!value) return std::nullopt;
  if (is_date(*value)) return value;
  problems_.push_back({std::string(name), "invalid_date"});
  return std::nullopt;
}

std::optional<std::string> QueryReader::date_or_instant(std::string_view name) {
  auto value = text(name, 20);
  if (!value) return std::nullopt;
  bool instant = value->size() == 20 && (*value)[10] == 'T' && value->back() == 'Z' &&
                 clock::parse_iso8601(*value).has_value() && is_date(value->substr(0, 10));
  if (is_date(*value) || instant) return value;
  problems_.push_back({std::string(name), "invalid_date"});
  return std::nullopt;
}

std::optional<std::string> QueryReader::country(std::string_view name) {
  auto value = upper_cased(text(name, 2));
  if (!value) return std::nullopt;
  if (reference::names(context_.db())->countries.contains(*value)) return value;
  problems_.push_back({std::string(name), "unknown_country"});
  return std::nullopt;
}

std::optional<std::string> QueryReader::code(std::string_view name, Codes codes) {
  auto value = text(name, 50);
  if (!value) return std::nullopt;
  auto names = reference::names(context_.db());
  const char* codelist = "";
  bool known = false;
  switch (codes) {
    case Codes::action_type:
      known = names->action_types.contains(*value), codelist = "action-types";
      break;
    case Codes::cooperation_domain:
      known = names->cooperation_domains.contains(*value), codelist = "cooperation-domains";
      break;
    case Codes::organisation_type:
      known = names->organisation_types.contains(*value), codelist = "OrganisationType";
      break;
    case Codes::sector:
      known = names->sectors.contains(*value), codelist = "Sector";
      break;
  }
  if (known) return value;
  problems_.push_back({std::string(name), "unknown_code", {{"codelist", codelist}}});
  return std::nullopt;
}

PageRequest QueryReader::page() {
  PageRequest page;
  page.limit = integer("limit", 1, PageRequest::kMaxLimit).value_or(page.limit);
  page.offset = integer("offset", 0, 1'000'000'000).value_or(0);
  return page;
}

std::string QueryReader::sort(std::string_view fallback) {
  return text("sort", 50).value_or(std::string(fallback));
}

Status QueryReader::status() const {
  if (problems_.empty()) return ok_status();
  return Error::validation(problems_);
}

std::string etag(std::int64_t version) {
  return "\"" + std::to_string(version) + "\"";
}

Result<std::int64_t> required_version(const Context& context) {
  std::string_view value = context.header(bhttp::field::if_match);
  if (value.empty()) return Error::of(ErrorCode::precondition_required);
  if (value.starts_with("W/")) value.remove_prefix(2);
  if (value.size() < 3 || value.front() != '"' || value.back() != '"')
    return Error::of(ErrorCode::precondition_failed, "invalid_if_match");
  std::int64_t version = 0;
  auto [end, error] = std::from_chars(value.data() + 1, value.data() + value.size() - 1, version);
  if (error != std::errc{} || end != value.data() + value.size() - 1)
    return Error::of(ErrorCode::precondition_failed, "invalid_if_match");
  return version;
}

Result<std::optional<std::int64_t>> optional_version(const Context& context) {
  if (context.header(bhttp::field::if_match).empty()) return std::optional<std::int64_t>();
  TAAWUN_TRY(version, required_version(context));
  return std::optional<std::int64_t>(version);
}

Result<BodyReader> BodyReader::parse(const Context& context) {
  std::string_view type = context.header(bhttp::field::content_type);
  if (!type.starts_with("application/json")) return Error::of(ErrorCode::unsupported_media_type);
  return parse_text(context.request.body());
}

Result<BodyReader> BodyReader::parse_text(std::string_view body) {
  if (!text::is_valid_utf8(body)) return Error::of(ErrorCode::invalid_utf8);
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(body, nullptr, false);
  } catch (const nlohmann::json::exception& error) {
    // Even without exceptions for syntax, a number beyond a double (1e400) throws
    // out_of_range.406: found by fuzz/json_fuzz, it escaped as a 500.
    return Error::of(ErrorCode::malformed_json, "malformed_json",
                     {{"reason", error.id == 406 ? "a number too large" : "invalid JSON"}});
  }
  if (json.is_discarded()) {
    // Parse again with exceptions on, only to tell the client where it broke.
    std::string reason;
    try {
      [[maybe_unused]] auto parsed = nlohmann::json::parse(body);  // only its exception is wanted
    } catch (const nlohmann::json::parse_error& error) {
      reason = "byte " + std::to_string(error.byte);
    } catch (const nlohmann::json::exception& error) {
      // A number beyond a double (1e400) is out_of_range.406, not a parse_error: it escaped
      // as a 500 until fuzz/json_fuzz found it.
      reason = error.id == 406 ? "a number too large" : "invalid JSON";
    }
    return Error::of(ErrorCode::malformed_json, "malformed_json", {{"reason", reason}});
  }
  if (!json.is_object()) return Error::of(ErrorCode::malformed_json, "json_not_object");
  return BodyReader(std::move(json));
}

void BodyReader::wrong_type(std::string_view name, std::string_view expected) {
  problems_.push_back({std::string(name), "wrong_type", {{"expected", std::string(expected)}}});
}

bool BodyReader::is_null(std::string_view name) const {
  auto found = body_.find(std::string(name));
  return found != body_.end() && found->is_null();
}

std::optional<std::string> BodyReader::text(std::string_view name, std::size_t max_length) {
  known_.emplace(name);
  auto found = body_.find(std::string(name));
  if (found == body_.end() || found->is_null()) return std::nullopt;
  if (!found->is_string()) {
    wrong_type(name, "string");
    return std::nullopt;
  }
  const auto& value = found->get_ref<const std::string&>();
  if (text::code_point_count(value) > max_length) {
    problems_.push_back({std::string(name), "too_long", {{"max", std::to_string(max_length)}}});
    return std::nullopt;
  }
  if (has_control_characters(value)) {
    problems_.push_back({std::string(name), "invalid_characters"});
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> BodyReader::integer(std::string_view name) {
  known_.emplace(name);
  auto found = body_.find(std::string(name));
  if (found == body_.end() || found->is_null()) return std::nullopt;
  if (!found->is_number_integer()) {
    wrong_type(name, "integer");
    return std::nullopt;
  }
  if (beyond_int64(*found)) {
    problems_.push_back(int64_out_of_range(std::string(name)));
    return std::nullopt;
  }
  return found->get<std::int64_t>();
}

std::optional<double> BodyReader::number(std::string_view name) {
  known_.emplace(name);
  auto found = body_.find(std::string(name));
  if (found == body_.end() || found->is_null()) return std::nullopt;
  if (!found->is_number()) {
    wrong_type(name, "number");
    return std::nullopt;
  }
  return found->get<double>();
}

std::optional<std::int64_t> BodyReader::required_integer(std::string_view name) {
  if (!has(name) || is_null(name)) {
    known_.emplace(name);
    problems_.push_back({std::string(name), "required"});
    return std::nullopt;
  }
  return integer(name);
}

std::optional<bool> BodyReader::required_boolean(std::string_view name) {
  if (!has(name) || is_null(name)) {
    known_.emplace(name);
    problems_.push_back({std::string(name), "required"});
    return std::nullopt;
  }
  return boolean(name);
}

std::optional<bool> BodyReader::boolean(std::string_view name) {
  known_.emplace(name);
  auto found = body_.find(std::string(name));
  if (found == body_.end() || found->is_null()) return std::nullopt;
  if (!found->is_boolean()) {
    wrong_type(name, "boolean");
    return std::nullopt;
  }
  return found->get<bool>();
}

const nlohmann::json* BodyReader::array(std::string_view name, std::size_t max_items) {
  known_.emplace(name);
  auto found = body_.find(std::string(name));
  if (found == body_.end() || found->is_null()) return nullptr;
  if (!found->is_array()) {
    wrong_type(name, "array");
    return nullptr;
  }
  if (found->size() > max_items) {
    problems_.push_back({std::string(name), "too_many", {{"max", std::to_string(max_items)}}});
    return nullptr;
  }
  return &*found;
}

std::optional<std::vector<std::string>> BodyReader::text_list(std::string_view name, std::size_t max_items,
                                                              std::size_t max_length) {
  const nlohmann::json* items = array(name, max_items);
  if (!items) return std::nullopt;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto& item = (*items)[i];
    std::string field = std::string(name) + "[" + std::to_string(i) + "]";
    if (!item.is_string()) {
      wrong_type(field, "string");
      continue;
    }
    if (text::code_point_count(item.get_ref<const std::string&>()) > max_length) {
      problems_.push_back({field, "too_long", {{"max", std::to_string(max_length)}}});
      continue;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<std::vector<std::int64_t>> BodyReader::integer_list(std::string_view name, std::size_t max_items) {
  const nlohmann::json* items = array(name, max_items);
  if (!items) return std::nullopt;
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    if (!(*items)[i].is_number_integer()) {
      wrong_type(std::string(name) + "[" + std::to_string(i) + "]", "integer");
      continue;
    }
    if (beyond_int64((*items)[i])) {
      problems_.push_back(int64_out_of_range(std::string(name) + "[" + std::to_string(i) + "]"));
      continue;
    }
    out.push_back((*items)[i].get<std::int64_t>());
  }
  return out;
}

std::vector<FieldError> BodyReader::finish_into_list() {
  for (const auto& [key, value] : body_.items())
    if (!known_.contains(key)) problems_.push_back({key, "unknown_field"});
  return std::move(problems_);
}

Status BodyReader::finish() {
  auto problems = finish_into_list();
  if (problems.empty()) return ok_status();
  return Error::validation(std::move(problems));
}

std::optional<std::string> nested_text(const nlohmann::json& object, const std::string& path, std::string_view name,
                                       std::size_t max_length, std::vector<FieldError>& problems) {
  auto found = object.find(std::string(name));
  if (found == object.end() || found->is_null()) return std::nullopt;
  std::string field = path + "." + std::string(name);
  if (!found->is_string()) {
    problems.push_back({field, "wrong_type", {{"expected", "string"}}});
    return std::nullopt;
  }
  const auto& value = found->get_ref<const std::string&>();
  if (text::code_point_count(value) > max_length) {
    problems.push_back({field, "too_long", {{"max", std::to_string(max_length)}}});
    return std::nullopt;
  }
  if (has_control_characters(value)) {
    problems.push_back({field, "invalid_characters"});
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> nested_integer(const nlohmann::json& object, const std::string& path, std::string_view name,
                                           std::vector<FieldError>& problems) {
  auto found = object.find(std::string(name));
  if (found == object.end() || found->is_null()) return std::nullopt;
  if (!found->is_number_integer()) {
    problems.push_back({path + "." + std::string(name), "wrong_type", {{"expected", "integer"}}});
    return std::nullopt;
  }
  if (beyond_int64(*found)) {
    problems.push_back(int64_out_of_range(path + "." + std::string(name)));
    return std::nullopt;
  }
  return found->get<std::int64_t>();
}

std::vector<std::string> nested_text_list(const nlohmann::json& object, const std::string& path, std::string_view name,
                                          std::size_t max_items, std::size_t max_length,
                                          std::vector<FieldError>& problems) {
  std::vector<std::string> out;
  auto found = object.find(std::string(name));
  if (found == object.end() || found->is_null()) return out;
  std::string field = path + "." + std::string(name);
  if (!found->is_array()) {
    problems.push_back({field, "wrong_type", {{"expected", "array"}}});
    return out;
  }
  if (found->size() > max_items) {
    problems.push_back({field, "too_many", {{"max", std::to_string(max_items)}}});
    return out;
  }
  for (std::size_t i = 0; i < found->size(); ++i) {
    std::string at = field + "[" + std::to_string(i) + "]";
    const auto& value = (*found)[i];
    if (!value.is_string()) {
      problems.push_back({at, "wrong_type", {{"expected", "string"}}});
    } else if (text::code_point_count(value.get_ref<const std::string&>()) > max_length) {
      problems.push_back({at, "too_long", {{"max", std::to_string(max_length)}}});
    } else if (has_control_characters(value.get_ref<const std::string&>())) {
      problems.push_back({at, "invalid_characters"});
    } else {
      out.push_back(value.get<std::string>());
    }
  }
  return out;
}

}  // namespace taawun::http
