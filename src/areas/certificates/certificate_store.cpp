// SQL ↔ Certificate. The frozen content is one JSON column (migrations/0006): it is written once
// and only ever read whole.
#include "areas/certificates/certificate_store.hpp"

#include <nlohmann/json.hpp>

namespace taawun::certificates {
namespace {

nlohmann::json optional(const auto& value) {
  if (value) return *value;
  return nullptr;
}

nlohmann::json names(const LocalisedName& name) {
  return {{"fr", name.fr}, {"ar", name.ar}, {"en", name.en}};
}

LocalisedName names_from(const nlohmann::json& json) {
  if (!json.is_object()) return {};
  return {json.value("fr", ""), json.value("ar", ""), json.value("en", "")};
}

std::optional<std::string> text_from(const nlohmann::json& json, const char* key) {
  if (!json.contains(key) || !json[key].is_string()) return std::nullopt;
  return json[key].get<std::string>();
}

nlohmann::json content_json(const Content& c) {
  return {{"latin_name", optional(c.latin_name)},
          {"arabic_name", optional(c.arabic_name)},
          {"sex", optional(c.sex)},
          {"action_title", names(c.action_title)},
          {"action_type", names(c.action_type)},
          {"city", optional(c.city)},
          {"country_name", names(c.country_name)},
          {"start_date", c.start_date},
          {"end_date", c.end_date},
          {"days_present", optional(c.days_present)}};
}

Content content_from(const std::string& text) {
  auto json = nlohmann::json::parse(text, nullptr, false);
  Content c;
  if (!json.is_object()) return c;
  c.latin_name = text_from(json, "latin_name");
  c.arabic_name = text_from(json, "arabic_name");
  c.sex = text_from(json, "sex");
  c.action_title = names_from(json.value("action_title", nlohmann::json()));
  c.action_type = names_from(json.value("action_type", nlohmann::json()));
  c.city = text_from(json, "city");
  c.country_name = names_from(json.value("country_name", nlohmann::json()));
  c.start_date = json.value("start_date", "");
  c.end_date = json.value("end_date", "");
  if (json.contains("days_present") && json["days_present"].is_number_integer())
    c.days_present = json["days_present"].get<std::int64_t>();
  return c;
}

constexpr const char* kSelect = "SELECT code, nomination_id, issued_at, issued_by, content FROM certificates";

std::optional<Certificate> first(const db::Rows& rows) {
  if (rows.empty()) return std::nullopt;
  const auto& row = rows.front();
  return Certificate{row.text(0), row.integer(1), row.text(2), row.text(3), content_from(row.text(4))};
}

}  // namespace

std::optional<Certificate> find_by_nomination(db::Connection& connection, std::int64_t nomination_id) {
  return first(connection.query(std::string(kSelect) + " WHERE nomination_id = ?", db::Params(nomination_id)));
}

std::optional<Certificate> find_by_code(db::Connection& connection, const std::string& code) {
  return first(connection.query(std::string(kSelect) + " WHERE code = ?", db::Params(code)));
}

bool code_exists(db::Connection& connection, const std::string& code) {
  return !connection.query("SELECT 1 FROM certificates WHERE code = ?", db::Params(code)).empty();
}

void insert(db::Connection& connection, const Certificate& c) {
  connection.query(
      "INSERT INTO certificates (code, nomination_id, issued_at, issued_by, content) VALUES (?, ?, ?, ?, ?)",
      db::Params(c.code, c.nomination_id, c.issued_at, c.issued_by, content_json(c.content).dump()));
}

std::string snapshot_json(const Certificate& c) {
  return nlohmann::json{{"code", c.code},
                        {"nomination_id", c.nomination_id},
                        {"issued_at", c.issued_at},
                        {"issued_by", c.issued_by},
                        {"content", content_json(c.content)}}
      .dump();
}

}  // namespace taawun::certificates
