// Joint commissions over HTTP: sessions (list, export, detail with the decisions and their
// implementation, create, update) and decisions (list across sessions, export, detail with the
// status history, create within a session, update, status change).
#include <cmath>

#include "areas/commissions/commission.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace jc = taawun::commissions;

namespace {

enum class Shape { list, in_session, detail };

std::optional<double> rate_of(std::int64_t done, std::int64_t all) {
  if (all == 0) return std::nullopt;
  return std::round(1000.0 * static_cast<double>(done) / static_cast<double>(all)) / 10.0;
}

void write_linked(JsonWriter& json, std::string_view name, const std::vector<jc::LinkedRecord>& records,
                  Language language) {
  json.key(name).begin_array();
  for (const auto& r : records)
    json.begin_object()
        .field("id", r.id)
        .field("title", r.title.in(language))
        .field("reference", r.reference)
        .field("status", r.status)
        .end_object();
  json.end_array();
}

std::optional<std::string> name_or_null(const LocalisedName& name, Language language) {
  const std::string& text = name.in(language);
  if (text.empty()) return std::nullopt;
  return text;
}

void write_decision(JsonWriter& json, const jc::Decision& d, Language language, Shape shape, const std::string& today) {
  json.begin_object()
      .field("id", d.id)
      .field("session_id", d.session_id)
      .field("country", d.country_code)
      .field("session_number", d.session_number)
      .field("session_start_on", d.session_start_on)
      .field("text", d.text().in(language))
      .field("text_fr", d.text_fr)
      .field("text_ar", d.text_ar)
      .field("text_en", d.text_en)
      .field("domain", d.domain)
      .field("responsible_organisation_id", d.responsible_organisation_id)
      .field("responsible_organisation_name", d.responsible_name.in(language))
      .field("partner_organisation_id", d.partner_organisation_id)
      .field("partner_organisation_name", name_or_null(d.partner_organisation_name, language))
      .field("partner_institution", d.partner_institution)
      .field("due_on", d.due_on)
      .field("status", d.status)
      .field("overdue", d.overdue(today));
  if (shape != Shape::list) {
    json.array("programme_ids", d.programme_ids).array("action_ids", d.action_ids).array("request_ids", d.request_ids);
    write_linked(json, "programmes", d.programmes, language);
    write_linked(json, "actions", d.actions, language);
    write_linked(json, "requests", d.requests, language);
  }
  if (shape == Shape::detail) {
    json.key("history").begin_array();
    for (const auto& change : d.history)
      json.begin_object()
          .field("from_status", change.from_status)
          .field("to_status", change.to_status)
          .field("changed_on", change.changed_on)
          .field("changed_at", change.changed_at)
          .field("username", change.username)
          .field("comment", change.comment)
          .end_object();
    json.end_array();
  }
  json.field("version", d.version).field("created_at", d.created_at).field("updated_at", d.updated_at).end_object();
}

void write_session(JsonWriter& json, const jc::Session& s, Language language, bool detail) {
  json.begin_object()
      .field("id", s.id)
      .field("country", s.country_code)
      .field("country_name", s.country_name.in(language))
      .field("partner_organisation_id", s.partner_organisation_id)
      .field("partner_organisation_name", name_or_null(s.partner_organisation_name, language))
      .field("number", s.number)
      .field("city", s.city)
      .field("host_country", s.host_country_code)
      .field("start_on", s.start_on)
      .field("end_on", s.end_on)
      .field("moroccan_chair_name", s.moroccan_chair_name)
      .field("moroccan_chair_title", s.moroccan_chair_title)
      .field("partner_chair_name", s.partner_chair_name)
      .field("partner_chair_title", s.partner_chair_title);
  if (detail)
    json.field("summary_fr", s.summary_fr).field("summary_ar", s.summary_ar).field("summary_en", s.summary_en);
  json.array("agreement_ids", s.agreement_ids)
      .field("decision_count", s.decision_count)
      .field("done_count", s.done_count)
      .field("dropped_count", s.dropped_count)
      .field("overdue_count", s.overdue_count)
      .field("implementation_rate", rate_of(s.done_count, s.decision_count));
  if (detail) {
    write_linked(json, "agreements", s.agreements, language);
    std::string today = today_iso_date();
    json.key("decisions").begin_array();
    for (const auto& d : s.decisions) write_decision(json, d, language, Shape::in_session, today);
    json.end_array();
    json.key("by_domain").begin_array();
    for (const auto& rate : s.by_domain)
      json.begin_object()
          .field("domain", rate.domain)
          .field("name", rate.name.in(language))
          .field("decisions", rate.decisions)
          .field("done", rate.done)
          .field("implementation_rate", rate_of(rate.done, rate.decisions))
          .end_object();
    json.end_array();
  }
  json.field("version", s.version).field("created_at", s.created_at).field("updated_at", s.updated_at).end_object();
}

Response session_response(Context& context, bhttp::status status, const jc::Session& s) {
  JsonWriter json;
  write_session(json, s, context.language, true);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(s.version));
  return response;
}

Response decision_response(Context& context, bhttp::status status, const jc::Decision& d) {
  JsonWriter json;
  write_decision(json, d, context.language, Shape::detail, today_iso_date());
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(d.version));
  return response;
}

Result<jc::SessionDraft> read_session_draft(Context& context) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  jc::SessionDraft draft;
  read_field(body, "country", draft.country, body.text("country", 2));
  read_field(body, "partner_organisation_id", draft.partner_organisation_id, body.integer("partner_organisation_id"));
  read_field(body, "number", draft.number, body.integer("number"));
  read_field(body, "city", draft.city, body.text("city", jc::kMaxPlaceLength));
  read_field(body, "host_country", draft.host_country, body.text("host_country", 2));
  read_field(body, "start_on", draft.start_on, body.text("start_on", 10));
  read_field(body, "end_on", draft.end_on, body.text("end_on", 10));
  read_field(body, "moroccan_chair_name", draft.moroccan_chair_name,
             body.text("moroccan_chair_name", jc::kMaxNameLength));
  read_field(body, "moroccan_chair_title", draft.moroccan_chair_title,
             body.text("moroccan_chair_title", jc::kMaxNameLength));
  read_field(body, "partner_chair_name", draft.partner_chair_name, body.text("partner_chair_name", jc::kMaxNameLength));
  read_field(body, "partner_chair_title", draft.partner_chair_title,
             body.text("partner_chair_title", jc::kMaxNameLength));
  read_field(body, "summary_fr", draft.summary_fr, body.text("summary_fr", jc::kMaxSummaryLength));
  read_field(body, "summary_ar", draft.summary_ar, body.text("summary_ar", jc::kMaxSummaryLength));
  read_field(body, "summary_en", draft.summary_en, body.text("summary_en", jc::kMaxSummaryLength));
  read_field(body, "agreement_ids", draft.agreement_ids, body.integer_list("agreement_ids", jc::kMaxAgreements));
  draft.input_problems = body.finish_into_list();
  return draft;
}

// `status` is read on creation only: afterwards a status moves by a status change, with its comment.
Result<jc::DecisionDraft> read_decision_draft(Context& context, bool creating) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  jc::DecisionDraft draft;
  read_field(body, "text_fr", draft.text_fr, body.text("text_fr", jc::kMaxTextLength));
  read_field(body, "text_ar", draft.text_ar, body.text("text_ar", jc::kMaxTextLength));
  read_field(body, "text_en", draft.text_en, body.text("text_en", jc::kMaxTextLength));
  read_field(body, "domain", draft.domain, body.text("domain", 50));
  read_field(body, "responsible_organisation_id", draft.responsible_organisation_id,
             body.integer("responsible_organisation_id"));
  read_field(body, "partner_organisation_id", draft.partner_organisation_id, body.integer("partner_organisation_id"));
  read_field(body, "partner_institution", draft.partner_institution,
             body.text("partner_institution", jc::kMaxNameLength));
  read_field(body, "due_on", draft.due_on, body.text("due_on", 10));
  if (creating) read_field(body, "status", draft.status, body.text("status", 20));
  read_field(body, "programme_ids", draft.programme_ids, body.integer_list("programme_ids", jc::kMaxLinks));
  read_field(body, "action_ids", draft.action_ids, body.integer_list("action_ids", jc::kMaxLinks));
  read_field(body, "request_ids", draft.request_ids, body.integer_list("request_ids", jc::kMaxLinks));
  draft.input_problems = body.finish_into_list();
  return draft;
}

jc::SessionFilter read_session_filter(QueryReader& query) {
  jc::SessionFilter filter;
  filter.text = query.text("q");
  filter.country = query.country("country");
  filter.year = query.integer("year", 1900, 2100);
  filter.overdue = query.boolean("overdue");
  filter.sort = query.sort("-start_on");
  return filter;
}

jc::DecisionFilter read_decision_filter(QueryReader& query) {
  jc::DecisionFilter filter;
  filter.text = query.text("q");
  filter.session_id = query.integer("session_id", 1, std::numeric_limits<std::int64_t>::max());
  filter.country = query.country("country");
  filter.status = query.optional_choice("status", jc::kStatuses);
  filter.domain = query.code("domain", QueryReader::Codes::cooperation_domain);
  filter.responsible_organisation_id =
      query.integer("responsible_organisation_id", 1, std::numeric_limits<std::int64_t>::max());
  filter.action_id = query.integer("action_id", 1, std::numeric_limits<std::int64_t>::max());
  filter.programme_id = query.integer("programme_id", 1, std::numeric_limits<std::int64_t>::max());
  filter.request_id = query.integer("request_id", 1, std::numeric_limits<std::int64_t>::max());
  filter.overdue = query.boolean("overdue");
  filter.sort = query.sort("due_on");
  return filter;
}

}  // namespace

Result<Response> list_joint_commissions(Context& context) {
  QueryReader query(context);
  auto filter = read_session_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, jc::list_sessions(context.db(), context.actor(), filter));
  return json_response(context, bhttp::status::ok, page_json(page, [&](JsonWriter& json, const jc::Session& s) {
                         write_session(json, s, context.language, false);
                       }));
}

Result<Response> export_joint_commissions(Context& context) {
  return export_list(
      context, read_session_filter, jc::kMaxExportRows, jc::list_sessions,
      [&](const auto& items) { return jc::export_sessions(items, context.language); }, "taawun-joint-commissions");
}

Result<Response> get_joint_commission(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(session, jc::get_session(context.db(), context.actor(), id));
  return session_response(context, bhttp::status::ok, session);
}

Result<Response> create_joint_commission(Context& context) {
  TAAWUN_TRY(draft, read_session_draft(context));
  TAAWUN_TRY(created, jc::create_session(context.db(), context.actor(), draft));
  Response response = session_response(context, bhttp::status::created, created);
  response.set(bhttp::field::location, "/api/v1/joint-commissions/" + std::to_string(created.id));
  return response;
}

Result<Response> update_joint_commission(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(draft, read_session_draft(context));
  TAAWUN_TRY(updated, jc::update_session(context.db(), context.actor(), id, version, draft));
  return session_response(context, bhttp::status::ok, updated);
}

Result<Response> list_commission_decisions(Context& context) {
  QueryReader query(context);
  auto filter = read_decision_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, jc::list_decisions(context.db(), context.actor(), filter));
  std::string today = today_iso_date();
  return json_response(context, bhttp::status::ok, page_json(page, [&](JsonWriter& json, const jc::Decision& d) {
                         write_decision(json, d, context.language, Shape::list, today);
                       }));
}

Result<Response> export_commission_decisions(Context& context) {
  return export_list(
      context, read_decision_filter, jc::kMaxExportRows, jc::list_decisions,
      [&](const auto& items) { return jc::export_decisions(items, context.language); }, "taawun-commission-decisions");
}

Result<Response> get_commission_decision(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(decision, jc::get_decision(context.db(), context.actor(), id));
  return decision_response(context, bhttp::status::ok, decision);
}

Result<Response> create_commission_decision(Context& context) {
  TAAWUN_TRY(session_id, id_parameter(context));
  TAAWUN_TRY(draft, read_decision_draft(context, true));
  TAAWUN_TRY(created, jc::create_decision(context.db(), context.actor(), session_id, draft));
  Response response = decision_response(context, bhttp::status::created, created);
  response.set(bhttp::field::location, "/api/v1/commission-decisions/" + std::to_string(created.id));
  return response;
}

Result<Response> update_commission_decision(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(draft, read_decision_draft(context, false));
  TAAWUN_TRY(updated, jc::update_decision(context.db(), context.actor(), id, version, draft));
  return decision_response(context, bhttp::status::ok, updated);
}

Result<Response> change_commission_decision_status(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  jc::StatusDraft draft;
  draft.status = body.text("status", 20);
  draft.comment = body.text("comment", jc::kMaxCommentLength);
  draft.changed_on = body.text("changed_on", 10);
  draft.input_problems = body.finish_into_list();
  TAAWUN_TRY(updated, jc::change_status(context.db(), context.actor(), id, version, draft));
  return decision_response(context, bhttp::status::ok, updated);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// clang-format off
std::vector<Route> joint_commission_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/joint-commissions", h::list_joint_commissions, signed_in, quick, {"joint_commissions", "read"}},
      {verb::post, "/api/v1/joint-commissions", h::create_joint_commission, signed_in, quick, {"joint_commissions", "create"}},
      {verb::get, "/api/v1/joint-commissions/export", h::export_joint_commissions, signed_in, blocking, {"joint_commissions", "read"}},
      {verb::get, "/api/v1/joint-commissions/{id}", h::get_joint_commission, signed_in, quick, {"joint_commissions", "read"}},
      {verb::patch, "/api/v1/joint-commissions/{id}", h::update_joint_commission, signed_in, quick, {"joint_commissions", "update"}},
      {verb::post, "/api/v1/joint-commissions/{id}/decisions", h::create_commission_decision, signed_in, quick, {"commission_decisions", "create"}},
      {verb::get, "/api/v1/commission-decisions", h::list_commission_decisions, signed_in, quick, {"commission_decisions", "read"}},
      {verb::get, "/api/v1/commission-decisions/export", h::export_commission_decisions, signed_in, blocking, {"commission_decisions", "read"}},
      {verb::get, "/api/v1/commission-decisions/{id}", h::get_commission_decision, signed_in, quick, {"commission_decisions", "read"}},
      {verb::patch, "/api/v1/commission-decisions/{id}", h::update_commission_decision, signed_in, quick, {"commission_decisions", "update"}},
      {verb::post, "/api/v1/commission-decisions/{id}/status", h::change_commission_decision_status, signed_in, quick, {"commission_decisions", "change_status"}},
  };
}
// clang-format on

}  // namespace taawun::http
