// The programme as a record kind: SQL ↔ Programme, what create and update write, the sorts, the
// audit snapshot and the export columns.
#include "areas/programmes/programme_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace taawun::programmes {
namespace {

Programme programme_from(const db::Row& row, const reference::ReferenceNames& names) {
  Programme p;
  p.id = row.integer(0);
  p.kind = row.text(1);
  p.title_fr = row.optional_text(2);
  p.title_ar = row.optional_text(3);
  p.title_en = row.optional_text(4);
  p.country_code = row.optional_text(5);
  p.funder_organisation_id = row.optional_integer(6);
  p.start_year = row.optional_integer(7);
  p.end_year = row.optional_integer(8);
  p.agreement_number = row.optional_text(9);
  p.commission_session = row.optional_text(10);
  p.version = row.integer(11);
  p.created_at = row.text(12);
  p.updated_at = row.text(13);
  p.funder_name = {row.text(14), row.text(15), row.text(16)};
  p.agreement_id = row.optional_integer(17);
  p.agreement_reference = row.optional_text(18);
  if (p.country_code) p.country_name = names.country(*p.country_code);
  return p;
}

kit::Kind<Programme> make_kind() {
  using kit::column;
  using kit::derived;
  using spreadsheet::cell;
  kit::Kind<Programme> k;
  k.name = "programme";
  k.table = "programmes";
  k.alias = "p";
  // Country names come from reference::names (in memory); the funder's name from a join.
  k.select =
      "SELECT p.id, p.kind, p.title_fr, p.title_ar, p.title_en, p.country_code, p.funder_organisation_id, "
      "p.start_year, p.end_year, p.agreement_number, p.commission_session, p.version, p.created_at, p.updated_at, "
      "f.name_fr, f.name_ar, f.name_en, p.agreement_id, ag.reference FROM programmes p LEFT JOIN organisations f ON "
      "f.id = p.funder_organisation_id LEFT JOIN agreements ag ON ag.id = p.agreement_id";
  k.from_row = programme_from;
  k.columns = {column("kind", &Programme::kind),
               column("title_fr", &Programme::title_fr),
               column("title_ar", &Programme::title_ar),
               column("title_en", &Programme::title_en),
               derived<Programme>("sort_name", sort_name_of),
               column("country_code", &Programme::country_code),
               column("funder_organisation_id", &Programme::funder_organisation_id),
               column("start_year", &Programme::start_year),
               column("end_year", &Programme::end_year),
               column("agreement_number", &Programme::agreement_number),
               column("commission_session", &Programme::commission_session),
               column("agreement_id", &Programme::agreement_id),
               derived<Programme>("search_key", search_key_of)};
  k.sorts = {{"title", "p.sort_name {0}, p.id {0}"}, {"start_year", "p.start_year {0}, p.sort_name {0}, p.id {0}"}};
  k.snapshot = snapshot_json;
  k.may_read_kind = [](const accounts::Actor& actor) { return can(actor, Action::read); };
  k.may_read = [](const accounts::Actor& actor, const Programme& p) { return can(actor, Action::read, p); };
  k.export_columns = {
      {"programme_id", [](const Programme& p, Language) { return std::to_string(p.id); }, true},
      {"kind", [](const Programme& p, Language) { return p.kind; }},
      {"title_fr", [](const Programme& p, Language) { return cell(p.title_fr); }},
      {"title_ar", [](const Programme& p, Language) { return cell(p.title_ar); }},
      {"title_en", [](const Programme& p, Language) { return cell(p.title_en); }},
      {"country", [](const Programme& p, Language) { return cell(p.country_code); }},
      {"country_name", [](const Programme& p, Language l) { return p.country_name.in(l); }},
      {"funder_organisation_id", [](const Programme& p, Language) { return cell(p.funder_organisation_id); }, true},
      {"funder", [](const Programme& p, Language l) { return p.funder_name.in(l); }},
      {"start_year", [](const Programme& p, Language) { return cell(p.start_year); }, true},
      {"end_year", [](const Programme& p, Language) { return cell(p.end_year); }, true},
      {"agreement_number", [](const Programme& p, Language) { return cell(p.agreement_number); }},
      {"commission_session", [](const Programme& p, Language) { return cell(p.commission_session); }},
      {"agreement_id", [](const Programme& p, Language) { return cell(p.agreement_id); }, true},
      {"agreement_reference", [](const Programme& p, Language) { return cell(p.agreement_reference); }},
      {"created_at", [](const Programme& p, Language) { return p.created_at; }},
      {"updated_at", [](const Programme& p, Language) { return p.updated_at; }}};
  return k;
}

}  // namespace

const kit::Kind<Programme>& kind() {
  static const kit::Kind<Programme> programme_kind = make_kind();
  return programme_kind;
}

std::optional<Programme> find(db::Connection& connection, std::int64_t id) {
  return kit::find(connection, kind(), id);
}

spreadsheet::Table export_table(const std::vector<Programme>& listed, Language language) {
  return kit::export_table(kind(), listed, language);
}

std::string snapshot_json(const Programme& p) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  nlohmann::json json = {{"kind", p.kind},
                         {"title_fr", optional(p.title_fr)},
                         {"title_ar", optional(p.title_ar)},
                         {"title_en", optional(p.title_en)},
                         {"country", optional(p.country_code)},
                         {"funder_organisation_id", optional(p.funder_organisation_id)},
                         {"start_year", optional(p.start_year)},
                         {"end_year", optional(p.end_year)},
                         {"agreement_number", optional(p.agreement_number)},
                         {"commission_session", optional(p.commission_session)},
                         {"agreement_id", optional(p.agreement_id)},
                         {"version", p.version}};
  return json.dump();
}

std::string search_key_of(const Programme& p) {
  return text::search_key(fmt::format("{} {} {} {} {}", p.title_fr.value_or(""), p.title_ar.value_or(""),
                                      p.title_en.value_or(""), p.agreement_number.value_or(""),
                                      p.commission_session.value_or("")));
}

std::string sort_name_of(const Programme& p) {
  return text::search_key(p.title_fr ? *p.title_fr : p.title_en ? *p.title_en : p.title_ar.value_or(""));
}

}  // namespace taawun::programmes
