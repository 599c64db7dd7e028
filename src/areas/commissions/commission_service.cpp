// Joint commission use cases, each inside one transaction with its audit entry. What is the
// area's own: a session's number unique per country, its dates, the agreements it reviews; a
// decision's text, domain, institutions, its due date never before its session, its links to
// what implements it, and every status change recorded with its day, user and comment.
#include <fmt/format.h>

#include <set>

#include "areas/commissions/commission.hpp"
#include "areas/commissions/commission_store.hpp"
#include "areas/reference/reference.hpp"
#include "core/clock.hpp"
#include "domain/drafts.hpp"

namespace taawun::commissions {
namespace {

bool record_exists(db::Connection& connection, std::string_view table, std::int64_t id) {
  // The table name is one of ours, never input.
  return !connection.query(fmt::format("SELECT 1 FROM {} WHERE id = ?", table), db::Params(id)).empty();
}

// A list of ids, each an existing record, each once: "action_ids[2]" names the one unknown.
std::vector<std::int64_t> checked_ids(db::Connection& connection, std::string_view field, std::string_view table,
                                      const std::vector<std::int64_t>& ids, std::size_t max,
                                      std::vector<FieldError>& problems) {
  std::vector<std::int64_t> kept;
  if (ids.size() > max) {
    problems.push_back({std::string(field), "too_many", {{"max", std::to_string(max)}}});
    return kept;
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!record_exists(connection, table, ids[i]))
      problems.push_back({fmt::format("{}[{}]", field, i), "unknown_record"});
    else if (!is_in(kept, ids[i]))
      kept.push_back(ids[i]);
  }
  return kept;
}

void check_country(db::Connection& connection, std::vector<FieldError>& problems, const std::string& field,
                   const std::optional<std::string>& code) {
  if (code && !reference::find_country(connection, *code)) problems.push_back({field, "unknown_country"});
}

Result<Session> apply_session(db::Connection& connection, Session record, const SessionDraft& draft) {
  std::vector<FieldError> problems;
  if (draft.country.present) record.country_code = upper_cased(cleaned(draft.country.value)).value_or("");
  if (draft.host_country.present) record.host_country_code = upper_cased(cleaned(draft.host_country.value));
  if (draft.city.present) record.city = cleaned(draft.city.value);
  if (draft.start_on.present) record.start_on = cleaned(draft.start_on.value).value_or("");
  if (draft.end_on.present) record.end_on = cleaned(draft.end_on.value).value_or("");
  if (draft.moroccan_chair_name.present) record.moroccan_chair_name = cleaned(draft.moroccan_chair_name.value);
  if (draft.moroccan_chair_title.present) record.moroccan_chair_title = cleaned(draft.moroccan_chair_title.value);
  if (draft.partner_chair_name.present) record.partner_chair_name = cleaned(draft.partner_chair_name.value);
  if (draft.partner_chair_title.present) record.partner_chair_title = cleaned(draft.partner_chair_title.value);
  if (draft.summary_fr.present) record.summary_fr = cleaned(draft.summary_fr.value);
  if (draft.summary_ar.present) record.summary_ar = cleaned(draft.summary_ar.value);
  if (draft.summary_en.present) record.summary_en = cleaned(draft.summary_en.value);
  if (draft.number.present) record.number = draft.number.value.value_or(0);
  draft.partner_organisation_id.apply_to(record.partner_organisation_id);

  if (record.country_code.empty())
    problems.push_back({"country", "required"});
  else if (!reference::find_country(connection, record.country_code))
    problems.push_back({"country", "unknown_country"});
  else
    record.country_name = reference::names(connection)->country(record.country_code);
  check_country(connection, problems, "host_country", record.host_country_code);
  if (record.partner_organisation_id && !organisation_exists(connection, *record.partner_organisation_id))
    problems.push_back({"partner_organisation_id", "unknown_organisation"});
  if (record.number == 0 && !draft.number.value)
    problems.push_back({"number", "required"});
  else if (record.number < 1 || record.number > kMaxNumber)
    problems.push_back({"number", "out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxNumber)}}});
  else if (!record.country_code.empty()) {
    auto holder = find_session_by_number(connection, record.country_code, record.number);
    if (holder && *holder != record.id) problems.push_back({"number", "already_taken"});
  }
  bool start_ok = false;
  if (record.start_on.empty())
    problems.push_back({"start_on", "required"});
  else
    start_ok = check_date(problems, "start_on", record.start_on);
  // A one-day session may leave its end: it ends the day it starts.
  if (record.end_on.empty() && start_ok) record.end_on = record.start_on;
  bool end_ok = !record.end_on.empty() && check_date(problems, "end_on", record.end_on);
  if (start_ok && end_ok && record.end_on < record.start_on) problems.push_back({"end_on", "before_start"});
  // Moving a session's start after a decision's due date would make that decision due before it.
  if (start_ok && record.id != 0 &&
      !connection
           .query("SELECT 1 FROM joint_commission_decisions WHERE session_id = ? AND due_on < ?",
                  db::Params(record.id, record.start_on))
           .empty())
    problems.push_back({"start_on", "after_decisions_due"});
  check_length(problems, "city", record.city, kMaxPlaceLength);
  check_length(problems, "moroccan_chair_name", record.moroccan_chair_name, kMaxNameLength);
  check_length(problems, "moroccan_chair_title", record.moroccan_chair_title, kMaxNameLength);
  check_length(problems, "partner_chair_name", record.partner_chair_name, kMaxNameLength);
  check_length(problems, "partner_chair_title", record.partner_chair_title, kMaxNameLength);
  check_length(problems, "summary_fr", record.summary_fr, kMaxSummaryLength);
  check_length(problems, "summary_ar", record.summary_ar, kMaxSummaryLength);
  check_length(problems, "summary_en", record.summary_en, kMaxSummaryLength);
  if (draft.agreement_ids.present)
    record.agreement_ids =
        checked_ids(connection, "agreement_ids", "agreements",
                    draft.agreement_ids.value.value_or(std::vector<std::int64_t>()), kMaxAgreements, problems);
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  return record;
}

Result<Decision> apply_decision(db::Connection& connection, const accounts::Actor& actor, Decision record,
                                const DecisionDraft& draft, bool creating) {
  std::vector<FieldError> problems;
  if (draft.text_fr.present) record.text_fr = cleaned(draft.text_fr.value);
  if (draft.text_ar.present) record.text_ar = cleaned(draft.text_ar.value);
  if (draft.text_en.present) record.text_en = cleaned(draft.text_en.value);
  if (draft.domain.present) record.domain = cleaned(draft.domain.value).value_or("");
  if (draft.partner_institution.present) record.partner_institution = cleaned(draft.partner_institution.value);
  if (draft.due_on.present) record.due_on = cleaned(draft.due_on.value);
  if (draft.responsible_organisation_id.present)
    record.responsible_organisation_id = draft.responsible_organisation_id.value.value_or(0);
  draft.partner_organisation_id.apply_to(record.partner_organisation_id);

  if (!record.text_fr && !record.text_ar && !record.text_en) problems.push_back({"text_fr", "one_text_required"});
  check_length(problems, "text_fr", record.text_fr, kMaxTextLength);
  check_length(problems, "text_ar", record.text_ar, kMaxTextLength);
  check_length(problems, "text_en", record.text_en, kMaxTextLength);
  check_length(problems, "partner_institution", record.partner_institution, kMaxNameLength);
  if (record.domain.empty())
    problems.push_back({"domain", "required"});
  else if (!reference_code_exists(connection, ReferenceTable::cooperation_domains, record.domain))
    problems.push_back({"domain", "unknown_code", {{"codelist", "cooperation_domains"}}});
  if (record.responsible_organisation_id == 0)
    problems.push_back({"responsible_organisation_id", "required"});
  else if (!organisation_exists(connection, record.responsible_organisation_id))
    problems.push_back({"responsible_organisation_id", "unknown_organisation"});
  if (record.partner_organisation_id && !organisation_exists(connection, *record.partner_organisation_id))
    problems.push_back({"partner_organisation_id", "unknown_organisation"});
  if (record.partner_organisation_id && record.partner_institution)
    problems.push_back({"partner_institution", "organisation_or_text"});
  if (check_date(problems, "due_on", record.due_on) && *record.due_on < record.session_start_on)
    problems.push_back({"due_on", "due_before_session", {{"start_on", record.session_start_on}}});

  // A decision is recorded in the state it is in; afterwards its status moves by status changes,
  // each kept with its comment.
  if (creating) {
    if (draft.status.present) record.status = cleaned(draft.status.value).value_or("");
    if (record.status.empty())
      problems.push_back({"status", "required"});
    else
      check_choice(problems, "status", record.status, kStatuses);
    record.pending_change = StatusChange{std::nullopt,   record.status, today_iso_date(), clock::now_iso8601(),
                                         actor.username, actor.user_id, std::nullopt};
  }
  if (draft.programme_ids.present)
    record.programme_ids =
        checked_ids(connection, "programme_ids", "programmes",
                    draft.programme_ids.value.value_or(std::vector<std::int64_t>()), kMaxLinks, problems);
  if (draft.action_ids.present)
    record.action_ids = checked_ids(connection, "action_ids", "actions",
                                    draft.action_ids.value.value_or(std::vector<std::int64_t>()), kMaxLinks, problems);
  if (draft.request_ids.present)
    record.request_ids =
        checked_ids(connection, "request_ids", "cooperation_requests",
                    draft.request_ids.value.value_or(std::vector<std::int64_t>()), kMaxLinks, problems);
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  return record;
}

}  // namespace

// --- sessions ---

Result<Page<Session>> list_sessions(db::Connection& connection, const accounts::Actor& actor,
                                    const SessionFilter& filter) {
  kit::Where where;
  where.equals("s.country_code", filter.country).text("s.search_key", filter.text);
  if (filter.year)
    where.add("s.start_on >= ? AND s.start_on <= ?", fmt::format("{:04}-01-01", *filter.year),
              fmt::format("{:04}-12-31", *filter.year));
  if (filter.overdue) {
    std::string today = today_iso_date();
    where.add(fmt::format("{}EXISTS (SELECT 1 FROM joint_commission_decisions d WHERE d.session_id = s.id AND "
                          "d.due_on < ? AND d.status IN ('planned', 'in_progress'))",
                          *filter.overdue ? "" : "NOT "),
              today);
  }
  Scope scope = visible_scope(actor);
  if (!scope.all) where.in_scope("s.country_code", scope.countries);
  TAAWUN_TRY(page, kit::list(connection, session_kind(), actor, std::move(where), filter.sort, filter.page));
  fill_list_parts(connection, page.items);
  return page;
}

Result<Session> get_session(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  db::Transaction transaction(connection, db::TransactionKind::read);
  TAAWUN_TRY(session, kit::get(connection, session_kind(), actor, id));
  transaction.commit();
  return session;
}

Result<Session> create_session(db::Connection& connection, const accounts::Actor& actor, const SessionDraft& draft) {
  return kit::plain_create(connection, session_kind(), actor, can_session(actor, Action::create),
                           [&](Session blank) { return apply_session(connection, std::move(blank), draft); });
}

Result<Session> update_session(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                               std::int64_t expected_version, const SessionDraft& draft) {
  return kit::plain_update(
      connection, session_kind(), actor, id, expected_version,
      [&](const Session& current) { return can_session(actor, Action::update, current); },
      [&](Session current) { return apply_session(connection, std::move(current), draft); });
}

// --- decisions ---

Result<Page<Decision>> list_decisions(db::Connection& connection, const accounts::Actor& actor,
                                      const DecisionFilter& filter) {
  kit::Where where;
  where.equals("d.session_id", filter.session_id)
      .equals("s.country_code", filter.country)
      .equals("d.status", filter.status)
      .equals("d.domain", filter.domain)
      .equals("d.responsible_organisation_id", filter.responsible_organisation_id)
      .text("d.search_key", filter.text);
  if (filter.action_id)
    where.add(
        "EXISTS (SELECT 1 FROM joint_commission_decision_actions l WHERE l.decision_id = d.id AND "
        "l.action_id = ?)",
        *filter.action_id);
  if (filter.programme_id)
    where.add(
        "EXISTS (SELECT 1 FROM joint_commission_decision_programmes l WHERE l.decision_id = d.id AND "
        "l.programme_id = ?)",
        *filter.programme_id);
  if (filter.request_id)
    where.add(
        "EXISTS (SELECT 1 FROM joint_commission_decision_requests l WHERE l.decision_id = d.id AND "
        "l.request_id = ?)",
        *filter.request_id);
  if (filter.overdue) {
    if (*filter.overdue)
      where.add("d.due_on < ? AND d.status IN ('planned', 'in_progress')", today_iso_date());
    else
      where.add("NOT (d.due_on IS NOT NULL AND d.due_on < ? AND d.status IN ('planned', 'in_progress'))",
                today_iso_date());
  }
  Scope scope = visible_scope(actor);
  if (!scope.all) {
    if (actor.role == accounts::Role::host)
      where.in_scope("d.responsible_organisation_id", scope.organisations);
    else
      where.in_scope("s.country_code", scope.countries);
  }
  return kit::list(connection, decision_kind(), actor, std::move(where), filter.sort, filter.page);
}

Result<Decision> get_decision(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  db::Transaction transaction(connection, db::TransactionKind::read);
  TAAWUN_TRY(decision, kit::get(connection, decision_kind(), actor, id));
  transaction.commit();
  return decision;
}

Result<Decision> create_decision(db::Connection& connection, const accounts::Actor& actor, std::int64_t session_id,
                                 const DecisionDraft& draft) {
  if (!can_decision(actor, Action::create)) return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(session, kit::get(connection, session_kind(), actor, session_id));
  Decision blank;
  blank.session_id = session.id;
  blank.session_start_on = session.start_on;
  TAAWUN_TRY(record, apply_decision(connection, actor, std::move(blank), draft, true));
  Decision created = kit::insert(connection, decision_kind(), actor, record);
  transaction.commit();
  return created;
}

Result<Decision> update_decision(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                                 std::int64_t expected_version, const DecisionDraft& draft) {
  return kit::plain_update(
      connection, decision_kind(), actor, id, expected_version,
      [&](const Decision& current) { return can_decision(actor, Action::update, current); },
      [&](Decision current) { return apply_decision(connection, actor, std::move(current), draft, false); });
}

Result<Decision> change_status(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                               std::int64_t expected_version, const StatusDraft& draft) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, kit::get(connection, decision_kind(), actor, id));
  if (!can_decision(actor, Action::change_status, current)) return Error::of(ErrorCode::forbidden);
  TAAWUN_CHECK(kit::expect_version(current, expected_version));
  std::vector<FieldError> problems;
  std::string status = cleaned(draft.status).value_or("");
  if (status.empty())
    problems.push_back({"status", "required"});
  else if (!is_one_of(status, kStatuses))
    problems.push_back({"status", "invalid_choice", {{"choices", listed(kStatuses)}}});
  else if (status == current.status)
    problems.push_back({"status", "status_unchanged", {{"status", status}}});
  auto comment = cleaned(draft.comment);
  if (!comment) problems.push_back({"comment", "required"});
  check_length(problems, "comment", comment, kMaxCommentLength);
  std::string today = today_iso_date();
  auto changed_on = cleaned(draft.changed_on);
  if (check_date(problems, "changed_on", changed_on) && *changed_on > today)
    problems.push_back({"changed_on", "changed_on_future"});
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  Decision record = current;
  record.status = status;
  record.pending_change = StatusChange{
      current.status, status, changed_on.value_or(today), clock::now_iso8601(), actor.username, actor.user_id, comment};
  TAAWUN_TRY(updated, kit::update(connection, decision_kind(), actor, current, record, "status"));
  transaction.commit();
  return updated;
}

}  // namespace taawun::commissions
