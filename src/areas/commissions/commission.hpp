#pragma once
// Joint commissions (commissions mixtes): the sessions Morocco holds with a partner country (or a
// triangular partner organisation), the agreements each reviews, and the decisions it takes —
// who carries each out, by when, what implements it, and each change of its status.
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
#include "domain/paging.hpp"

namespace taawun::commissions {

inline constexpr std::array<std::string_view, 4> kStatuses = {"planned", "in_progress", "done", "dropped"};
// What a decision's links point at: programmes, actions, cooperation requests.
inline constexpr std::array<std::string_view, 3> kLinkKinds = {"programme", "action", "request"};

// A record another area holds, as a session or a decision shows it: its id and title.
struct LinkedRecord {
  std::int64_t id = 0;
  LocalisedName title;
  std::optional<std::string> reference, status;
};

struct StatusChange {
  std::optional<std::string> from_status;
  std::string to_status, changed_on, changed_at, username;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> comment;
};

struct Decision {
  std::int64_t id = 0, session_id = 0;
  std::optional<std::string> text_fr, text_ar, text_en;
  std::string domain, status = "planned";
  std::int64_t responsible_organisation_id = 0;
  std::optional<std::int64_t> partner_organisation_id;
  std::optional<std::string> partner_institution, due_on;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  // Read with the row: the session's country, number and start, the institutions' names.
  std::string country_code, session_start_on;
  std::int64_t session_number = 0;
  LocalisedName responsible_name, partner_organisation_name;
  // What implements it (ids written; titles read on the detail and the session page).
  std::vector<std::int64_t> programme_ids, action_ids, request_ids;
  std::vector<LinkedRecord> programmes, actions, requests;
  std::vector<StatusChange> history;  // the detail only
  // Set when a status change is written (kit::update's write_parts records it).
  std::optional<StatusChange> pending_change;

  bool overdue(const std::string& today) const;
  LocalisedName text() const { return {text_fr.value_or(""), text_ar.value_or(""), text_en.value_or("")}; }
};

struct DomainRate {
  std::string domain;
  LocalisedName name;
  std::int64_t decisions = 0, done = 0;
};

struct Session {
  std::int64_t id = 0;
  std::string country_code, start_on, end_on;
  std::optional<std::int64_t> partner_organisation_id;
  std::int64_t number = 0;
  std::optional<std::string> city, host_country_code;
  std::optional<std::string> moroccan_chair_name, moroccan_chair_title, partner_chair_name, partner_chair_title;
  std::optional<std::string> summary_fr, summary_ar, summary_en;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  LocalisedName country_name, partner_organisation_name;
  std::vector<std::int64_t> agreement_ids;
  // Counts, on lists and the detail: the decisions, those done, those dropped, those overdue.
  std::int64_t decision_count = 0, done_count = 0, dropped_count = 0, overdue_count = 0;
  // The detail only.
  std::vector<LinkedRecord> agreements;
  std::vector<Decision> decisions;
  std::vector<DomainRate> by_domain;
};

struct SessionDraft {
  Field<std::string> country, city, host_country, start_on, end_on, moroccan_chair_name, moroccan_chair_title,
      partner_chair_name, partner_chair_title, summary_fr, summary_ar, summary_en;
  Field<std::int64_t> number, partner_organisation_id;
  Field<std::vector<std::int64_t>> agreement_ids;
  std::vector<FieldError> input_problems;
};

struct DecisionDraft {
  Field<std::string> text_fr, text_ar, text_en, domain, partner_institution, due_on, status;
  Field<std::int64_t> responsible_organisation_id, partner_organisation_id;
  Field<std::vector<std::int64_t>> programme_ids, action_ids, request_ids;
  std::vector<FieldError> input_problems;
};

struct StatusDraft {
  std::optional<std::string> status, comment, changed_on;
  std::vector<FieldError> input_problems;
};

inline constexpr std::size_t kMaxTextLength = 3000, kMaxSummaryLength = 5000, kMaxNameLength = 200,
                             kMaxPlaceLength = 200, kMaxCommentLength = 2000, kMaxLinks = 50, kMaxAgreements = 30;
inline constexpr std::int64_t kMaxNumber = 999;

struct SessionFilter {
  std::optional<std::string> text, country;
  std::optional<std::int64_t> year;
  std::optional<bool> overdue;
  std::string sort = "-start_on";  // start_on | number | country, a leading minus reverses
  PageRequest page;
};

struct DecisionFilter {
  std::optional<std::string> text, country, status, domain;
  std::optional<std::int64_t> session_id, responsible_organisation_id, action_id, programme_id, request_id;
  std::optional<bool> overdue;
  std::string sort = "due_on";  // due_on | session | status
  PageRequest page;
};

// --- access: the one place that says who may see and change sessions and decisions ---
enum class Action { read, create, update, change_status };
bool can_session(const accounts::Actor& actor, Action action);
bool can_session(const accounts::Actor& actor, Action action, const Session& session);
bool can_decision(const accounts::Actor& actor, Action action);
bool can_decision(const accounts::Actor& actor, Action action, const Decision& decision);
// Whom a scoped role sees: partners by the session's country, hosts by the decision's
// responsible institution.
struct Scope {
  bool all = false;
  std::vector<std::string> countries;
  std::vector<std::int64_t> organisations;
};
Scope visible_scope(const accounts::Actor& actor);

// --- use cases ---
inline constexpr std::int64_t kMaxExportRows = 100'000;
Result<Page<Session>> list_sessions(db::Connection& connection, const accounts::Actor& actor,
                                    const SessionFilter& filter);
spreadsheet::Table export_sessions(const std::vector<Session>& sessions, Language language);
Result<Session> get_session(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<Session> create_session(db::Connection& connection, const accounts::Actor& actor, const SessionDraft& draft);
Result<Session> update_session(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                               std::int64_t expected_version, const SessionDraft& draft);

Result<Page<Decision>> list_decisions(db::Connection& connection, const accounts::Actor& actor,
                                      const DecisionFilter& filter);
spreadsheet::Table export_decisions(const std::vector<Decision>& decisions, Language language);
Result<Decision> get_decision(db::Connection& connection, const accounts::Actor& actor, std::int64_t id);
Result<Decision> create_decision(db::Connection& connection, const accounts::Actor& actor, std::int64_t session_id,
                                 const DecisionDraft& draft);
Result<Decision> update_decision(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                 std::int64_t expected_version, const DecisionDraft& draft);
Result<Decision> change_status(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                               std::int64_t expected_version, const StatusDraft& draft);

// --- store ---
// A session as stored (no access check), for another area's access decision (its documents).
std::optional<Session> find_session(db::Connection& connection, std::int64_t id);
// The words a list's search matches (the demo generator writes them too).
std::string search_key_of(const Session& session);
std::string search_key_of(const Decision& decision);

}  // namespace taawun::commissions
