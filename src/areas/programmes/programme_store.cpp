// SQL ↔ Programme.
#include "areas/programmes/programme_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace taawun::programmes {

// Country names come from reference::names (in memory); the funder's name from a join.
const char* const kSelectProgramme =
    "SELECT p.id, p.kind, p.title_fr, p.title_ar, p.title_en, p.country_code, p.funder_organisation_id, "
    "p.start_year, p.end_year, p.agreement_number, p.commission_session, p.version, p.created_at, p.updated_at, "
    "f.name_fr, f.name_ar, f.name_en FROM programmes p LEFT JOIN organisations f ON f.id = p.funder_organisation_id";

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
  if (p.country_code) p.country_name = names.country(*p.country_code);
  return p;
}

std::optional<Programme> find(db::Connection& connection, std::int64_t id) {
  auto rows = connection.query(std::string(kSelectProgramme) + " WHERE p.id = ?", db::Params(id));
  if (rows.empty()) return std::nullopt;
  return programme_from(rows.front(), *reference::names(connection));
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
