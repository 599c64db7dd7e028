// Sessions and decisions as record kinds: SQL ↔ types, their links (agreements reviewed; the
// programmes, actions and requests implementing a decision; its status history), what create and
// update write, the sorts, the audit snapshots and the export columns.
#include "areas/commissions/commission_store.hpp"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace taawun::commissions {
namespace {

using spreadsheet::cell;

constexpr const char* kSessionColumns =
    "SELECT s.id, s.country_code, s.partner_organisation_id, s.number, s.city, s.host_country_code, s.start_on, "
    "s.end_on, s.moroccan_chair_name, s.moroccan_chair_title, s.partner_chair_name, s.partner_chair_title, {}, "
    "s.version, s.created_at, s.updated_at, o.name_fr, o.name_ar, o.name_en FROM joint_commission_sessions s LEFT "
    "JOIN organisations o ON o.id = s.partner_organisation_id";

constexpr const char* kDecisionSelect =
    "SELECT d.id, d.session_id, d.text_fr, d.text_ar, d.text_en, d.domain, d.responsible_organisation_id, "
    "d.partner_organisation_id, d.partner_institution, d.due_on, d.status, d.version, d.created_at, d.updated_at, "
    "s.country_code, s.number, s.start_on, r.name_fr, r.name_ar, r.name_en, p.name_fr, p.name_ar, p.name_en FROM "
    "joint_commission_decisions d JOIN joint_commission_sessions s ON s.id = d.session_id JOIN organisations r ON "
    "r.id = d.responsible_organisation_id LEFT JOIN organisations p ON p.id = d.partner_organisation_id";

LocalisedName name_at(const db::Row& row, std::size_t first) {
  return {row.optional_text(first).value_or(""), row.optional_text(first + 1).value_or(""),
          row.optional_text(first + 2).value_or("")};
}

nlohmann::json optional(const auto& value) {
  if (value) return *value;
  return nullptr;
}

Session session_from(const db::Row& row, const reference::ReferenceNames& names) {
  Session s;
  s.id = row.integer(0);
  s.country_code = row.text(1);
  s.partner_organisation_id = row.optional_integer(2);
  s.number = row.integer(3);
  s.city = row.optional_text(4);
  s.host_country_code = row.optional_text(5);
  s.start_on = row.text(6);
  s.end_on = row.text(7);
  s.moroccan_chair_name = row.optional_text(8);
  s.moroccan_chair_title = row.optional_text(9);
  s.partner_chair_name = row.optional_text(10);
  s.partner_chair_title = row.optional_text(11);
  s.summary_fr = row.optional_text(12);
  s.summary_ar = row.optional_text(13);
  s.summary_en = row.optional_text(14);
  s.version = row.integer(15);
  s.created_at = row.text(16);
  s.updated_at = row.text(17);
  s.partner_organisation_name = name_at(row, 18);
  s.country_name = names.country(s.country_code);
  return s;
}

Decision decision_from(const db::Row& row, const reference::ReferenceNames&) {
  Decision d;
  d.id = row.integer(0);
  d.session_id = row.integer(1);
  d.text_fr = row.optional_text(2);
  d.text_ar = row.optional_text(3);
  d.text_en = row.optional_text(4);
  d.domain = row.text(5);
  d.responsible_organisation_id = row.integer(6);
  d.partner_organisation_id = row.optional_integer(7);
  d.partner_institution = row.optional_text(8);
  d.due_on = row.optional_text(9);
  d.status = row.text(10);
  d.version = row.integer(11);
  d.created_at = row.text(12);
  d.updated_at = row.text(13);
  d.country_code = row.text(14);
  d.session_number = row.integer(15);
  d.session_start_on = row.text(16);
  d.responsible_name = name_at(row, 17);
  d.partner_organisation_name = name_at(row, 20);
  return d;
}

std::vector<LinkedRecord> linked(db::Connection& connection, const char* sql, std::int64_t id) {
  std::vector<LinkedRecord> records;
  for (const auto& row : connection.query(sql, db::Params(id)).rows)
    records.push_back(LinkedRecord{row.integer(0), name_at(row, 1), row.optional_text(4), row.optional_text(5)});
  return records;
}

std::vector<std::int64_t> ids_of(const std::vector<LinkedRecord>& records) {
  std::vector<std::int64_t> ids;
  for (const auto& record : records) ids.push_back(record.id);
  return ids;
}

// What implements a decision, with titles.
void complete_links(db::Connection& connection, Decision& d) {
  d.programmes = linked(connection,
                        "SELECT p.id, p.title_fr, p.title_ar, p.title_en, NULL, NULL FROM "
                        "joint_commission_decision_programmes l JOIN programmes p ON p.id = l.programme_id WHERE "
                        "l.decision_id = ? ORDER BY p.id",
                        d.id);
  d.actions = linked(connection,
                     "SELECT a.id, a.title_fr, a.title_ar, a.title_en, a.start_date, a.status FROM "
                     "joint_commission_decision_actions l JOIN actions a ON a.id = l.action_id WHERE l.decision_id = ? "
                     "ORDER BY a.id",
                     d.id);
  d.requests = linked(connection,
                      "SELECT r.id, r.title, r.title, r.title, r.received_on, r.status FROM "
                      "joint_commission_decision_requests l JOIN cooperation_requests r ON r.id = l.request_id WHERE "
                      "l.decision_id = ? ORDER BY r.id",
                      d.id);
  d.programme_ids = ids_of(d.programmes);
  d.action_ids = ids_of(d.actions);
  d.request_ids = ids_of(d.requests);
}

void complete_decision(db::Connection& connection, Decision& d) {
  complete_links(connection, d);
  for (const auto& row : connection
                             .query("SELECT from_status, to_status, changed_on, changed_at, user_id, username, comment "
                                    "FROM joint_commission_decision_history WHERE decision_id = ? ORDER BY id",
                                    db::Params(d.id))
                             .rows)
    d.history.push_back(StatusChange{row.optional_text(0), row.text(1), row.text(2), row.text(3), row.text(5),
                                     row.optional_integer(4), row.optional_text(6)});
}

void write_decision_parts(db::Connection& connection, const Decision& d) {
  connection.query("DELETE FROM joint_commission_decision_programmes WHERE decision_id = ?", db::Params(d.id));
  connection.query("DELETE FROM joint_commission_decision_actions WHERE decision_id = ?", db::Params(d.id));
  connection.query("DELETE FROM joint_commission_decision_requests WHERE decision_id = ?", db::Params(d.id));
  for (auto id : d.programme_ids)
    connection.query("INSERT INTO joint_commission_decision_programmes (decision_id, programme_id) VALUES (?, ?)",
                     db::Params(d.id, id));
  for (auto id : d.action_ids)
    connection.query("INSERT INTO joint_commission_decision_actions (decision_id, action_id) VALUES (?, ?)",
                     db::Params(d.id, id));
  for (auto id : d.request_ids)
    connection.query("INSERT INTO joint_commission_decision_requests (decision_id, request_id) VALUES (?, ?)",
                     db::Params(d.id, id));
  if (d.pending_change) {
    const auto& c = *d.pending_change;
    connection.query(
        "INSERT INTO joint_commission_decision_history (decision_id, from_status, to_status, changed_on, changed_at, "
        "user_id, username, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        db::Params(d.id, c.from_status, c.to_status, c.changed_on, c.changed_at, c.user_id, c.username, c.comment));
  }
}

// The session page: the agreements reviewed, every decision with what implements it, the
// implementation rate overall and by domain, the overdue count.
void complete_session(db::Connection& connection, Session& s) {
  s.agreements = linked(connection,
                        "SELECT a.id, a.title_fr, a.title_ar, a.title_en, a.reference, a.status FROM "
                        "joint_commission_agreements l JOIN agreements a ON a.id = l.agreement_id WHERE l.session_id "
                        "= ? ORDER BY a.id",
                        s.id);
  s.agreement_ids = ids_of(s.agreements);
  auto names = reference::names(connection);
  auto rows =
      connection.query(std::string(kDecisionSelect) + " WHERE d.session_id = ? ORDER BY d.id", db::Params(s.id));
  std::string today = today_iso_date();
  std::map<std::string, DomainRate> by_domain;
  for (const auto& row : rows.rows) {
    Decision d = decision_from(row, *names);
    complete_links(connection, d);
    ++s.decision_count;
    auto& rate = by_domain[d.domain];
    rate.domain = d.domain;
    rate.name = names->cooperation_domain(d.domain);
    ++rate.decisions;
    if (d.status == "done") ++s.done_count, ++rate.done;
    if (d.status == "dropped") ++s.dropped_count;
    if (d.overdue(today)) ++s.overdue_count;
    s.decisions.push_back(std::move(d));
  }
  for (auto& [domain, rate] : by_domain) s.by_domain.push_back(rate);
}

void write_session_parts(db::Connection& connection, const Session& s) {
  connection.query("DELETE FROM joint_commission_agreements WHERE session_id = ?", db::Params(s.id));
  for (auto id : s.agreement_ids)
    connection.query("INSERT INTO joint_commission_agreements (session_id, agreement_id) VALUES (?, ?)",
                     db::Params(s.id, id));
}

}  // namespace

std::string search_key_of(const Session& s) {
  return text::search_key(fmt::format("{} {} {} {} {} {} {}", s.country_name.fr, s.country_name.en, s.country_name.ar,
                                      s.city.value_or(""), s.moroccan_chair_name.value_or(""),
                                      s.partner_chair_name.value_or(""), s.country_code));
}

std::string search_key_of(const Decision& d) {
  return text::search_key(fmt::format("{} {} {} {}", d.text_fr.value_or(""), d.text_ar.value_or(""),
                                      d.text_en.value_or(""), d.partner_institution.value_or("")));
}

namespace {

std::string session_snapshot(const Session& s) {
  return nlohmann::json{{"country", s.country_code},
                        {"partner_organisation_id", optional(s.partner_organisation_id)},
                        {"number", s.number},
                        {"city", optional(s.city)},
                        {"host_country", optional(s.host_country_code)},
                        {"start_on", s.start_on},
                        {"end_on", s.end_on},
                        {"moroccan_chair_name", optional(s.moroccan_chair_name)},
                        {"moroccan_chair_title", optional(s.moroccan_chair_title)},
                        {"partner_chair_name", optional(s.partner_chair_name)},
                        {"partner_chair_title", optional(s.partner_chair_title)},
                        {"summary_fr", optional(s.summary_fr)},
                        {"summary_ar", optional(s.summary_ar)},
                        {"summary_en", optional(s.summary_en)},
                        {"agreement_ids", s.agreement_ids},
                        {"version", s.version}}
      .dump();
}

std::string decision_snapshot(const Decision& d) {
  return nlohmann::json{{"session_id", d.session_id},
                        {"text_fr", optional(d.text_fr)},
                        {"text_ar", optional(d.text_ar)},
                        {"text_en", optional(d.text_en)},
                        {"domain", d.domain},
                        {"responsible_organisation_id", d.responsible_organisation_id},
                        {"partner_organisation_id", optional(d.partner_organisation_id)},
                        {"partner_institution", optional(d.partner_institution)},
                        {"due_on", optional(d.due_on)},
                        {"status", d.status},
                        {"programme_ids", d.programme_ids},
                        {"action_ids", d.action_ids},
                        {"request_ids", d.request_ids},
                        {"version", d.version}}
      .dump();
}

std::string joined_ids(const std::vector<std::int64_t>& ids) {
  return fmt::format("{}", fmt::join(ids, " "));
}

std::string rate_text(std::int64_t done, std::int64_t all) {
  if (all == 0) return "";
  return fmt::format("{:.1f}", 100.0 * static_cast<double>(done) / static_cast<double>(all));
}

kit::Kind<Session> make_session_kind() {
  using kit::column;
  using kit::derived;
  kit::Kind<Session> k;
  k.name = "joint_commission_session";
  k.table = "joint_commission_sessions";
  k.alias = "s";
  k.select = fmt::format(kSessionColumns, "s.summary_fr, s.summary_ar, s.summary_en");
  k.list_select = fmt::format(kSessionColumns, "NULL, NULL, NULL");
  k.from_row = session_from;
  k.complete = complete_session;
  k.write_parts = write_session_parts;
  k.columns = {column("country_code", &Session::country_code),
               column("partner_organisation_id", &Session::partner_organisation_id),
               column("number", &Session::number),
               column("city", &Session::city),
               column("host_country_code", &Session::host_country_code),
               column("start_on", &Session::start_on),
               column("end_on", &Session::end_on),
               column("moroccan_chair_name", &Session::moroccan_chair_name),
               column("moroccan_chair_title", &Session::moroccan_chair_title),
               column("partner_chair_name", &Session::partner_chair_name),
               column("partner_chair_title", &Session::partner_chair_title),
               column("summary_fr", &Session::summary_fr),
               column("summary_ar", &Session::summary_ar),
               column("summary_en", &Session::summary_en),
               derived<Session>("search_key", [](const Session& s) { return search_key_of(s); })};
  k.sorts = {{"start_on", "s.start_on {0}, s.id {0}"},
             {"number", "s.country_code {0}, s.number {0}, s.id {0}"},
             {"country", "s.country_code {0}, s.start_on {0}, s.id {0}"}};
  k.snapshot = session_snapshot;
  k.may_read_kind = [](const accounts::Actor& actor) { return can_session(actor, Action::read); };
  k.may_read = [](const accounts::Actor& actor, const Session& s) { return can_session(actor, Action::read, s); };
  k.export_columns = {
      {"session_id", [](const Session& s, Language) { return std::to_string(s.id); }, true},
      {"country", [](const Session& s, Language) { return s.country_code; }},
      {"country_name", [](const Session& s, Language language) { return s.country_name.in(language); }},
      {"number", [](const Session& s, Language) { return std::to_string(s.number); }, true},
      {"partner_organisation_id", [](const Session& s, Language) { return cell(s.partner_organisation_id); }, true},
      {"city", [](const Session& s, Language) { return cell(s.city); }},
      {"host_country", [](const Session& s, Language) { return cell(s.host_country_code); }},
      {"start_on", [](const Session& s, Language) { return s.start_on; }},
      {"end_on", [](const Session& s, Language) { return s.end_on; }},
      {"moroccan_chair_name", [](const Session& s, Language) { return cell(s.moroccan_chair_name); }},
      {"moroccan_chair_title", [](const Session& s, Language) { return cell(s.moroccan_chair_title); }},
      {"partner_chair_name", [](const Session& s, Language) { return cell(s.partner_chair_name); }},
      {"partner_chair_title", [](const Session& s, Language) { return cell(s.partner_chair_title); }},
      {"agreement_ids", [](const Session& s, Language) { return joined_ids(s.agreement_ids); }},
      {"decisions", [](const Session& s, Language) { return std::to_string(s.decision_count); }, true},
      {"decisions_done", [](const Session& s, Language) { return std::to_string(s.done_count); }, true},
      {"decisions_overdue", [](const Session& s, Language) { return std::to_string(s.overdue_count); }, true},
      {"implementation_rate", [](const Session& s, Language) { return rate_text(s.done_count, s.decision_count); },
       true},
      {"created_at", [](const Session& s, Language) { return s.created_at; }},
      {"updated_at", [](const Session& s, Language) { return s.updated_at; }}};
  return k;
}

kit::Kind<Decision> make_decision_kind() {
  using kit::column;
  using kit::derived;
  kit::Kind<Decision> k;
  k.name = "joint_commission_decision";
  k.table = "joint_commission_decisions";
  k.alias = "d";
  k.select = kDecisionSelect;
  k.count_from = "FROM joint_commission_decisions d JOIN joint_commission_sessions s ON s.id = d.session_id";
  k.from_row = decision_from;
  k.complete = complete_decision;
  k.write_parts = write_decision_parts;
  k.columns = {column("session_id", &Decision::session_id),
               column("text_fr", &Decision::text_fr),
               column("text_ar", &Decision::text_ar),
               column("text_en", &Decision::text_en),
               column("domain", &Decision::domain),
               column("responsible_organisation_id", &Decision::responsible_organisation_id),
               column("partner_organisation_id", &Decision::partner_organisation_id),
               column("partner_institution", &Decision::partner_institution),
               column("due_on", &Decision::due_on),
               column("status", &Decision::status),
               derived<Decision>("search_key", [](const Decision& d) { return search_key_of(d); })};
  // Decisions without a due date come last either way.
  k.sorts = {{"due_on", "CASE WHEN d.due_on IS NULL THEN 1 ELSE 0 END, d.due_on {0}, d.id {0}"},
             {"session", "s.start_on {0}, d.session_id {0}, d.id {0}"},
             {"status", "d.status {0}, d.id {0}"}};
  k.snapshot = decision_snapshot;
  k.may_read_kind = [](const accounts::Actor& actor) { return can_decision(actor, Action::read); };
  k.may_read = [](const accounts::Actor& actor, const Decision& d) { return can_decision(actor, Action::read, d); };
  k.export_columns = {
      {"decision_id", [](const Decision& d, Language) { return std::to_string(d.id); }, true},
      {"session_id", [](const Decision& d, Language) { return std::to_string(d.session_id); }, true},
      {"country", [](const Decision& d, Language) { return d.country_code; }},
      {"session_number", [](const Decision& d, Language) { return std::to_string(d.session_number); }, true},
      {"session_start_on", [](const Decision& d, Language) { return d.session_start_on; }},
      {"text_fr", [](const Decision& d, Language) { return cell(d.text_fr); }},
      {"text_ar", [](const Decision& d, Language) { return cell(d.text_ar); }},
      {"text_en", [](const Decision& d, Language) { return cell(d.text_en); }},
      {"domain", [](const Decision& d, Language) { return d.domain; }},
      {"responsible_organisation_id",
       [](const Decision& d, Language) { return std::to_string(d.responsible_organisation_id); }, true},
      {"responsible_organisation", [](const Decision& d, Language l) { return d.responsible_name.in(l); }},
      {"partner_organisation_id", [](const Decision& d, Language) { return cell(d.partner_organisation_id); }, true},
      {"partner_institution",
       [](const Decision& d, Language l) {
         return d.partner_organisation_id ? d.partner_organisation_name.in(l) : d.partner_institution.value_or("");
       }},
      {"due_on", [](const Decision& d, Language) { return cell(d.due_on); }},
      {"status", [](const Decision& d, Language) { return d.status; }},
      {"overdue", [](const Decision& d, Language) { return d.overdue(today_iso_date()) ? "yes" : "no"; }},
      {"created_at", [](const Decision& d, Language) { return d.created_at; }},
      {"updated_at", [](const Decision& d, Language) { return d.updated_at; }}};
  return k;
}

}  // namespace

bool Decision::overdue(const std::string& today) const {
  return due_on && *due_on < today && (status == "planned" || status == "in_progress");
}

const kit::Kind<Session>& session_kind() {
  static const kit::Kind<Session> kind = make_session_kind();
  return kind;
}

std::optional<Session> find_session(db::Connection& connection, std::int64_t id) {
  return kit::find(connection, session_kind(), id);
}

const kit::Kind<Decision>& decision_kind() {
  static const kit::Kind<Decision> kind = make_decision_kind();
  return kind;
}

void fill_list_parts(db::Connection& connection, std::vector<Session>& sessions) {
  if (sessions.empty()) return;
  std::map<std::int64_t, Session*> by_id;
  std::string marks;
  db::Params params;
  params.add(today_iso_date());
  for (auto& s : sessions) {
    by_id[s.id] = &s;
    marks += marks.empty() ? "?" : ", ?";
    params.add(s.id);
  }
  for (const auto& row :
       connection
           .query(fmt::format("SELECT session_id, COUNT(*), SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END), "
                              "SUM(CASE WHEN status = 'dropped' THEN 1 ELSE 0 END), SUM(CASE WHEN due_on < ? AND "
                              "status IN ('planned', 'in_progress') THEN 1 ELSE 0 END) FROM "
                              "joint_commission_decisions WHERE session_id IN ({}) GROUP BY session_id",
                              marks),
                  params)
           .rows) {
    Session& s = *by_id[row.integer(0)];
    s.decision_count = row.integer(1);
    s.done_count = row.integer(2);
    s.dropped_count = row.integer(3);
    s.overdue_count = row.integer(4);
  }
  db::Params ids;
  for (auto& s : sessions) ids.add(s.id);
  for (const auto& row : connection
                             .query(fmt::format("SELECT session_id, agreement_id FROM joint_commission_agreements "
                                                "WHERE session_id IN ({}) ORDER BY session_id, agreement_id",
                                                marks),
                                    ids)
                             .rows)
    by_id[row.integer(0)]->agreement_ids.push_back(row.integer(1));
}

std::optional<std::int64_t> find_session_by_number(db::Connection& connection, const std::string& country,
                                                   std::int64_t number) {
  auto rows = connection.query("SELECT id FROM joint_commission_sessions WHERE country_code = ? AND number = ?",
                               db::Params(country, number));
  if (rows.empty()) return std::nullopt;
  return rows.front().integer(0);
}

spreadsheet::Table export_sessions(const std::vector<Session>& sessions, Language language) {
  return kit::export_table(session_kind(), sessions, language);
}

spreadsheet::Table export_decisions(const std::vector<Decision>& decisions, Language language) {
  return kit::export_table(decision_kind(), decisions, language);
}

}  // namespace taawun::commissions
