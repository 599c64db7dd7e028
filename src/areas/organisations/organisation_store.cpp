// The organisation as a record kind: SQL ↔ Organisation, what create and update write, the sorts,
// the audit snapshot and the export columns.
#include "areas/organisations/organisation_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "areas/organisations/organisation.hpp"
#include "domain/changes.hpp"

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

namespace {

kit::Kind<Organisation> make_kind() {
  using kit::column;
  using kit::derived;
  using spreadsheet::cell;
  kit::Kind<Organisation> k;
  k.name = "organisation";
  k.table = "organisations";
  k.alias = "o";
  k.select = kSelectOrganisation;
  k.list_select = kSelectOrganisationSummary;
  k.from_row = organisation_from;
  k.columns = {column("kind", &Organisation::kind),
               column("name_fr", &Organisation::name_fr),
               column("name_ar", &Organisation::name_ar),
               column("name_en", &Organisation::name_en),
               derived<Organisation>("sort_name", sort_name_of),
               column("acronym", &Organisation::acronym),
               column("country_code", &Organisation::country_code),
               column("iati_identifier", &Organisation::iati_identifier),
               column("parent_id", &Organisation::parent_id),
               column("website", &Organisation::website),
               column("address", &Organisation::address),
               derived<Organisation>("contacts", [](const Organisation& o) { return contacts_json(o.contacts); }),
               derived<Organisation>("search_key", search_key_of)};
  k.sorts = {{"name", "o.sort_name {0}, o.id {0}"},
             {"created_at", "o.created_at {0}, o.id {0}"},
             {"updated_at", "o.updated_at {0}, o.id {0}"},
             {"country", "o.country_code {0}, o.sort_name {0}, o.id {0}"},
             {"kind", "o.kind {0}, o.sort_name {0}, o.id {0}"}};
  k.snapshot = snapshot_json;
  k.may_read_kind = [](const accounts::Actor& actor) { return can(actor, Action::read); };
  k.may_read = [](const accounts::Actor& actor, const Organisation& o) { return can(actor, Action::read, o); };
  // Lists read from it are kept while it is unchanged (changes.hpp, ADR 0009).
  k.change_counter = changes::kOrganisations;
  k.archived_column = "archived";
  k.export_columns = {{"organisation_id", [](const Organisation& o, Language) { return std::to_string(o.id); }, true},
                      {"kind", [](const Organisation& o, Language) { return o.kind; }},
                      {"kind_name", [](const Organisation& o, Language l) { return o.kind_name.in(l); }},
                      {"name_fr", [](const Organisation& o, Language) { return cell(o.name_fr); }},
                      {"name_ar", [](const Organisation& o, Language) { return cell(o.name_ar); }},
                      {"name_en", [](const Organisation& o, Language) { return cell(o.name_en); }},
                      {"acronym", [](const Organisation& o, Language) { return cell(o.acronym); }},
                      {"country", [](const Organisation& o, Language) { return cell(o.country_code); }},
                      {"iati_identifier", [](const Organisation& o, Language) { return cell(o.iati_identifier); }},
                      {"parent_id", [](const Organisation& o, Language) { return cell(o.parent_id); }, true},
                      {"parent", [](const Organisation& o, Language l) { return o.parent_name.in(l); }},
                      {"website", [](const Organisation& o, Language) { return cell(o.website); }},
                      {"address", [](const Organisation& o, Language) { return cell(o.address); }},
                      {"archived", [](const Organisation& o, Language) { return cell(o.archived); }},
                      {"created_at", [](const Organisation& o, Language) { return o.created_at; }},
                      {"updated_at", [](const Organisation& o, Language) { return o.updated_at; }}};
  return k;
}

}  // namespace

const kit::Kind<Organisation>& kind() {
  static const kit::Kind<Organisation> organisation_kind = make_kind();
  return organisation_kind;
}

std::optional<Organisation> find(db::Connection& connection, std::int64_t id) {
  return kit::find(connection, kind(), id);
}

spreadsheet::Table export_table(const std::vector<Organisation>& listed, Language language) {
  return kit::export_table(kind(), listed, language);
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
