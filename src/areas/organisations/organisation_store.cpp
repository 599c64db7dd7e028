// SQL ↔ Organisation.
#include "areas/organisations/organisation_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "areas/organisations/organisation.hpp"

namespace taawun::organisations {

// Kind and country names come from reference::names (in memory), not from joins.
#define TAAWUN_ORGANISATION_COLUMNS(contacts)                                                            \
  "SELECT o.id, o.kind, o.name_fr, o.name_ar, o.name_en, o.acronym, o.country_code, o.iati_identifier, " \
  "o.parent_id, o.website, o.address, " contacts                                                         \
  ", o.archived, o.version, o.created_at, o.updated_at, "                                                \
  "p.name_fr, p.name_ar, p.name_en FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id"
const char* const kSelectOrganisation = TAAWUN_ORGANISATION_COLUMNS("o.contacts");
// Lists leave the contacts out: personal data, read one record at a time on the detail.
const char* const kSelectOrganisationSummary = TAAWUN_ORGANISATION_COLUMNS("NULL");
#undef TAAWUN_ORGANISATION_COLUMNS

std::vector<Contact> parse_contacts(const std::string& json_text) {
  std::vector<Contact> contacts;
  auto json = nlohmann::json::parse(json_text, nullptr, false);
  if (!json.is_array()) return contacts;
  for (const auto& item : json)
    contacts.push_back(
        Contact{item.value("name", ""), item.value("role", ""), item.value("email", ""), item.value("phone", "")});
  return contacts;
}

std::string contacts_json(const std::vector<Contact>& contacts) {
  nlohmann::json json = nlohmann::json::array();
  for (const auto& c : contacts)
    json.push_back({{"name", c.name}, {"role", c.role}, {"email", c.email}, {"phone", c.phone}});
  return json.dump();
}

Organisation organisation_from(const db::Row& row, const reference::ReferenceNames& names) {
  Organisation o;
  o.id = row.integer(0);
  o.kind = row.text(1);
  o.name_fr = row.optional_text(2);
  o.name_ar = row.optional_text(3);
  o.name_en = row.optional_text(4);
  o.acronym = row.optional_text(5);
  o.country_code = row.optional_text(6);
  o.iati_identifier = row.optional_text(7);
  o.parent_id = row.optional_integer(8);
  o.website = row.optional_text(9);
  o.address = row.optional_text(10);
  o.contacts_included = !row.is_null(11);
  if (o.contacts_included) o.contacts = parse_contacts(row.text(11));
  o.archived = row.flag(12);
  o.version = row.integer(13);
  o.created_at = row.text(14);
  o.updated_at = row.text(15);
  o.kind_name = names.organisation_type(o.kind);
  if (o.country_code) o.country_name = names.country(*o.country_code);
  o.parent_name = {row.text(16), row.text(17), row.text(18)};
  return o;
}

std::optional<Organisation> find(db::Connection& connection, std::int64_t id) {
  auto rows = connection.query(std::string(kSelectOrganisation) + " WHERE o.id = ?", db::Params(id));
  if (rows.empty()) return std::nullopt;
  return organisation_from(rows.front(), *reference::names(connection));
}

std::string snapshot_json(const Organisation& o) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  nlohmann::json json = {{"kind", o.kind},
                         {"name_fr", optional(o.name_fr)},
                         {"name_ar", optional(o.name_ar)},
                         {"name_en", optional(o.name_en)},
                         {"acronym", optional(o.acronym)},
                         {"country", optional(o.country_code)},
                         {"iati_identifier", optional(o.iati_identifier)},
                         {"parent_id", optional(o.parent_id)},
                         {"website", optional(o.website)},
                         {"address", optional(o.address)},
                         {"contacts", nlohmann::json::parse(contacts_json(o.contacts))},
                         {"archived", o.archived},
                         {"version", o.version}};
  return json.dump();
}

}  // namespace taawun::organisations
