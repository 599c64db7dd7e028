#pragma once
// The diplomatic network (issue 15): Moroccan embassies and consulates abroad, the diplomatic and
// consular corps accredited in Morocco, and partner countries' missions elsewhere — each mission
// with its kind, sending and receiving state (or organisation), place, contacts, head of mission
// and jurisdiction (the countries it covers). Loaded from a Wikidata extract (the QID is kept, so
// that a reload updates instead of duplicating) and corrected by staff, whose changes a reload
// never overwrites. "Diplomatic missions", not "missions": expert missions are another area.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "areas/accounts/actor.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
#include "core/spreadsheet.hpp"
#include "db/database.hpp"
#include "domain/drafts.hpp"
#include "domain/imports.hpp"
#include "domain/paging.hpp"

namespace taawun::diplomatic_missions {

inline constexpr std::array<std::string_view, 6> kKinds = {
    "embassy", "consulate_general", "consulate", "honorary_consulate", "permanent_mission", "liaison_office"};
inline constexpr std::array<std::string_view, 2> kStatuses = {"active", "closed"};
inline constexpr std::string_view kMorocco = "MA";
// The change counter of the kind (record_generations, migration 0017): the map is kept while it holds.
inline constexpr std::string_view kChangeCounter = "diplomatic_mission";

struct DiplomaticMission {
  std::int64_t id = 0;
  std::string kind, status = "active";
  std::optional<std::string> sending_country, receiving_country;
  std::optional<std::int64_t> sending_organisation_id, receiving_organisation_id;
  std::optional<std::string> name, city, address, telephone, email, website, head_name, head_title;
  std::optional<double> latitude, longitude;
  std::vector<std::string> jurisdiction;  // ISO 3166-1 alpha-2 codes, sorted
  std::optional<std::string> opened_on, closed_on, wikidata_qid;
  // The fields staff changed through the API: a reload of the extract leaves them as they are.
  std::vector<std::string> edited_fields;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  // Shown, not stored.
  LocalisedName sending_name, receiving_name;
};

struct DiplomaticMissionDraft {
  Field<std::string> kind, status, sending_country, receiving_country, name, city, address, telephone, email, website,
      head_name, head_title, opened_on, closed_on, wikidata_qid;
  Field<std::int64_t> sending_organisation_id, receiving_organisation_id;
  Field<double> latitude, longitude;
  Field<std::vector<std::string>> jurisdiction;
  std::vector<FieldError> input_problems;
};

inline constexpr std::size_t kMaxNameLength = 300, kMaxCityLength = 200, kMaxAddressLength = 500,
                             kMaxContactLength = 200, kMaxWebsiteLength = 500, kMaxJurisdiction = 60;

struct DiplomaticMissionFilter {
  std::optional<std::string> text, kind, sending_country, receiving_country, covers, status;
  std::optional<bool> wikidata;
  std::string sort = "receiving";  // receiving | sending | city | kind | updated_at, a leading minus reverses
  PageRequest page;
};

// One point of the map: every mission, compactly.
struct MapPoint {
  std::int64_t id = 0;
  std::string kind, status;
  std::optional<std::string> sending_country, receiving_country, city;
  std::optional<double> latitude, longitude;
  std::string jurisdiction;  // space separated codes
  bool wikidata = false;     // came from the Wikidata extract (has a QID)
};

// --- access: the one place that says who may see and change diplomatic missions ---
enum class Action { read, create, update };
bool can(const accounts::Actor& actor, Action action);

// --- use cases ---
Result<Page<DiplomaticMission>> list(db::Connection& connection, const accounts::Actor& actor,
                                     const DiplomaticMissionFilter& filter);
inline constexpr std::int64_t kMaxExportRows = 100'000;
spreadsheet::Table export_table(const std::vector<DiplomaticMission>& missions, Language language);
Result<DiplomaticMission> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<DiplomaticMission> create(db::Connection& connection, const accounts::Actor& actor,
                                 const DiplomaticMissionDraft& draft);
Result<DiplomaticMission> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                 std::int64_t expected_version, const DiplomaticMissionDraft& draft);
// Missions from a spreadsheet: one new mission a row, each through the form's rules, all or
// nothing unless options.keep_valid_only (kit/record_import.hpp). A QID already a mission's is
// the row's problem (already_taken): the extract's loader, not an import, updates by QID.
const std::vector<std::string>& import_template_columns();
Result<imports::ImportReport> import_missions(db::Connection& connection, const accounts::Actor& actor,
                                              const spreadsheet::Table& table, const imports::ImportOptions& options);
// Every mission, one query, for the map.
Result<std::vector<MapPoint>> map_points(db::Connection& connection, const accounts::Actor& actor);

// The missions between Morocco and `country` (for a country profile): Morocco's missions whose
// receiving state or jurisdiction includes the country, and the country's missions whose
// receiving state or jurisdiction includes Morocco. Active and closed; the caller filters.
struct MissionsBetween {
  std::vector<DiplomaticMission> moroccan, foreign;
};
MissionsBetween missions_between_morocco_and(db::Connection& connection, const std::string& country);

// --- the loader: the Wikidata extract (reference/diplomatic_missions.csv, or the full CSV) ---
struct LoadProblem {
  std::string code;  // unmatched_sending | unmatched_receiving | not_recognised | unknown_type | duplicate_qid
                     // | no_qid | jurisdiction_unmatched | jurisdiction_own_state | bad_coordinates
  std::size_t count = 0;
  std::vector<std::string> examples;  // up to five, "row 12: Kosovo (Q1246)"
};
struct LoadReport {
  std::size_t rows = 0, created = 0, updated = 0, unchanged = 0, skipped = 0;
  std::size_t kept_staff_edits = 0;  // fields left as staff edited them
  std::vector<LoadProblem> problems;
};
// `text` is the file's content: comma separated (the reference subset) or semicolon separated
// (the extract as published). One write transaction with one audit entry; nothing is written when
// the file cannot be read (a missing column is an error).
// The whole published extract is about 4 MB; the command line refuses a file above kMaxLoadBytes
// before reading it, so no file costs unbounded memory.
inline constexpr std::uintmax_t kMaxLoadBytes = 64ULL * 1024 * 1024;
Result<LoadReport> load(db::Connection& connection, const accounts::Actor& actor, std::string_view text);
// The subset built into the binary (reference/diplomatic_missions.csv).
Result<LoadReport> load_reference(db::Connection& connection, const accounts::Actor& actor);

// --- store ---
std::optional<DiplomaticMission> find(db::Connection& connection, std::int64_t id);
std::string snapshot_json(const DiplomaticMission& mission);

}  // namespace taawun::diplomatic_missions
