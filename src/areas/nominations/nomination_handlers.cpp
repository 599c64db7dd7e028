#include <fmt/format.h>

#include <algorithm>

#include "areas/nominations/nomination.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/messages.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace nom = taawun::nominations;

namespace {

void write_nomination(JsonWriter& json, const nom::Nomination& n, const accounts::Actor& actor, Language language) {
  json.begin_object()
      .field("id", n.id)
      .field("action_id", n.action_id)
      .field("action_title", n.action_title.in(language))
      .field("action_status", n.action_status)
      .field("action_start_date", n.action_start_date)
      .field("person_id", n.person_id)
      .field("person_latin_name", n.person_latin_name)
      .field("person_arabic_name", n.person_arabic_name)
      .field("country", n.country_code)
      .field("country_name", n.country_name.in(language))
      .field("state", n.state);
  json.key("allowed_moves").begin_array();
  for (auto move : nom::allowed_moves(actor, n)) json.value(move);
  json.end_array();
  json.field("nominated_at", n.nominated_at)
      .field("state_changed_at", n.state_changed_at)
      .field("waitlisted_at", n.waitlisted_at)
      .field("note", n.note);
  if (n.details_included) {
    json.key("events").begin_array();
    for (const auto& e : n.events)
      json.begin_object()
          .field("from_state", e.from_state)
          .field("to_state", e.to_state)
          .field("reason", e.reason)
          .field("at", e.at)
          .field("username", e.username)
          .end_object();
    json.end_array();
    // The whole checklist, items not yet touched as to_do.
    json.key("logistics").begin_array();
    for (auto item : nom::kLogisticsItems) {
      auto found = std::find_if(n.logistics.begin(), n.logistics.end(),
                                [&](const nom::LogisticsItem& l) { return l.item == item; });
      nom::LogisticsItem value = found != n.logistics.end() ? *found : nom::LogisticsItem{std::string(item)};
      json.begin_object()
          .field("item", value.item)
          .field("status", value.status)
          .field("cost", value.cost)
          .field("currency", value.currency)
          .field("note", value.note)
          .field("updated_at", value.updated_at.empty() ? std::nullopt : std::optional<std::string>(value.updated_at))
          .end_object();
    }
    json.end_array();
    json.key("attendance").begin_array();
    std::int64_t present = 0;
    for (const auto& day : n.attendance) {
      json.begin_object().field("day", day.day).field("present", day.present).end_object();
      present += day.present ? 1 : 0;
    }
    json.end_array();
    json.field("days_present", present);
  }
  json.field("version", n.version).field("created_at", n.created_at).field("updated_at", n.updated_at).end_object();
}

Response nomination_response(Context& context, bhttp::status status, const nom::Nomination& n) {
  JsonWriter json;
  write_nomination(json, n, context.actor(), context.language);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(n.version));
  return response;
}

}  // namespace

namespace {
// The nominations list's filters and order, shared by the list and its export.
nom::NominationFilter read_nomination_filter(QueryReader& query) {
  nom::NominationFilter filter;
  filter.action_id = query.integer("action_id", 1, INT64_MAX);
  filter.person_id = query.integer("person_id", 1, INT64_MAX);
  filter.country = query.country("country");
  filter.state = query.optional_choice("state", {"nominated", "under_review", "selected", "waitlisted", "rejected",
                                                 "confirmed", "withdrawn", "arrived", "completed", "dropped_out"});
  filter.year = query.integer("year", 1990, 2100);
  filter.sort = query.choice("sort",
                             {"nominated_at", "-nominated_at", "state_changed_at", "-state_changed_at", "name", "-name",
                              "country", "-country"},
                             "nominated_at");
  return filter;
}
}  // namespace

Result<Response> list_nominations(Context& context) {
  QueryReader query(context);
  auto filter = read_nomination_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, nom::list(context.db(), context.actor(), filter));
  return json_response(context, bhttp::status::ok, page_json(page, [&](JsonWriter& json, const nom::Nomination& n) {
                         write_nomination(json, n, context.actor(), context.language);
                       }));
}

Result<Response> get_nomination(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(nomination, nom::get(context.db(), context.actor(), id));
  return nomination_response(context, bhttp::status::ok, nomination);
}

Result<Response> create_nomination(Context& context) {
  TAAWUN_TRY(action_id, id_parameter(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto person_id = body.required_integer("person_id");
  auto country = body.text("country", 2);
  auto note = body.text("note", 1000);
  auto problems = body.finish_into_list();
  if (!person_id) return Error::validation(std::move(problems));
  TAAWUN_TRY(created,
             nom::nominate(context.db(), context.actor(), action_id, *person_id, country, note, std::move(problems)));
  Response response = nomination_response(context, bhttp::status::created, created);
  response.set(bhttp::field::location, "/api/v1/nominations/" + std::to_string(created.id));
  return response;
}

Result<Response> move_nomination(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto to = body.text("to", 20);
  if (!to) body.problem({"to", "required"});
  auto reason = body.text("reason", 500);
  TAAWUN_CHECK(body.finish());
  TAAWUN_TRY(moved, nom::move(context.db(), context.actor(), id, version, *to, reason));
  // The nomination in its new state, and those promoted from the waiting list into the seat.
  JsonWriter json;
  json.begin_object().key("nomination");
  write_nomination(json, moved.nomination, context.actor(), context.language);
  json.key("promoted").begin_array();
  for (const auto& promoted : moved.promoted) write_nomination(json, promoted, context.actor(), context.language);
  json.end_array().end_object();
  Response response = json_response(context, bhttp::status::ok, json.str());
  response.set(bhttp::field::etag, etag(moved.nomination.version));
  return response;
}

Result<Response> set_nomination_logistics(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  const std::string& item = context.path_params.at(1);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  nom::LogisticsItem value;
  value.item = item;
  value.status = body.text("status", 20).value_or("");
  if (value.status.empty()) body.problem({"status", "required"});
  value.cost = body.integer("cost");
  value.currency = body.text("currency", 3);
  value.note = body.text("note", 1000);
  auto problems = body.finish_into_list();
  TAAWUN_TRY(updated, nom::set_logistics(context.db(), context.actor(), id, version, item, value, std::move(problems)));
  return nomination_response(context, bhttp::status::ok, updated);
}

Result<Response> set_nomination_attendance(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  const std::string& day = context.path_params.at(1);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto present = body.required_boolean("present");  // null is not a value: 422, never read empty
  TAAWUN_CHECK(body.finish());
  if (!present) return Error::validation({{"present", "required"}});
  TAAWUN_TRY(updated, nom::set_attendance(context.db(), context.actor(), id, version, day, *present));
  return nomination_response(context, bhttp::status::ok, updated);
}

// The template and the export share the import's columns: an export re-imports without loss.
Result<Response> nomination_template(Context& context) {
  QueryReader query(context);
  auto format = file_format(query);
  TAAWUN_CHECK(query.status());
  if (!nom::can_read(context.actor())) return Error::of(ErrorCode::forbidden);
  spreadsheet::Table table;
  table.columns = nom::import_template_columns();
  return file_response(context, table, format, "taawun-nominations");
}

Result<Response> export_nominations(Context& context) {
  return export_list(
      context, read_nomination_filter, nom::kMaxExportRows, nom::list,
      [&](const auto& items) { return nom::export_table(items, context.db(), context.actor()); }, "taawun-nominations");
}

Status may_import_nominations(Context& context) {
  TAAWUN_TRY(action_id, id_parameter(context));
  return nom::may_import(context.db(), context.actor(), action_id);
}

Result<Response> import_nominations(Context& context) {
  TAAWUN_TRY(action_id, id_parameter(context));
  TAAWUN_TRY(upload, read_upload(context));
  TAAWUN_TRY(report, nom::import_nominations(context.db(), context.actor(), action_id, upload.table, upload.options));
  JsonWriter json;
  json.begin_object()
      .field("written", report.written)
      .field("rows", static_cast<std::int64_t>(report.rows))
      .field("nominations_created", static_cast<std::int64_t>(report.written ? report.created : 0))
      .field("nominations_ready", static_cast<std::int64_t>(report.created))
      .field("people_created", static_cast<std::int64_t>(report.people_created))
      .field("people_matched", static_cast<std::int64_t>(report.people_matched))
      .field("rejected_rows", static_cast<std::int64_t>(report.rejected_rows));
  write_import_problems(json, report.problems, context.language);
  json.end_object();
  return json_response(context, report.written ? bhttp::status::created : bhttp::status::ok, json.str());
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> nomination_routes() {
  using namespace route_words;
  return {
      {verb::post, "/api/v1/actions/{id}/nominations", h::create_nomination, signed_in, quick,
       {"nominations", "nominate"}},
      {verb::post, "/api/v1/actions/{id}/nominations/import", h::import_nominations, signed_in, blocking,
       {"nominations", "import"}, {h::may_import_nominations, "may_import_nominations"}},
      {verb::get, "/api/v1/nominations", h::list_nominations, signed_in, quick, {"nominations", "read"}},
      {verb::get, "/api/v1/nominations/template", h::nomination_template, signed_in, quick},
      {verb::get, "/api/v1/nominations/export", h::export_nominations, signed_in, blocking, {"nominations", "read"}},
      {verb::get, "/api/v1/nominations/{id}", h::get_nomination, signed_in, quick, {"nominations", "read"}},
      {verb::post, "/api/v1/nominations/{id}/transitions", h::move_nomination, signed_in, quick,
       {"nominations", "move"}},
      {verb::put, "/api/v1/nominations/{id}/logistics/{item}", h::set_nomination_logistics, signed_in, quick,
       {"nominations", "logistics"}},
      {verb::put, "/api/v1/nominations/{id}/attendance/{day}", h::set_nomination_attendance, signed_in, quick,
       {"nominations", "attendance"}},
  };
}
// clang-format on

}  // namespace taawun::http
