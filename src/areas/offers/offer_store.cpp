// The offer as a record kind: SQL ↔ Offer, what create and update write, the sorts, the audit
// snapshot and the export columns.
#include "areas/offers/offer_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace taawun::offers {

// The host's, the action type's and the domain's names come from joins on primary keys: the
// reference names held in memory (reference::names) cover countries and organisation types only.
#define TAAWUN_OFFER_COLUMNS(descriptions)                                                                          \
  "SELECT o.id, o.host_organisation_id, o.action_type, o.domain, o.title_fr, o.title_ar, o.title_en, " descriptions \
  ", o.level, o.duration_days, o.language, o.seats_per_year, o.cost_per_participant, o.currency, o.active, "        \
  "o.version, o.created_at, o.updated_at, h.name_fr, h.name_ar, h.name_en, t.name_fr, t.name_ar, t.name_en, "       \
  "d.name_fr, d.name_ar, d.name_en FROM offers o JOIN organisations h ON h.id = o.host_organisation_id "            \
  "JOIN action_types t ON t.code = o.action_type JOIN cooperation_domains d ON d.code = o.domain"
const char* const kSelectOffer = TAAWUN_OFFER_COLUMNS("o.description_fr, o.description_ar, o.description_en");
// Lists leave the descriptions (up to 5,000 characters each, in three languages) to the detail.
const char* const kSelectOfferSummary = TAAWUN_OFFER_COLUMNS("NULL, NULL, NULL");
#undef TAAWUN_OFFER_COLUMNS

Offer offer_from(const db::Row& row) {
  Offer o;
  o.id = row.integer(0);
  o.host_organisation_id = row.integer(1);
  o.action_type = row.text(2);
  o.domain = row.text(3);
  o.title_fr = row.optional_text(4);
  o.title_ar = row.optional_text(5);
  o.title_en = row.optional_text(6);
  o.description_fr = row.optional_text(7);
  o.description_ar = row.optional_text(8);
  o.description_en = row.optional_text(9);
  o.level = row.optional_text(10);
  o.duration_days = row.optional_integer(11);
  o.language = row.optional_text(12);
  o.seats_per_year = row.optional_integer(13);
  o.cost_per_participant = row.optional_integer(14);
  o.currency = row.optional_text(15);
  o.active = row.flag(16);
  o.version = row.integer(17);
  o.created_at = row.text(18);
  o.updated_at = row.text(19);
  o.host_name = {row.text(20), row.text(21), row.text(22)};
  o.action_type_name = {row.text(23), row.text(24), row.text(25)};
  o.domain_name = {row.text(26), row.text(27), row.text(28)};
  return o;
}

namespace {

kit::Kind<Offer> make_kind() {
  using kit::column;
  using kit::derived;
  using spreadsheet::cell;
  kit::Kind<Offer> k;
  k.name = "offer";
  k.table = "offers";
  k.alias = "o";
  k.select = kSelectOffer;
  k.list_select = kSelectOfferSummary;
  k.from_row = [](const db::Row& row, const reference::ReferenceNames&) { return offer_from(row); };
  k.columns = {column("host_organisation_id", &Offer::host_organisation_id),
               column("action_type", &Offer::action_type),
               column("domain", &Offer::domain),
               column("title_fr", &Offer::title_fr),
               column("title_ar", &Offer::title_ar),
               column("title_en", &Offer::title_en),
               column("description_fr", &Offer::description_fr),
               column("description_ar", &Offer::description_ar),
               column("description_en", &Offer::description_en),
               derived<Offer>("sort_name", sort_name_of),
               column("level", &Offer::level),
               column("duration_days", &Offer::duration_days),
               column("language", &Offer::language),
               column("seats_per_year", &Offer::seats_per_year),
               column("cost_per_participant", &Offer::cost_per_participant),
               column("currency", &Offer::currency),
               column("active", &Offer::active),
               derived<Offer>("search_key", search_key_of)};
  k.sorts = {{"title", "o.sort_name {0}, o.id {0}"},
             {"created_at", "o.created_at {0}, o.id {0}"},
             // Offers without a duration come last either way (SQLite and PostgreSQL place NULLs apart).
             {"duration",
              "CASE WHEN o.duration_days IS NULL THEN 1 ELSE 0 END, o.duration_days {0}, o.sort_name {0}, "
              "o.id {0}"}};
  k.snapshot = snapshot_json;
  // Every user reads the catalogue.
  k.may_read_kind = [](const accounts::Actor& actor) { return can(actor, Action::read); };
  k.may_read = [](const accounts::Actor&, const Offer&) { return true; };
  k.export_columns = {
      {"offer_id", [](const Offer& o, Language) { return std::to_string(o.id); }, true},
      {"host_organisation_id", [](const Offer& o, Language) { return std::to_string(o.host_organisation_id); }, true},
      {"host", [](const Offer& o, Language l) { return o.host_name.in(l); }},
      {"action_type", [](const Offer& o, Language) { return o.action_type; }},
      {"type_name", [](const Offer& o, Language l) { return o.action_type_name.in(l); }},
      {"domain", [](const Offer& o, Language) { return o.domain; }},
      {"domain_name", [](const Offer& o, Language l) { return o.domain_name.in(l); }},
      {"title_fr", [](const Offer& o, Language) { return cell(o.title_fr); }},
      {"title_ar", [](const Offer& o, Language) { return cell(o.title_ar); }},
      {"title_en", [](const Offer& o, Language) { return cell(o.title_en); }},
      {"level", [](const Offer& o, Language) { return cell(o.level); }},
      {"language", [](const Offer& o, Language) { return cell(o.language); }},
      {"duration_days", [](const Offer& o, Language) { return cell(o.duration_days); }, true},
      {"seats_per_year", [](const Offer& o, Language) { return cell(o.seats_per_year); }, true},
      {"cost_per_participant", [](const Offer& o, Language) { return cell(o.cost_per_participant); }, true},
      {"currency", [](const Offer& o, Language) { return cell(o.currency); }},
      {"active", [](const Offer& o, Language) { return cell(o.active); }},
      {"created_at", [](const Offer& o, Language) { return o.created_at; }},
      {"updated_at", [](const Offer& o, Language) { return o.updated_at; }}};
  return k;
}

}  // namespace

const kit::Kind<Offer>& kind() {
  static const kit::Kind<Offer> offer_kind = make_kind();
  return offer_kind;
}

std::optional<Offer> find(db::Connection& connection, std::int64_t id) {
  return kit::find(connection, kind(), id);
}

spreadsheet::Table export_table(const std::vector<Offer>& listed, Language language) {
  return kit::export_table(kind(), listed, language);
}

std::string snapshot_json(const Offer& o) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  nlohmann::json json = {{"host_organisation_id", o.host_organisation_id},
                         {"action_type", o.action_type},
                         {"domain", o.domain},
                         {"title_fr", optional(o.title_fr)},
                         {"title_ar", optional(o.title_ar)},
                         {"title_en", optional(o.title_en)},
                         {"description_fr", optional(o.description_fr)},
                         {"description_ar", optional(o.description_ar)},
                         {"description_en", optional(o.description_en)},
                         {"level", optional(o.level)},
                         {"duration_days", optional(o.duration_days)},
                         {"language", optional(o.language)},
                         {"seats_per_year", optional(o.seats_per_year)},
                         {"cost_per_participant", optional(o.cost_per_participant)},
                         {"currency", optional(o.currency)},
                         {"active", o.active},
                         {"version", o.version}};
  return json.dump();
}

std::string search_key_of(const Offer& o) {
  return text::search_key(
      fmt::format("{} {} {}", o.title_fr.value_or(""), o.title_ar.value_or(""), o.title_en.value_or("")));
}

std::string sort_name_of(const Offer& o) {
  return text::search_key(o.title_fr ? *o.title_fr : o.title_en ? *o.title_en : o.title_ar.value_or(""));
}

}  // namespace taawun::offers
