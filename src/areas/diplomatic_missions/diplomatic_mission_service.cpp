// Diplomatic mission use cases, each inside one transaction with its audit entry. What is the
// area's own: the sending and receiving sides (a state or an organisation), the jurisdiction
// (known countries, never the sending state itself), coordinates in range, the dates' order, the
// Wikidata QID (unique), and the fields staff edited, which a reload of the extract keeps.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "areas/diplomatic_missions/diplomatic_mission.hpp"
#include "areas/diplomatic_missions/diplomatic_mission_store.hpp"
#include "areas/reference/reference.hpp"
#include "domain/drafts.hpp"
#include "domain/kit/record_import.hpp"

namespace taawun::diplomatic_missions {
namespace {

bool is_qid(const std::string& text) {
  static const std::regex pattern("Q[1-9][0-9]{0,11}");
  return std::regex_match(text, pattern);
}

bool country_exists(db::Connection& connection, const std::string& code) {
  return reference::find_country(connection, code).has_value();
}

// Marks `field` as edited by staff when the draft changed it.
template <typename T>
void note_edit(DiplomaticMission& record, const char* field, const T& before, const T& after) {
  if (before != after && !is_in(record.edited_fields, std::string(field))) record.edited_fields.emplace_back(field);
}

// Western Sahara: the deployment counts the territory as part of Morocco (a consulate in Laayoune
// or Dakhla sits in Morocco), and the Sahrawi Arab Democratic Republic sends no mission here.
constexpr std::string_view kWesternSahara = "EH";

void check_sides(db::Connection& connection, DiplomaticMission& record, std::vector<FieldError>& problems) {
  if (record.receiving_country == kWesternSahara) record.receiving_country = std::string(kMorocco);
  if (record.sending_country == kWesternSahara) {
    problems.push_back({"sending_country", "not_recognised"});
    return;
  }
  if (record.sending_country.has_value() == record.sending_organisation_id.has_value())
    problems.push_back({"sending_country", "sending_state_or_organisation"});
  if (record.sending_country && !country_exists(connection, *record.sending_country))
    problems.push_back({"sending_country", "unknown_country"});
  if (record.sending_organisation_id && !organisation_exists(connection, *record.sending_organisation_id))
    problems.push_back({"sending_organisation_id", "unknown_organisation"});
  if (record.receiving_country && !country_exists(connection, *record.receiving_country))
    problems.push_back({"receiving_country", "unknown_country"});
  if (record.receiving_organisation_id && !organisation_exists(connection, *record.receiving_organisation_id))
    problems.push_back({"receiving_organisation_id", "unknown_organisation"});
  // A permanent mission or delegation is accredited to an organisation (and sits in a country);
  // every other kind is accredited to a state.
  if (record.kind == "permanent_mission") {
    if (!record.receiving_country && !record.receiving_organisation_id)
      problems.push_back({"receiving_organisation_id", "required"});
  } else {
    if (!record.receiving_country) problems.push_back({"receiving_country", "required"});
    if (record.receiving_organisation_id)
      problems.push_back({"receiving_organisation_id", "only_for_permanent_mission"});
  }
  if (record.sending_country && record.receiving_country && *record.sending_country == *record.receiving_country &&
      record.kind != "permanent_mission")
    problems.push_back({"receiving_country", "same_as_sending"});
}

void check_jurisdiction(db::Connection& connection, DiplomaticMission& record, std::vector<FieldError>& problems) {
  if (record.jurisdiction.size() > kMaxJurisdiction) {
    problems.push_back({"jurisdiction", "too_many", {{"max", std::to_string(kMaxJurisdiction)}}});
    return;
  }
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < record.jurisdiction.size(); ++i) {
    std::string code = upper_cased(text::trim(record.jurisdiction[i])).value_or("");
    if (code == kWesternSahara) code = kMorocco;
    std::string at = fmt::format("jurisdiction[{}]", i);
    if (!country_exists(connection, code))
      problems.push_back({at, "unknown_country"});
    else if (record.sending_country && code == *record.sending_country)
      problems.push_back({at, "own_sending_state", {{"country", code}}});
    else if (!is_in(codes, code))
      codes.push_back(code);
  }
  std::sort(codes.begin(), codes.end());
  record.jurisdiction = codes;
}

void check_place(DiplomaticMission& record, std::vector<FieldError>& problems) {
  if (record.latitude && (*record.latitude < -90.0 || *record.latitude > 90.0))
    problems.push_back({"latitude", "out_of_range", {{"min", "-90"}, {"max", "90"}}});
  if (record.longitude && (*record.longitude < -180.0 || *record.longitude > 180.0))
    problems.push_back({"longitude", "out_of_range", {{"min", "-180"}, {"max", "180"}}});
  if (record.latitude.has_value() != record.longitude.has_value())
    problems.push_back({record.latitude ? "longitude" : "latitude", "coordinates_together"});
  if (record.email && record.email->find('@') == std::string::npos) problems.push_back({"email", "invalid_email"});
  if (record.website && !record.website->starts_with("http://") && !record.website->starts_with("https://"))
    problems.push_back({"website", "invalid_website"});
}

void check_dates(DiplomaticMission& record, std::vector<FieldError>& problems) {
  bool opened_ok = check_date(problems, "opened_on", record.opened_on);
  bool closed_ok = check_date(problems, "closed_on", record.closed_on);
  if (opened_ok && closed_ok && *record.closed_on < *record.opened_on)
    problems.push_back({"closed_on", "before_opening"});
  if (record.status == "closed" && !record.closed_on) problems.push_back({"closed_on", "required_when_closed"});
  if (record.status == "active" && record.closed_on) problems.push_back({"status", "closed_on_needs_closed"});
}

// Applies a draft onto a record (a blank one for creation) and checks the result as a whole.
Result<DiplomaticMission> apply(db::Connection& connection, DiplomaticMission record,
                                const DiplomaticMissionDraft& draft) {
  std::vector<FieldError> problems;
  const DiplomaticMission before = record;
  auto text_field = [&](const Field<std::string>& field, std::optional<std::string>& target) {
    if (field.present) target = cleaned(field.value);
  };
  if (draft.kind.present) record.kind = cleaned(draft.kind.value).value_or("");
  if (draft.status.present) record.status = cleaned(draft.status.value).value_or("");
  if (draft.sending_country.present) record.sending_country = upper_cased(cleaned(draft.sending_country.value));
  if (draft.receiving_country.present) record.receiving_country = upper_cased(cleaned(draft.receiving_country.value));
  draft.sending_organisation_id.apply_to(record.sending_organisation_id);
  draft.receiving_organisation_id.apply_to(record.receiving_organisation_id);
  text_field(draft.name, record.name);
  text_field(draft.city, record.city);
  text_field(draft.address, record.address);
  text_field(draft.telephone, record.telephone);
  text_field(draft.email, record.email);
  text_field(draft.website, record.website);
  text_field(draft.head_name, record.head_name);
  text_field(draft.head_title, record.head_title);
  text_field(draft.opened_on, record.opened_on);
  text_field(draft.closed_on, record.closed_on);
  text_field(draft.wikidata_qid, record.wikidata_qid);
  if (record.wikidata_qid) record.wikidata_qid = upper_cased(record.wikidata_qid);
  draft.latitude.apply_to(record.latitude);
  draft.longitude.apply_to(record.longitude);
  if (draft.jurisdiction.present) record.jurisdiction = draft.jurisdiction.value.value_or(std::vector<std::string>());

  if (record.kind.empty())
    problems.push_back({"kind", "required"});
  else
    check_choice(problems, "kind", record.kind, kKinds);
  if (record.status.empty())
    problems.push_back({"status", "required"});
  else
    check_choice(problems, "status", record.status, kStatuses);
  check_length(problems, "name", record.name, kMaxNameLength);
  check_length(problems, "city", record.city, kMaxCityLength);
  check_length(problems, "address", record.address, kMaxAddressLength);
  check_length(problems, "telephone", record.telephone, kMaxContactLength);
  check_length(problems, "email", record.email, kMaxContactLength);
  check_length(problems, "website", record.website, kMaxWebsiteLength);
  check_length(problems, "head_name", record.head_name, kMaxNameLength);
  check_length(problems, "head_title", record.head_title, kMaxNameLength);
  check_sides(connection, record, problems);
  check_jurisdiction(connection, record, problems);
  check_place(record, problems);
  check_dates(record, problems);
  if (record.wikidata_qid) {
    if (!is_qid(*record.wikidata_qid)) {
      problems.push_back({"wikidata_qid", "invalid_qid"});
    } else {
      auto holder = connection.query("SELECT id FROM diplomatic_missions WHERE wikidata_qid = ?",
                                     db::Params(*record.wikidata_qid));
      if (!holder.empty() && holder.front().integer(0) != record.id)
        problems.push_back({"wikidata_qid", "already_taken"});
    }
  }
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));

  // What staff changed, so that a reload of the extract leaves it as they wrote it.
  note_edit(record, "kind", before.kind, record.kind);
  note_edit(record, "sending_country", before.sending_country, record.sending_country);
  note_edit(record, "receiving_country", before.receiving_country, record.receiving_country);
  note_edit(record, "city", before.city, record.city);
  note_edit(record, "address", before.address, record.address);
  note_edit(record, "coordinates", std::make_pair(before.latitude, before.longitude),
            std::make_pair(record.latitude, record.longitude));
  note_edit(record, "telephone", before.telephone, record.telephone);
  note_edit(record, "email", before.email, record.email);
  note_edit(record, "website", before.website, record.website);
  note_edit(record, "jurisdiction", before.jurisdiction, record.jurisdiction);
  note_edit(record, "opened_on", before.opened_on, record.opened_on);

  const auto& names = *reference::names(connection);
  record.sending_name = {};
  record.receiving_name = {};
  name_sides(names, record);
  auto organisation_name = [&](std::int64_t id) {
    auto rows = connection.query("SELECT name_fr, name_ar, name_en FROM organisations WHERE id = ?", db::Params(id));
    if (rows.empty()) return LocalisedName{};
    const auto& row = rows.front();
    return LocalisedName{row.optional_text(0).value_or(""), row.optional_text(1).value_or(""),
                         row.optional_text(2).value_or("")};
  };
  if (record.sending_organisation_id) record.sending_name = organisation_name(*record.sending_organisation_id);
  if (record.receiving_organisation_id && !record.receiving_country)
    record.receiving_name = organisation_name(*record.receiving_organisation_id);
  return record;
}

}  // namespace

Result<Page<DiplomaticMission>> list(db::Connection& connection, const accounts::Actor& actor,
                                     const DiplomaticMissionFilter& filter) {
  kit::Where where;
  where.equals("m.kind", filter.kind)
      .equals("m.status", filter.status)
      .equals("m.sending_country", filter.sending_country)
      .equals("m.receiving_country", filter.receiving_country)
      .text("m.search_key", filter.text);
  // A country covered: where the mission sits, or one of the countries it is accredited to.
  if (filter.covers)
    where.add(
        "(m.receiving_country = ? OR EXISTS (SELECT 1 FROM diplomatic_mission_jurisdictions j WHERE j.mission_id = "
        "m.id AND j.country_code = ?))",
        *filter.covers, *filter.covers);
  if (filter.wikidata) where.add(*filter.wikidata ? "m.wikidata_qid IS NOT NULL" : "m.wikidata_qid IS NULL");
  return kit::list(connection, kind(), actor, std::move(where), filter.sort, filter.page);
}

Result<DiplomaticMission> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  return kit::get(connection, kind(), actor, id);
}

Result<DiplomaticMission> create(db::Connection& connection, const accounts::Actor& actor,
                                 const DiplomaticMissionDraft& draft) {
  return kit::plain_create(connection, kind(), actor, can(actor, Action::create),
                           [&](DiplomaticMission blank) { return apply(connection, std::move(blank), draft); });
}

Result<DiplomaticMission> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                 std::int64_t expected_version, const DiplomaticMissionDraft& draft) {
  return kit::plain_update(
      connection, kind(), actor, id, expected_version,
      [&](const DiplomaticMission&) { return can(actor, Action::update); },
      [&](DiplomaticMission current) { return apply(connection, std::move(current), draft); });
}

Result<imports::ImportReport> import_missions(db::Connection& connection, const accounts::Actor& actor,
                                              const spreadsheet::Table& table, const imports::ImportOptions& options) {
  return kit::import_rows(connection, kind(), actor, can(actor, Action::create), table, import_spec(), options,
                          [&](DiplomaticMission blank, const DiplomaticMissionDraft& draft) {
                            return apply(connection, std::move(blank), draft);
                          });
}

Result<std::vector<MapPoint>> map_points(db::Connection& connection, const accounts::Actor& actor) {
  if (!can(actor, Action::read)) return Error::of(ErrorCode::forbidden);
  std::vector<MapPoint> points;
  auto rows = connection.query(
      "SELECT id, kind, status, sending_country, receiving_country, city, latitude, longitude, jurisdiction, CASE WHEN "
      "wikidata_qid IS NULL THEN 0 ELSE 1 END FROM diplomatic_missions ORDER BY id");
  points.reserve(rows.rows.size());
  for (const auto& row : rows.rows) {
    MapPoint point;
    point.id = row.integer(0);
    point.kind = row.text(1);
    point.status = row.text(2);
    point.sending_country = row.optional_text(3);
    point.receiving_country = row.optional_text(4);
    point.city = row.optional_text(5);
    if (!row.is_null(6)) point.latitude = row.real(6);
    if (!row.is_null(7)) point.longitude = row.real(7);
    point.jurisdiction = row.text(8);
    point.wikidata = row.integer(9) != 0;
    points.push_back(std::move(point));
  }
  return points;
}

MissionsBetween missions_between_morocco_and(db::Connection& connection, const std::string& country) {
  MissionsBetween result;
  std::string sql = kind().select +
                    " WHERE m.sending_country = ? AND (m.receiving_country = ? OR EXISTS (SELECT 1 FROM "
                    "diplomatic_mission_jurisdictions j WHERE j.mission_id = m.id AND j.country_code = ?)) ORDER BY "
                    "m.kind, m.sort_name, m.id";
  result.moroccan =
      kit::records_from(connection, kind(), connection.query(sql, db::Params(kMorocco, country, country)));
  result.foreign =
      kit::records_from(connection, kind(), connection.query(sql, db::Params(country, kMorocco, kMorocco)));
  return result;
}

}  // namespace taawun::diplomatic_missions
