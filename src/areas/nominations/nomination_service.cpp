// Nomination use cases. Each runs in one write transaction that first locks the action's row,
// so two officers selecting at the same time cannot both take the last seat.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "areas/actions/action.hpp"
#include "areas/audit/audit.hpp"
#include "areas/nominations/nomination.hpp"
#include "areas/nominations/nomination_store.hpp"
#include "areas/people/person.hpp"
#include "areas/reference/reference.hpp"
#include "core/clock.hpp"
#include "domain/drafts.hpp"

namespace taawun::nominations {
namespace {

bool holds_seat(std::string_view state) {
  return state == "selected" || state == "confirmed" || state == "arrived" || state == "completed";
}

// Why `country` may not take one more seat of the action now, if it may not. A country fills
// its quota first; beyond it, it may use the seats no quota reserves; the total never exceeds
// the seats.
std::optional<FieldError> seat_problem(db::Connection& connection, std::int64_t action_id, std::int64_t seats,
                                       const std::string& country) {
  std::map<std::string, std::int64_t> quotas, held;
  std::int64_t reserved = 0, total = 0;
  for (const auto& row :
       connection.query("SELECT country_code, seats FROM action_quotas WHERE action_id = ?", db::Params(action_id))
           .rows) {
    quotas[row.text(0)] = row.integer(1);
    reserved += row.integer(1);
  }
  for (const auto& row : connection
                             .query(fmt::format("SELECT country_code, COUNT(*) FROM nominations WHERE action_id = ? "
                                                "AND state IN {} GROUP BY country_code",
                                                actions::kSeatHoldingStates),
                                    db::Params(action_id))
                             .rows) {
    held[row.text(0)] = row.integer(1);
    total += row.integer(1);
  }
  if (total >= seats) return FieldError{"to", "no_seats_left", {{"seats", std::to_string(seats)}}};
  if (held[country] < quotas[country]) return std::nullopt;
  std::int64_t overflow = 0;  // seats taken beyond their country's quota
  for (const auto& [code, count] : held) overflow += std::max<std::int64_t>(0, count - quotas[code]);
  if (overflow < seats - reserved) return std::nullopt;
  return FieldError{"to", "quota_full", {{"country", country}, {"seats", std::to_string(quotas[country])}}};
}

void record_event(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                  std::optional<std::string> from, const std::string& to, std::optional<std::string> reason,
                  const std::string& at) {
  connection.query(
      "INSERT INTO nomination_events (nomination_id, from_state, to_state, reason, at, user_id, username) VALUES (?, "
      "?, ?, ?, ?, ?, ?)",
      db::Params(id, from, to, reason, at, actor.user_id, actor.username));
}

// Writes one state change with its event and audit entry.
Nomination change_state(db::Connection& connection, const accounts::Actor& actor, const Nomination& current,
                        const std::string& to, std::optional<std::string> reason) {
  std::string now = clock::now_iso8601();
  connection.query(
      "UPDATE nominations SET state = ?, state_changed_at = ?, waitlisted_at = CASE WHEN ? = 'waitlisted' THEN ? ELSE "
      "waitlisted_at END, version = version + 1, updated_at = ? WHERE id = ?",
      db::Params(to, now, to, now, now, current.id));
  record_event(connection, actor, current.id, current.state, to, reason, now);
  Nomination updated = *find(connection, current.id);
  audit::record(connection, actor, "transition", "nomination", std::to_string(current.id), snapshot_json(current),
                snapshot_json(updated));
  return updated;
}

// A seat was given back: the first waitlisted person of the same country takes it, else the
// first of another country that may still take a seat.
std::vector<Nomination> promote_from_waitlist(db::Connection& connection, const accounts::Actor& actor,
                                              std::int64_t action_id, std::int64_t seats, const std::string& country) {
  std::vector<Nomination> promoted;
  auto waiting = connection.query(
      "SELECT id, country_code FROM nominations WHERE action_id = ? AND state = 'waitlisted' ORDER BY CASE WHEN "
      "country_code = ? THEN 0 ELSE 1 END, waitlisted_at, id",
      db::Params(action_id, country));
  for (const auto& row : waiting.rows) {
    if (seat_problem(connection, action_id, seats, row.text(1))) continue;
    auto candidate = find(connection, row.integer(0));
    promoted.push_back(change_state(connection, actor, *candidate, "selected", "promoted_from_waitlist"));
    break;
  }
  return promoted;
}

void append_scope(const accounts::Actor& actor, std::string& where, db::Params& params) {
  auto marks = [&](const auto& values) {
    std::vector<std::string> out;
    for (const auto& value : values) {
      out.push_back("?");
      params.add(value);
    }
    return fmt::format("({})", fmt::join(out, ", "));
  };
  if (actor.role == accounts::Role::partner)
    where += actor.countries.empty() ? " AND 1=0" : " AND n.country_code IN " + marks(actor.countries);
  else if (actor.role == accounts::Role::host)
    where += actor.organisations.empty() ? " AND 1=0" : " AND a.host_organisation_id IN " + marks(actor.organisations);
}

}  // namespace

std::int64_t insert(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id,
                    std::int64_t person_id, const std::string& country, const std::optional<std::string>& note) {
  std::string now = clock::now_iso8601();
  auto id = connection
                .query(
                    "INSERT INTO nominations (action_id, person_id, country_code, state, nominated_by, "
                    "nominated_at, state_changed_at, note, version, created_at, updated_at) VALUES (?, ?, ?, "
                    "'nominated', ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                    db::Params(action_id, person_id, country, actor.user_id, now, now, note, now, now))
                .front()
                .integer(0);
  record_event(connection, actor, id, std::nullopt, "nominated", std::nullopt, now);
  return id;
}

Result<Page<Nomination>> list(db::Connection& connection, const accounts::Actor& actor,
                              const NominationFilter& filter) {
  kit::Where where;
  where.equals("n.action_id", filter.action_id);
  // A person's history includes the records merged into them.
  if (filter.person_id) where.add("(n.person_id = ? OR p.merged_into_id = ?)", *filter.person_id, *filter.person_id);
  where.equals("n.country_code", filter.country)
      .equals("n.state", filter.state)
      .equals("a.start_year", filter.year)
      .append([&](std::string& sql, db::Params& params) { append_scope(actor, sql, params); });
  return kit::list(connection, kind(), actor, std::move(where), filter.sort, filter.page);
}

Result<Nomination> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  return kit::get(connection, kind(), actor, id);
}

Result<Nomination> nominate(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id,
                            std::int64_t person_id, std::optional<std::string> country, std::optional<std::string> note,
                            std::vector<FieldError> input_problems) {
  if (!can_nominate(actor)) return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  actions::lock(connection, action_id);
  TAAWUN_TRY(action, actions::get(connection, actor, action_id));
  std::vector<FieldError> problems;
  auto person = people::find(connection, person_id);
  if (!person || !people::can(actor, people::Operation::read, *person)) {
    problems.push_back({"person_id", "unknown_person"});
  } else if (person->merged_into_id) {
    problems.push_back({"person_id", "merged_person", {{"into", std::to_string(*person->merged_into_id)}}});
  }
  country = upper_cased(cleaned(country));
  if (!country && person) country = person->nationality;
  if (!country)
    problems.push_back({"country", "required"});
  else if (!reference::find_country(connection, *country))
    problems.push_back({"country", "unknown_country"});
  else if (!can_nominate(actor, *country))
    problems.push_back({"country", "outside_scope"});
  check_length(problems, "note", note, 1000);
  if (action.status != "open") problems.push_back({"action_id", "action_not_open", {{"status", action.status}}});
  if (person && !person->merged_into_id) {
    auto history = people::history_ids(connection, person_id);
    std::vector<std::string> marks(history.size(), "?");
    db::Params params(action_id);
    for (auto id : history) params.add(id);
    if (!connection
             .query(fmt::format("SELECT 1 FROM nominations WHERE action_id = ? AND person_id IN ({})",
                                fmt::join(marks, ", ")),
                    params)
             .empty())
      problems.push_back({"person_id", "already_nominated"});
  }
  TAAWUN_CHECK(report(std::move(input_problems), std::move(problems)));
  auto id = insert(connection, actor, action_id, person_id, *country, cleaned(note));
  Nomination created = *find(connection, id);
  audit::record(connection, actor, "create", "nomination", std::to_string(id), std::nullopt, snapshot_json(created));
  transaction.commit();
  return created;
}

Result<Moved> move(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                   std::int64_t expected_version, const std::string& to, std::optional<std::string> reason) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  auto located = connection.query("SELECT action_id FROM nominations WHERE id = ?", db::Params(id));
  if (!located.empty()) actions::lock(connection, located.front().integer(0));
  TAAWUN_TRY(current, get(connection, actor, id));
  if (current.version != expected_version) return Error::of(ErrorCode::precondition_failed);
  if (!is_transition(current.state, to)) {
    std::vector<std::string> next;
    for (auto state : kStates)
      if (is_transition(current.state, state)) next.emplace_back(state);
    return Error::validation(
        {{"to",
          "transition_not_allowed",
          {{"from", current.state}, {"allowed", next.empty() ? "-" : fmt::format("{}", fmt::join(next, ", "))}}}});
  }
  if (!action_allows(to, current.action_status))
    return Error::validation({{"to", "action_not_open", {{"status", current.action_status}}}});
  auto moves = allowed_moves(actor, current);
  if (std::find(moves.begin(), moves.end(), to) == moves.end()) return Error::of(ErrorCode::forbidden);
  auto action = actions::find(connection, current.action_id);
  if (to == "selected")
    if (auto problem = seat_problem(connection, current.action_id, action->seats, current.country_code))
      return Error::validation({*problem});
  Moved result;
  result.nomination = change_state(connection, actor, current, to, cleaned(reason));
  if (holds_seat(current.state) && !holds_seat(to) &&
      (action->status == "open" || action->status == "selection_closed"))
    result.promoted = promote_from_waitlist(connection, actor, current.action_id, action->seats, current.country_code);
  transaction.commit();
  return result;
}

Result<Nomination> set_logistics(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                 std::int64_t expected_version, const std::string& item, const LogisticsItem& value,
                                 std::vector<FieldError> input_problems) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, get(connection, actor, id));
  if (!can_manage_logistics(actor, current)) return Error::of(ErrorCode::forbidden);
  if (current.version != expected_version) return Error::of(ErrorCode::precondition_failed);
  if (std::find(std::begin(kLogisticsItems), std::end(kLogisticsItems), item) == std::end(kLogisticsItems))
    return Error::of(ErrorCode::not_found);
  std::vector<FieldError> problems;
  if (std::find(std::begin(kLogisticsStatuses), std::end(kLogisticsStatuses), value.status) ==
      std::end(kLogisticsStatuses))
    problems.push_back({"status", "invalid_choice", {{"choices", "to_do, in_progress, done, not_needed"}}});
  check_range(problems, "cost", value.cost, 0, 100'000'000);
  auto currency = upper_cased(cleaned(value.currency));
  if (value.cost && !currency) currency = "MAD";
  if (currency && connection.query("SELECT 1 FROM currencies WHERE code = ?", db::Params(*currency)).empty())
    problems.push_back({"currency", "unknown_code", {{"codelist", "currencies"}}});
  check_length(problems, "note", value.note, 1000);
  if (!holds_seat(current.state)) problems.push_back({"item", "not_a_participant", {{"state", current.state}}});
  TAAWUN_CHECK(report(std::move(input_problems), std::move(problems)));
  std::string now = clock::now_iso8601();
  connection.query("DELETE FROM logistics_items WHERE nomination_id = ? AND item = ?", db::Params(id, item));
  connection.query(
      "INSERT INTO logistics_items (nomination_id, item, status, cost, currency, note, updated_at) VALUES (?, ?, ?, "
      "?, ?, ?, ?)",
      db::Params(id, item, value.status, value.cost, currency, cleaned(value.note), now));
  if (connection
          .query("UPDATE nominations SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                 db::Params(now, id, expected_version))
          .affected == 0)
    return Error::of(ErrorCode::precondition_failed);
  Nomination updated = *find(connection, id);
  audit::record(connection, actor, "logistics", "nomination", std::to_string(id), snapshot_json(current),
                snapshot_json(updated));
  transaction.commit();
  return updated;
}

Result<Nomination> set_attendance(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                  std::int64_t expected_version, const std::string& day, bool present) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, get(connection, actor, id));
  if (!can_take_attendance(actor, current)) return Error::of(ErrorCode::forbidden);
  if (current.version != expected_version) return Error::of(ErrorCode::precondition_failed);
  auto action = actions::find(connection, current.action_id);
  std::vector<FieldError> problems;
  if (!is_date(day))
    problems.push_back({"day", "invalid_date"});
  else if (day < action->start_date || day > action->end_date)
    problems.push_back({"day", "outside_action_dates", {{"start", action->start_date}, {"end", action->end_date}}});
  if (current.state != "arrived" && current.state != "completed" && current.state != "dropped_out")
    problems.push_back({"day", "not_arrived", {{"state", current.state}}});
  TAAWUN_CHECK(report({}, std::move(problems)));
  std::string now = clock::now_iso8601();
  connection.query("DELETE FROM attendance WHERE nomination_id = ? AND day = ?", db::Params(id, day));
  connection.query("INSERT INTO attendance (nomination_id, day, present) VALUES (?, ?, ?)",
                   db::Params(id, day, present));
  if (connection
          .query("UPDATE nominations SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                 db::Params(now, id, expected_version))
          .affected == 0)
    return Error::of(ErrorCode::precondition_failed);
  Nomination updated = *find(connection, id);
  audit::record(connection, actor, "attendance", "nomination", std::to_string(id), snapshot_json(current),
                snapshot_json(updated));
  transaction.commit();
  return updated;
}

}  // namespace taawun::nominations
