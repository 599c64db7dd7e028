// The loader of the Wikidata extract of diplomatic missions (issue 15): `taawun diplomatic-missions
// load [FILE]`. Each row is keyed by its Wikidata QID, so that a reload updates the mission it
// created instead of adding another; countries are matched by QID through
// reference/wikidata_countries.csv (derived from the extract by tools/derive_diplomatic_missions.py,
// see reference/SOURCES-diplomatic-missions.md). What cannot be matched is counted and reported
// with examples, never dropped silently. Fields staff edited (a mission's `edited_fields`) are left
// as they are; the extract never closes a mission nor touches one without a QID (added by staff).
// The whole load is one write transaction with one audit entry and one change of the kind's counter.
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "areas/audit/audit.hpp"
#include "areas/diplomatic_missions/diplomatic_mission.hpp"
#include "areas/diplomatic_missions/diplomatic_mission_store.hpp"
#include "areas/reference/reference.hpp"
#include "core/clock.hpp"
#include "core/csv.hpp"
#include "core/embedded.hpp"
#include "core/text.hpp"
#include "domain/changes.hpp"

namespace taawun::diplomatic_missions {
namespace {

constexpr std::size_t kExamples = 5;

// The extract's `type` → the kind. High commissions are the embassies between Commonwealth
// members, an apostolic nunciature is the Holy See's embassy; interests sections, trade and
// representative offices (Taipei, Quebec) are liaison offices.
const std::unordered_map<std::string, std::string>& kinds_by_type() {
  static const std::unordered_map<std::string, std::string> map = {
      {"embassy", "embassy"},
      {"high commission", "embassy"},
      {"de facto embassy", "embassy"},
      {"British High Commission", "embassy"},
      {"Australian High Commission", "embassy"},
      {"Embassy of the United States", "embassy"},
      {"apostolic nunciature", "embassy"},
      {"diplomatic mission", "embassy"},
      {"diplomatic mission of El Salvador", "embassy"},
      {"consulate general", "consulate_general"},
      {"Consulate General of Sweden", "consulate_general"},
      {"Consulate General of Belgium", "consulate_general"},
      {"consulate", "consulate"},
      {"de facto consulate", "consulate"},
      {"consular office", "consulate"},
      {"Consular Agency", "consulate"},
      {"consulates of Sweden", "consulate"},
      {"assistant high commission", "consulate"},
      {"honorary consulate", "honorary_consulate"},
      {"permanent mission", "permanent_mission"},
      {"liaison office", "liaison_office"},
      {"Apostolic delegation", "liaison_office"},
      {"Interests Section", "liaison_office"},
      {"representative office", "liaison_office"},
      {"Taipei Representative Office", "liaison_office"},
      {"trade office", "liaison_office"},
      {"Quebec Government Office", "liaison_office"},
  };
  return map;
}

struct CountryMatch {
  std::string alpha2, note;
};

// QID → ISO code, from reference/wikidata_countries.csv.
const std::unordered_map<std::string, CountryMatch>& countries_by_qid() {
  static const std::unordered_map<std::string, CountryMatch> map = [] {
    std::unordered_map<std::string, CountryMatch> result;
    auto content = embedded::find("reference/wikidata_countries.csv");
    if (!content) throw std::runtime_error("reference/wikidata_countries.csv is not compiled in");
    auto rows = csv::parse(*content);
    for (std::size_t r = 1; r < rows.size(); ++r)
      if (rows[r].size() >= 4) result[rows[r][0]] = CountryMatch{rows[r][1], rows[r][3]};
    return result;
  }();
  return map;
}

std::string qid_of(std::string_view text) {
  auto slash = text.rfind('/');
  return std::string(text::trim(slash == std::string_view::npos ? text : text.substr(slash + 1)));
}

std::optional<std::string> value(std::string text) {
  text = text::trim(text);
  if (text.empty()) return std::nullopt;
  return text;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : text) {
    if (c == separator) {
      parts.push_back(part);
      part.clear();
    } else {
      part.push_back(c);
    }
  }
  parts.push_back(part);
  return parts;
}

class Problems {
 public:
  void add(const std::string& code, std::string example) {
    auto& problem = by_code_[code];
    problem.code = code;
    ++problem.count;
    if (problem.examples.size() < kExamples) problem.examples.push_back(std::move(example));
  }
  std::vector<LoadProblem> list() const {
    std::vector<LoadProblem> result;
    for (const auto& [code, problem] : by_code_) result.push_back(problem);
    return result;
  }

 private:
  std::map<std::string, LoadProblem> by_code_;
};

std::optional<std::string> text_cell(const std::optional<double>& number) {
  if (!number) return std::nullopt;
  return fmt::format("{}", *number);
}

// SQLite's conversion of a text to a REAL may land one unit in the last place away from the
// nearest double (139.73375 read back is not stod's): a coordinate is the same to a millimetre.
bool same_coordinate(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::fabs(*a - *b) < 1e-8;
}

// The fields the extract provides; the others (name, head of mission, status, closing) are staff's.
bool same_extract_fields(const DiplomaticMission& a, const DiplomaticMission& b) {
  return a.kind == b.kind && a.sending_country == b.sending_country && a.receiving_country == b.receiving_country &&
         a.city == b.city && a.address == b.address && same_coordinate(a.latitude, b.latitude) &&
         same_coordinate(a.longitude, b.longitude) && a.telephone == b.telephone && a.email == b.email &&
         a.website == b.website && a.jurisdiction == b.jurisdiction && a.opened_on == b.opened_on;
}

// The extract's values onto a stored mission, field by field unless staff edited it.
std::size_t merge(DiplomaticMission& target, const DiplomaticMission& loaded) {
  std::size_t kept = 0;
  auto take = [&](const char* field, auto member) {
    if (is_in(target.edited_fields, std::string(field))) {
      if (target.*member != loaded.*member) ++kept;
      return;
    }
    target.*member = loaded.*member;
  };
  // Coordinates go together, and a value read back equal to a millimetre is the same.
  if (is_in(target.edited_fields, std::string("coordinates"))) {
    if (!same_coordinate(target.latitude, loaded.latitude) || !same_coordinate(target.longitude, loaded.longitude))
      ++kept;
  } else if (!same_coordinate(target.latitude, loaded.latitude) ||
             !same_coordinate(target.longitude, loaded.longitude)) {
    target.latitude = loaded.latitude;
    target.longitude = loaded.longitude;
  }
  take("kind", &DiplomaticMission::kind);
  take("sending_country", &DiplomaticMission::sending_country);
  take("receiving_country", &DiplomaticMission::receiving_country);
  take("city", &DiplomaticMission::city);
  take("address", &DiplomaticMission::address);
  take("telephone", &DiplomaticMission::telephone);
  take("email", &DiplomaticMission::email);
  take("website", &DiplomaticMission::website);
  take("jurisdiction", &DiplomaticMission::jurisdiction);
  take("opened_on", &DiplomaticMission::opened_on);
  return kept;
}

std::vector<std::optional<std::string>> insert_row(const DiplomaticMission& m, const std::string& now) {
  return {m.kind,
          m.status,
          m.sending_country,
          m.receiving_country,
          m.city,
          m.address,
          text_cell(m.latitude),
          text_cell(m.longitude),
          m.telephone,
          m.email,
          m.website,
          joined(m.jurisdiction),
          m.opened_on,
          m.wikidata_qid,
          std::string(),
          sort_name_of(m),
          search_key_of(m),
          std::string("1"),
          now,
          now};
}

const std::vector<std::string> kInsertColumns = {
    "kind",          "status",    "sending_country", "receiving_country", "city",         "address",   "latitude",
    "longitude",     "telephone", "email",           "website",           "jurisdiction", "opened_on", "wikidata_qid",
    "edited_fields", "sort_name", "search_key",      "version",           "created_at",   "updated_at"};

}  // namespace

Result<LoadReport> load(db::Connection& connection, const accounts::Actor& actor, std::string_view text) {
  if (!can(actor, Action::create)) return Error::of(ErrorCode::forbidden);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  auto line_end = text.find('\n');
  std::string_view header_line = text.substr(0, line_end);
  char delimiter = header_line.find(';') != std::string_view::npos ? ';' : ',';
  // The extract as published separates with semicolons and quotes nothing (a label may hold a
  // double quote: `ד"ר`, `<a rel="nofollow">`), so its lines are split as they are; the subset built
  // into the binary is RFC 4180 CSV.
  std::vector<csv::Row> rows;
  if (delimiter == ';') {
    for (const auto& line : split(std::string(text), '\n')) {
      std::string_view trimmed = line;
      if (trimmed.ends_with('\r')) trimmed.remove_suffix(1);
      if (!trimmed.empty()) rows.push_back(split(std::string(trimmed), ';'));
    }
  } else {
    rows = csv::parse(text);
  }
  if (rows.empty()) return Error::validation({{"file", "empty_file"}});
  std::unordered_map<std::string, std::size_t> column;
  for (std::size_t c = 0; c < rows[0].size(); ++c) column[std::string(text::trim(rows[0][c]))] = c;
  std::vector<FieldError> missing;
  for (const char* name : {"QID", "type", "operatorQID", "countryQID", "jurisdictionQIDs", "city", "address",
                           "latitude", "longitude", "phone", "email", "website"})
    if (!column.contains(name)) missing.push_back({"file", "missing_column", {{"column", name}}});
  if (!missing.empty()) return Error::validation(std::move(missing));
  auto cell = [&](const csv::Row& row, const char* name) -> std::string {
    auto found = column.find(name);
    if (found == column.end() || found->second >= row.size()) return {};
    return row[found->second];
  };

  const auto& qids = countries_by_qid();
  const auto& types = kinds_by_type();
  auto names = reference::names(connection);
  LoadReport report;
  Problems problems;

  db::Transaction transaction(connection, db::TransactionKind::write);
  std::unordered_map<std::string, DiplomaticMission> existing;
  for (auto& mission :
       kit::records_from(connection, kind(), connection.query(kind().select + " WHERE m.wikidata_qid IS NOT NULL")))
    existing.emplace(*mission.wikidata_qid, std::move(mission));

  std::string now = clock::now_iso8601();
  std::vector<std::vector<std::optional<std::string>>> inserts;
  std::vector<std::pair<std::string, std::vector<std::string>>> new_jurisdictions;  // by QID
  std::unordered_set<std::string> seen;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    ++report.rows;
    std::string at = fmt::format("row {}", r + 1);
    std::string qid = qid_of(cell(row, "QID"));
    if (qid.empty()) {
      problems.add("no_qid", at);
      ++report.skipped;
      continue;
    }
    if (!seen.insert(qid).second) {
      problems.add("duplicate_qid", fmt::format("{}: {}", at, qid));
      ++report.skipped;
      continue;
    }
    std::string type = text::trim(cell(row, "type"));
    auto kind_found = types.find(type);
    if (kind_found == types.end()) {
      problems.add("unknown_type", fmt::format("{}: {} ({})", at, type, qid));
      ++report.skipped;
      continue;
    }
    // The sending state.
    std::string sending_qid = qid_of(cell(row, "operatorQID"));
    auto sending = qids.find(sending_qid);
    if (sending != qids.end() && sending->second.note == "not_recognised") {
      problems.add("not_recognised", fmt::format("{}: {} ({})", at, cell(row, "operator"), qid));
      ++report.skipped;
      continue;
    }
    if (sending == qids.end() || sending->second.alpha2.empty()) {
      problems.add("unmatched_sending", fmt::format("{}: {} ({})", at, cell(row, "operator"), sending_qid));
      ++report.skipped;
      continue;
    }
    std::string receiving_qid = qid_of(cell(row, "countryQID"));
    auto receiving = qids.find(receiving_qid);
    if (receiving == qids.end() || receiving->second.alpha2.empty()) {
      problems.add("unmatched_receiving", fmt::format("{}: {} ({})", at, cell(row, "country"), receiving_qid));
      ++report.skipped;
      continue;
    }
    DiplomaticMission loaded;
    loaded.kind = kind_found->second;
    loaded.sending_country = sending->second.alpha2;
    loaded.receiving_country = receiving->second.alpha2;
    if (loaded.sending_country == loaded.receiving_country && loaded.kind != "permanent_mission") {
      problems.add("same_state",
                   fmt::format("{}: {} in {} ({})", at, cell(row, "operator"), cell(row, "country"), qid));
      ++report.skipped;
      continue;
    }
    loaded.wikidata_qid = qid;
    loaded.city = value(cell(row, "city"));
    loaded.address = value(cell(row, "address"));
    loaded.telephone = value(cell(row, "phone"));
    loaded.email = value(cell(row, "email"));
    if (loaded.email && loaded.email->starts_with("mailto:")) loaded.email = loaded.email->substr(7);
    loaded.website = value(cell(row, "website"));
    for (auto* field : {&loaded.city, &loaded.address, &loaded.telephone, &loaded.email, &loaded.website})
      if (*field && field->value().size() > kMaxAddressLength) field->reset();
    // Coordinates, both or none, in range.
    auto latitude = value(cell(row, "latitude")), longitude = value(cell(row, "longitude"));
    if (latitude && longitude) {
      try {
        double lat = std::stod(*latitude), lon = std::stod(*longitude);
        if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
          loaded.latitude = lat;
          loaded.longitude = lon;
        } else {
          problems.add("bad_coordinates", fmt::format("{}: {} {} ({})", at, *latitude, *longitude, qid));
        }
      } catch (const std::exception&) {
        problems.add("bad_coordinates", fmt::format("{}: {} {} ({})", at, *latitude, *longitude, qid));
      }
    }
    if (auto creation = value(cell(row, "creation"));
        creation && creation->size() >= 10 && is_date(creation->substr(0, 10)))
      loaded.opened_on = creation->substr(0, 10);
    // The jurisdiction: the states it covers; regions and unknown entries are reported, the own
    // sending state refused at that entry (a mission does not cover the state that sends it).
    auto labels = split(cell(row, "jurisdictions"), '|');
    auto jurisdiction_qids = split(cell(row, "jurisdictionQIDs"), '|');
    for (std::size_t j = 0; j < jurisdiction_qids.size(); ++j) {
      std::string covered = qid_of(jurisdiction_qids[j]);
      if (covered.empty()) continue;
      std::string label = j < labels.size() ? labels[j] : covered;
      auto match = qids.find(covered);
      if (match == qids.end() || match->second.alpha2.empty()) {
        problems.add("jurisdiction_unmatched", fmt::format("{}: {} ({})", at, label, covered));
      } else if (match->second.alpha2 == *loaded.sending_country) {
        problems.add("jurisdiction_own_state", fmt::format("{}: {} ({})", at, label, qid));
      } else if (!is_in(loaded.jurisdiction, match->second.alpha2)) {
        loaded.jurisdiction.push_back(match->second.alpha2);
      }
    }
    std::sort(loaded.jurisdiction.begin(), loaded.jurisdiction.end());
    name_sides(*names, loaded);

    auto stored = existing.find(qid);
    if (stored == existing.end()) {
      inserts.push_back(insert_row(loaded, now));
      if (!loaded.jurisdiction.empty()) new_jurisdictions.emplace_back(qid, loaded.jurisdiction);
      ++report.created;
      continue;
    }
    DiplomaticMission merged = stored->second;
    report.kept_staff_edits += merge(merged, loaded);
    if (same_extract_fields(merged, stored->second)) {
      ++report.unchanged;
      continue;
    }
    // The same statement as kit::update, without a read-back per row (one audit entry for the load).
    std::string assignments;
    db::Params params;
    for (const auto& c : kind().columns) {
      assignments += fmt::format("{} = ?, ", c.name);
      c.bind(params, merged);
    }
    params.add(now).add(merged.id);
    connection.query(
        fmt::format("UPDATE diplomatic_missions SET {}version = version + 1, updated_at = ? WHERE id = ?", assignments),
        params);
    if (merged.jurisdiction != stored->second.jurisdiction) {
      connection.query("DELETE FROM diplomatic_mission_jurisdictions WHERE mission_id = ?", db::Params(merged.id));
      for (const auto& country : merged.jurisdiction)
        connection.query("INSERT INTO diplomatic_mission_jurisdictions (mission_id, country_code) VALUES (?, ?)",
                         db::Params(merged.id, country));
    }
    ++report.updated;
  }

  if (!inserts.empty()) {
    connection.bulk_insert("diplomatic_missions", kInsertColumns, inserts);
    std::unordered_map<std::string, std::int64_t> id_of;
    for (const auto& row :
         connection.query("SELECT wikidata_qid, id FROM diplomatic_missions WHERE wikidata_qid IS NOT NULL").rows)
      id_of.emplace(row.text(0), row.integer(1));
    std::vector<std::vector<std::optional<std::string>>> covered;
    for (const auto& [qid, countries] : new_jurisdictions)
      for (const auto& country : countries) covered.push_back({std::to_string(id_of.at(qid)), country});
    static const std::vector<std::string> kJurisdictionColumns = {"mission_id", "country_code"};
    if (!covered.empty()) connection.bulk_insert("diplomatic_mission_jurisdictions", kJurisdictionColumns, covered);
  }
  report.problems = problems.list();
  if (report.created + report.updated > 0) changes::record_change(connection, kChangeCounter);
  nlohmann::json summary = {{"rows", report.rows},       {"created", report.created},
                            {"updated", report.updated}, {"unchanged", report.unchanged},
                            {"skipped", report.skipped}, {"kept_staff_edits", report.kept_staff_edits}};
  audit::record(connection, actor, "load", kind().name, "extract", std::nullopt, summary.dump());
  transaction.commit();
  return report;
}

Result<LoadReport> load_reference(db::Connection& connection, const accounts::Actor& actor) {
  auto content = embedded::find("reference/diplomatic_missions.csv");
  if (!content) throw std::runtime_error("reference/diplomatic_missions.csv is not compiled in");
  return load(connection, actor, *content);
}

}  // namespace taawun::diplomatic_missions
