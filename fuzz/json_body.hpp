#pragma once
// json_fuzz: a JSON request body read as handlers read one (http::BodyReader): the checks of
// parse_text, then fields of every kind (text, integer, boolean, the required ones, lists, an
// array of small objects with read_object_list), then finish() reporting the fields not read.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "http/input.hpp"

namespace taawun::fuzz {

inline std::string check_json_body(std::string_view bytes) {
  auto parsed = http::BodyReader::parse_text(bytes);
  if (!parsed.ok()) {
    const auto& key = parsed.error().detail_key;
    if (parsed.error().code == ErrorCode::invalid_utf8) {
      if (text::is_valid_utf8(bytes)) return "valid UTF-8 refused as invalid_utf8";
      return {};
    }
    if (parsed.error().code != ErrorCode::malformed_json || (key != "malformed_json" && key != "json_not_object"))
      return "a body refused with an unexpected problem: " + key;
    return {};
  }
  if (!text::is_valid_utf8(bytes)) return "a body that is not UTF-8 was accepted";
  auto& body = *parsed;

  struct Item {
    std::optional<std::string> label;
    std::optional<std::int64_t> amount;
  };
  Field<std::string> name_field;
  http::read_field(body, "name", name_field, body.text("name", 20));
  if (name_field.value) {
    if (text::code_point_count(*name_field.value) > 20) return "text() gave more than its maximum";
    for (unsigned char c : *name_field.value)
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return "text() gave a control character";
  }
  (void)body.is_null("note");
  (void)body.text("note", 2000);
  (void)body.integer("count");
  (void)body.boolean("active");
  (void)body.required_integer("version");
  (void)body.required_boolean("confirmed");
  if (auto tags = body.text_list("tags", 5, 10)) {
    if (tags->size() > 5) return "text_list() gave more than its maximum";
    for (const auto& tag : *tags)
      if (text::code_point_count(tag) > 10) return "text_list() gave an item longer than its maximum";
  }
  if (auto ids = body.integer_list("ids", 5); ids && ids->size() > 5) return "integer_list() gave too many";
  if (const auto* array = body.array("raw", 3); array && array->size() > 3) return "array() gave too many";
  Field<std::vector<Item>> items;
  http::read_object_list(body, "items", 4, {"label", "amount"}, items,
                         [](const nlohmann::json& item, const std::string& path, std::vector<FieldError>& problems) {
                           return Item{http::nested_text(item, path, "label", 10, problems),
                                       http::nested_integer(item, path, "amount", problems)};
                         });
  if (items.value && items.value->size() > 4) return "read_object_list() gave too many";
  auto finished = body.finish();
  if (!finished.ok() && finished.error().code != ErrorCode::validation_failed)
    return "finish() refused with another code than validation_failed";
  return {};
}

}  // namespace taawun::fuzz
