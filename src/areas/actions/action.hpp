#pragma once
// Actions: one training course, seminar, study visit, expert mission... of the agency, with
// its sectors, funders, quotas per partner country and a status that moves only forward
// along allowed transitions.
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
#include "domain/paging.hpp"

namespace taawun::actions {

struct SectorShare {
  std::string code;  // DAC 5-digit purpose code
  std::int64_t percentage = 0;
  LocalisedName name;
};

struct FunderShare {
  std::int64_t organisation_id = 0;
  std::int64_t share = 0;  // percent
  LocalisedName name;
};

struct Quota {
  std::string country;
  std::int64_t seats = 0;
  LocalisedName country_name;
  std::int64_t filled = 0;  // selected, confirmed, arrived or completed nominations of the country
};

struct Action {
  std::int64_t id = 0;
  std::string action_type, domain;
  std::optional<std::string> title_fr, title_ar, title_en;
  std::string modality = "bilateral";
  std::optional<std::int64_t> programme_id, offer_id, host_organisation_id;
  std::optional<std::int64_t> agreement_id;  // the agreement it carries out (else its programme's)
  std::optional<std::string> agreement_reference;
  std::optional<std::string> city;
  std::string country_code;  // where it happens
  std::string start_date, end_date;
  std::optional<std::string> language;
  std::int64_t seats = 0;
  std::string status = "planned";
  std::optional<std::int64_t> estimated_cost, actual_cost;
  std::optional<std::string> currency;
  std::vector<SectorShare> sectors;
  std::vector<FunderShare> funders;
  std::vector<Quota> quotas;
  std::vector<std::string> sdg_targets;
  std::vector<std::int64_t> request_ids;
  bool details_included = true;  // false on list items: sectors, funders, SDG targets and requests left out
  std::int64_t version = 1;
  std::string created_at, updated_at;
  // Joined for display.
  LocalisedName type_name, domain_name, country_name, host_name, programme_title;
  std::int64_t filled = 0;  // seats taken, all countries

  LocalisedName title() const { return {title_fr.value_or(""), title_ar.value_or(""), title_en.value_or("")}; }
};

struct ActionDraft {
  Field<std::string> action_type, domain, title_fr, title_ar, title_en, modality, city, country, start_date, end_date,
      language, currency;
  Field<std::int64_t> programme_id, offer_id, host_organisation_id, seats, estimated_cost, actual_cost, agreement_id;
  Field<std::vector<SectorShare>> sectors;
  Field<std::vector<FunderShare>> funders;
  Field<std::vector<Quota>> quotas;
  Field<std::vector<std::string>> sdg_targets;
  Field<std::vector<std::int64_t>> request_ids;
  std::vector<FieldError> input_problems;
};

inline constexpr std::size_t kMaxTitleLength = 300, kMaxCityLength = 100, kMaxSectors = 10, kMaxFunders = 10,
                             kMaxQuotas = 60, kMaxSdgTargets = 20, kMaxRequests = 20;
inline constexpr std::int64_t kMaxSeats = 10'000;

// The life of an action: planned → open (for nominations) → selection_closed → ongoing →
// completed, or cancelled from any state before completion.
inline constexpr std::string_view kStatuses[] = {"planned", "open",      "selection_closed",
                                                 "ongoing", "completed", "cancelled"};
std::vector<std::string_view> next_statuses(std::string_view status);

struct ActionFilter {
  std::optional<std::string> text, action_type, domain, country, status, modality;
  std::optional<std::int64_t> year, programme_id, host_organisation_id, offer_id, agreement_id;
  std::string sort = "-start_date";
  PageRequest page;
};

// --- access: the one place that says who may see and change actions ---
enum class Operation { read, create, update, change_status };
bool can(const accounts::Actor& actor, Operation operation);
bool can(const accounts::Actor& actor, Operation operation, const Action& action);

// --- use cases ---
Result<Page<Action>> list(db::Connection& connection, const accounts::Actor& actor, const ActionFilter& filter);
// A list as a spreadsheet: one row an action, sectors and quotas as "code:share" lists.
inline constexpr std::int64_t kMaxExportRows = 100'000;
spreadsheet::Table export_table(const std::vector<Action>& actions, Language language);
Result<Action> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<Action> create(db::Connection& connection, const accounts::Actor& actor, const ActionDraft& draft);
Result<Action> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                      std::int64_t expected_version, const ActionDraft& draft);
Result<Action> change_status(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                             std::int64_t expected_version, const std::string& status);

// --- store ---
// The derived columns: text search key and sort key (also used by the demo generator).
std::string search_key_of(const Action& record);
std::string sort_name_of(const Action& record);
std::optional<Action> find(db::Connection& connection, std::int64_t id);
// Locks the action's row until the transaction ends (PostgreSQL; SQLite's write transaction
// already holds the database): nominations check seats and quotas under this lock.
void lock(db::Connection& connection, std::int64_t id);
std::string snapshot_json(const Action& action);
// The statuses of nominations that hold a seat.
inline constexpr const char* kSeatHoldingStates = "('selected', 'confirmed', 'arrived', 'completed')";

}  // namespace taawun::actions
