// The diplomatic mission as a record kind: SQL ↔ DiplomaticMission, its jurisdiction table, what
// create and update write, the sorts, the audit snapshot and the export columns.
#include "areas/diplomatic_missions/diplomatic_mission_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.hpp"

namespace taawun::diplomatic_missions {
namespace {

constexpr const char* kSelect =
    "SELECT m.id, m.kind, m.status, m.sending_country, m.sending_organisation_id, m.receiving_country, "
    "m.receiving_organisation_id, m.name, m.city, m.address, m.latitude, m.longitude, m.telephone, m.email, "
    "m.website, m.head_name, m.head_title, m.jurisdiction, m.opened_on, m.closed_on, m.wikidata_qid, "
    "m.edited_fields, m.version, m.created_at, m.updated_at, so.name_fr, so.name_ar, so.name_en, ro.name_fr, "
    "ro.name_ar, ro.name_en FROM diplomatic_missions m LEFT JOIN organisations so ON so.id = "
    "m.sending_organisation_id LEFT JOIN organisations ro ON ro.id = m.receiving_organisation_id";

std::optional<double> optional_real(const db::Row& row, std::size_t column) {
  if (row.is_null(column)) return std::nullopt;
  return row.real(column);
}

LocalisedName organisation_name(const db::Row& row, std::size_t first) {
  return {row.optional_text(first).value_or(""), row.optional_text(first + 1).value_or(""),
          row.optional_text(first + 2).value_or("")};
}

DiplomaticMission mission_from(const db::Row& row, const reference::ReferenceNames& names) {
  DiplomaticMission m;
  m.id = row.integer(0);
  m.kind = row.text(1);
  m.status = row.text(2);
  m.sending_country = row.optional_text(3);
  m.sending_organisation_id = row.optional_integer(4);
  m.receiving_country = row.optional_text(5);
  m.receiving_organisation_id = row.optional_integer(6);
  m.name = row.optional_text(7);
  m.city = row.optional_text(8);
  m.address = row.optional_text(9);
  m.latitude = optional_real(row, 10);
  m.longitude = optional_real(row, 11);
  m.telephone = row.optional_text(12);
  m.email = row.optional_text(13);
  m.website = row.optional_text(14);
  m.head_name = row.optional_text(15);
  m.head_title = row.optional_text(16);
  m.jurisdiction = words_of(row.text(17));
  m.opened_on = row.optional_text(18);
  m.closed_on = row.optional_text(19);
  m.wikidata_qid = row.optional_text(20);
  m.edited_fields = words_of(row.text(21));
  m.version = row.integer(22);
  m.created_at = row.text(23);
  m.updated_at = row.text(24);
  name_sides(names, m);
  if (m.sending_organisation_id) m.sending_name = organisation_name(row, 25);
  if (m.receiving_organisation_id && !m.receiving_country) m.receiving_name = organisation_name(row, 28);
  return m;
}

void write_parts(db::Connection& connection, const DiplomaticMission& m) {
  connection.query("DELETE FROM diplomatic_mission_jurisdictions WHERE mission_id = ?", db::Params(m.id));
  for (const auto& country : m.jurisdiction)
    connection.query("INSERT INTO diplomatic_mission_jurisdictions (mission_id, country_code) VALUES (?, ?)",
                     db::Params(m.id, country));
}

std::string cell(const std::optional<std::string>& value) {
  return value.value_or("");
}
std::string cell(const std::optional<double>& value) {
  return value ? fmt::format("{}", *value) : "";
}
std::string cell(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : "";
}

kit::Kind<DiplomaticMission> make_kind() {
  using kit::column;
  using kit::derived;
  using M = DiplomaticMission;
  kit::Kind<M> k;
  k.name = "diplomatic_mission";
  k.table = "diplomatic_missions";
  k.alias = "m";
  k.select = kSelect;
  k.count_from = "FROM diplomatic_missions m";
  k.from_row = mission_from;
  k.write_parts = write_parts;
  k.columns = {column("kind", &M::kind),
               column("status", &M::status),
               column("sending_country", &M::sending_country),
               column("sending_organisation_id", &M::sending_organisation_id),
               column("receiving_country", &M::receiving_country),
               column("receiving_organisation_id", &M::receiving_organisation_id),
               column("name", &M::name),
               column("city", &M::city),
               column("address", &M::address),
               column("latitude", &M::latitude),
               column("longitude", &M::longitude),
               column("telephone", &M::telephone),
               column("email", &M::email),
               column("website", &M::website),
               column("head_name", &M::head_name),
               column("head_title", &M::head_title),
               derived<M>("jurisdiction", [](const M& m) { return joined(m.jurisdiction); }),
               column("opened_on", &M::opened_on),
               column("closed_on", &M::closed_on),
               column("wikidata_qid", &M::wikidata_qid),
               derived<M>("edited_fields", [](const M& m) { return joined(m.edited_fields); }),
               derived<M>("sort_name", sort_name_of),
               derived<M>("search_key", search_key_of)};
  // Missions without the field sorted by come last either way (the databases place NULLs apart).
  k.sorts = {
      {"receiving",
       "CASE WHEN m.receiving_country IS NULL THEN 1 ELSE 0 END, m.receiving_country {0}, m.sort_name {0}, m.id {0}"},
      {"sending",
       "CASE WHEN m.sending_country IS NULL THEN 1 ELSE 0 END, m.sending_country {0}, m.receiving_country {0}, "
       "m.id {0}"},
      {"city", "m.sort_name {0}, m.id {0}"},
      {"kind", "m.kind {0}, m.sort_name {0}, m.id {0}"},
      {"updated_at", "m.updated_at {0}, m.id {0}"}};
  k.snapshot = snapshot_json;
  k.may_read_kind = [](const accounts::Actor& actor) { return can(actor, Action::read); };
  k.may_read = [](const accounts::Actor& actor, const M&) { return can(actor, Action::read); };
  k.change_counter = kChangeCounter;
  k.export_columns = {
      {"diplomatic_mission_id", [](const M& m, Language) { return std::to_string(m.id); }, true},
      {"kind", [](const M& m, Language) { return m.kind; }},
      {"status", [](const M& m, Language) { return m.status; }},
      {"sending_country", [](const M& m, Language) { return cell(m.sending_country); }},
      {"sending_organisation_id", [](const M& m, Language) { return cell(m.sending_organisation_id); }, true},
      {"sending", [](const M& m, Language language) { return m.sending_name.in(language); }},
      {"receiving_country", [](const M& m, Language) { return cell(m.receiving_country); }},
      {"receiving_organisation_id", [](const M& m, Language) { return cell(m.receiving_organisation_id); }, true},
      {"receiving", [](const M& m, Language language) { return m.receiving_name.in(language); }},
      {"name", [](const M& m, Language) { return cell(m.name); }},
      {"city", [](const M& m, Language) { return cell(m.city); }},
      {"address", [](const M& m, Language) { return cell(m.address); }},
      {"latitude", [](const M& m, Language) { return cell(m.latitude); }, true},
      {"longitude", [](const M& m, Language) { return cell(m.longitude); }, true},
      {"telephone", [](const M& m, Language) { return cell(m.telephone); }},
      {"email", [](const M& m, Language) { return cell(m.email); }},
      {"website", [](const M& m, Language) { return cell(m.website); }},
      {"head_name", [](const M& m, Language) { return cell(m.head_name); }},
      {"head_title", [](const M& m, Language) { return cell(m.head_title); }},
      {"jurisdiction", [](const M& m, Language) { return joined(m.jurisdiction); }},
      {"opened_on", [](const M& m, Language) { return cell(m.opened_on); }},
      {"closed_on", [](const M& m, Language) { return cell(m.closed_on); }},
      {"wikidata_qid", [](const M& m, Language) { return cell(m.wikidata_qid); }},
      {"updated_at", [](const M& m, Language) { return m.updated_at; }}};
  return k;
}

}  // namespace

std::string joined(const std::vector<std::string>& words) {
  return fmt::format("{}", fmt::join(words, " "));
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

void name_sides(const reference::ReferenceNames& names, DiplomaticMission& m) {
  if (m.sending_country) m.sending_name = names.country(*m.sending_country);
  if (m.receiving_country) m.receiving_name = names.country(*m.receiving_country);
}

const kit::Kind<DiplomaticMission>& kind() {
  static const kit::Kind<DiplomaticMission> mission_kind = make_kind();
  return mission_kind;
}

std::optional<DiplomaticMission> find(db::Connection& connection, std::int64_t id) {
  return kit::find(connection, kind(), id);
}

spreadsheet::Table export_table(const std::vector<DiplomaticMission>& listed, Language language) {
  return kit::export_table(kind(), listed, language);
}

std::string snapshot_json(const DiplomaticMission& m) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  return nlohmann::json{{"kind", m.kind},
                        {"status", m.status},
                        {"sending_country", optional(m.sending_country)},
                        {"sending_organisation_id", optional(m.sending_organisation_id)},
                        {"receiving_country", optional(m.receiving_country)},
                        {"receiving_organisation_id", optional(m.receiving_organisation_id)},
                        {"name", optional(m.name)},
                        {"city", optional(m.city)},
                        {"address", optional(m.address)},
                        {"latitude", optional(m.latitude)},
                        {"longitude", optional(m.longitude)},
                        {"telephone", optional(m.telephone)},
                        {"email", optional(m.email)},
                        {"website", optional(m.website)},
                        {"head_name", optional(m.head_name)},
                        {"head_title", optional(m.head_title)},
                        {"jurisdiction", m.jurisdiction},
                        {"opened_on", optional(m.opened_on)},
                        {"closed_on", optional(m.closed_on)},
                        {"wikidata_qid", optional(m.wikidata_qid)},
                        {"edited_fields", m.edited_fields},
                        {"version", m.version}}
      .dump();
}

std::string search_key_of(const DiplomaticMission& m) {
  return text::search_key(fmt::format("{} {} {} {} {} {} {} {} {} {} {} {}", m.name.value_or(""), m.city.value_or(""),
                                      m.address.value_or(""), m.head_name.value_or(""), m.sending_name.fr,
                                      m.sending_name.ar, m.sending_name.en, m.receiving_name.fr, m.receiving_name.ar,
                                      m.receiving_name.en, m.wikidata_qid.value_or(""), m.email.value_or("")));
}

std::string sort_name_of(const DiplomaticMission& m) {
  return text::search_key(m.city ? *m.city : m.name.value_or(""));
}

}  // namespace taawun::diplomatic_missions
