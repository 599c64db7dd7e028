#pragma once
// Nominations and participation: a person proposed for an action by a partner focal point or
// an officer, reviewed, selected within the country's quota and the action's seats (or
// waitlisted), confirmed, arrived, completed. Every move is checked, timestamped and audited;
// a seat given back promotes the first waitlisted person of the same country, then of any.
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
#include "domain/imports.hpp"
#include "domain/paging.hpp"

namespace taawun::nominations {

inline constexpr std::string_view kStates[] = {"nominated", "under_review", "selected", "waitlisted", "rejected",
                                               "confirmed", "withdrawn",    "arrived",  "completed",  "dropped_out"};
inline constexpr std::string_view kLogisticsItems[] = {"invitation_letter", "visa",      "ticket",
                                                       "lodging",           "insurance", "per_diem"};
inline constexpr std::string_view kLogisticsStatuses[] = {"to_do", "in_progress", "done", "not_needed"};

struct Event {
  std::optional<std::string> from_state;
  std::string to_state;
  std::optional<std::string> reason;
  std::string at, username;
};

struct LogisticsItem {
  std::string item, status = "to_do";
  std::optional<std::int64_t> cost;
  std::optional<std::string> currency, note;
  std::string updated_at;
};

struct AttendanceDay {
  std::string day;
  bool present = false;
};

struct Nomination {
  std::int64_t id = 0, action_id = 0, person_id = 0;
  std::string country_code, state;
  std::string nominated_at, state_changed_at;
  std::optional<std::string> waitlisted_at, note;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  // Joined for display.
  std::optional<std::string> person_latin_name, person_arabic_name;
  LocalisedName action_title, country_name;
  std::string action_status, action_start_date;
  std::optional<std::int64_t> host_organisation_id;
  // Detail only.
  bool details_included = false;
  std::vector<Event> events;
  std::vector<LogisticsItem> logistics;
  std::vector<AttendanceDay> attendance;
};

struct NominationFilter {
  std::optional<std::int64_t> action_id, person_id;
  std::optional<std::string> country, state;
  std::optional<std::int64_t> year;
  std::string sort = "nominated_at";
  PageRequest page;
};

// --- access: the one place that says who may see and move nominations ---
bool can_read(const accounts::Actor& actor);
bool can_read(const accounts::Actor& actor, const Nomination& nomination);
// Kind-level (whether the role ever may; the permission registry and the route table ask these
// before a body is read), then for a record or a country.
bool can_nominate(const accounts::Actor& actor);
bool can_nominate(const accounts::Actor& actor, const std::string& country);
bool can_move(const accounts::Actor& actor);  // some move of some nomination
bool can_manage_logistics(const accounts::Actor& actor);
bool can_take_attendance(const accounts::Actor& actor);
// The states the actor may move this nomination to now (the board shows these moves).
std::vector<std::string_view> allowed_moves(const accounts::Actor& actor, const Nomination& nomination);
// The life cycle itself, whoever moves: is `to` a next state of `from`, and does the action's
// status allow moving to `to` now.
bool is_transition(std::string_view from, std::string_view to);
bool action_allows(std::string_view to, std::string_view action_status);
bool can_manage_logistics(const accounts::Actor& actor, const Nomination& nomination);
bool can_take_attendance(const accounts::Actor& actor, const Nomination& nomination);
// Who may send a nomination file to this action: staff and partner focal points who see it
// (404 for an action out of their scope, 403 for the roles that never nominate). Asked before
// the file is read (http guard) and again by import_nominations.
Status may_import(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id);

// --- use cases ---
Result<Page<Nomination>> list(db::Connection& connection, const accounts::Actor& actor, const NominationFilter& filter);
Result<Nomination> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<Nomination> nominate(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id,
                            std::int64_t person_id, std::optional<std::string> country, std::optional<std::string> note,
                            std::vector<FieldError> input_problems = {});
struct Moved {
  Nomination nomination;
  std::vector<Nomination> promoted;  // waitlisted nominations selected into the seat given back
};
Result<Moved> move(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                   std::int64_t expected_version, const std::string& to, std::optional<std::string> reason);
// Both take the nomination's version (If-Match): a checklist or register edited meanwhile is a 412.
Result<Nomination> set_logistics(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                 std::int64_t expected_version, const std::string& item, const LogisticsItem& value,
                                 std::vector<FieldError> input_problems = {});
Result<Nomination> set_attendance(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                  std::int64_t expected_version, const std::string& day, bool present);

// Writes a checked nomination with its first event, inside the caller's transaction; no audit.
std::int64_t insert(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id,
                    std::int64_t person_id, const std::string& country, const std::optional<std::string>& note);

// --- bulk nomination from a file (CSV or XLSX in the template's columns) ---
const std::vector<std::string>& import_template_columns();
inline constexpr std::int64_t kMaxExportRows = 100'000;
using ImportOptions = imports::ImportOptions;
struct ImportReport {
  std::size_t rows = 0, created = 0, people_created = 0, people_matched = 0, rejected_rows = 0;
  std::vector<FieldError> problems;  // field "rows[N].column", params row and column
  bool written = false;
};
// All or nothing unless keep_valid_only: any problem in any row is a validation error listing
// every problem with its row and column, and nothing is written.
Result<ImportReport> import_nominations(db::Connection& connection, const accounts::Actor& actor,
                                        std::int64_t action_id, const spreadsheet::Table& table,
                                        const ImportOptions& options);
// Nominations as a table in the template's columns (plus informational ones): re-imports as is.
spreadsheet::Table export_table(const std::vector<Nomination>& nominations, db::Connection& connection,
                                const accounts::Actor& actor);

// --- store ---
std::optional<Nomination> find(db::Connection& connection, std::int64_t id);
std::string snapshot_json(const Nomination& nomination);

}  // namespace taawun::nominations
