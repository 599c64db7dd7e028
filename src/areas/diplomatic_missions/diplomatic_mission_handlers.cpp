#include "areas/diplomatic_missions/diplomatic_mission.hpp"
#include "http/handlers/cached.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace dm = taawun::diplomatic_missions;

namespace {

void write_codes(JsonWriter& json, const std::vector<std::string>& codes) {
  json.begin_array();
  for (const auto& code : codes) json.value(code);
  json.end_array();
}

void write_mission(JsonWriter& json, const dm::DiplomaticMission& m, Language language) {
  json.begin_object()
      .field("id", m.id)
      .field("kind", m.kind)
      .field("status", m.status)
      .field("sending_country", m.sending_country)
      .field("sending_organisation_id", m.sending_organisation_id)
      .field("sending_name", m.sending_name.in(language))
      .field("receiving_country", m.receiving_country)
      .field("receiving_organisation_id", m.receiving_organisation_id)
      .field("receiving_name", m.receiving_name.in(language))
      .field("name", m.name)
      .field("city", m.city)
      .field("address", m.address)
      .field("latitude", m.latitude)
      .field("longitude", m.longitude)
      .field("telephone", m.telephone)
      .field("email", m.email)
      .field("website", m.website)
      .field("head_name", m.head_name)
      .field("head_title", m.head_title);
  json.key("jurisdiction");
  write_codes(json, m.jurisdiction);
  json.field("opened_on", m.opened_on).field("closed_on", m.closed_on).field("wikidata_qid", m.wikidata_qid);
  json.key("edited_fields");
  write_codes(json, m.edited_fields);
  json.field("version", m.version).field("created_at", m.created_at).field("updated_at", m.updated_at).end_object();
}

Response mission_response(Context& context, bhttp::status status, const dm::DiplomaticMission& m) {
  JsonWriter json;
  write_mission(json, m, context.language);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(m.version));
  return response;
}

Result<dm::DiplomaticMissionDraft> read_draft(Context& context) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  dm::DiplomaticMissionDraft draft;
  read_field(body, "kind", draft.kind, body.text("kind", 50));
  read_field(body, "status", draft.status, body.text("status", 20));
  read_field(body, "sending_country", draft.sending_country, body.text("sending_country", 2));
  read_field(body, "sending_organisation_id", draft.sending_organisation_id, body.integer("sending_organisation_id"));
  read_field(body, "receiving_country", draft.receiving_country, body.text("receiving_country", 2));
  read_field(body, "receiving_organisation_id", draft.receiving_organisation_id,
             body.integer("receiving_organisation_id"));
  read_field(body, "name", draft.name, body.text("name", dm::kMaxNameLength));
  read_field(body, "city", draft.city, body.text("city", dm::kMaxCityLength));
  read_field(body, "address", draft.address, body.text("address", dm::kMaxAddressLength));
  read_field(body, "latitude", draft.latitude, body.number("latitude"));
  read_field(body, "longitude", draft.longitude, body.number("longitude"));
  read_field(body, "telephone", draft.telephone, body.text("telephone", dm::kMaxContactLength));
  read_field(body, "email", draft.email, body.text("email", dm::kMaxContactLength));
  read_field(body, "website", draft.website, body.text("website", dm::kMaxWebsiteLength));
  read_field(body, "head_name", draft.head_name, body.text("head_name", dm::kMaxNameLength));
  read_field(body, "head_title", draft.head_title, body.text("head_title", dm::kMaxNameLength));
  read_field(body, "jurisdiction", draft.jurisdiction, body.text_list("jurisdiction", dm::kMaxJurisdiction, 2));
  read_field(body, "opened_on", draft.opened_on, body.text("opened_on", 10));
  read_field(body, "closed_on", draft.closed_on, body.text("closed_on", 10));
  read_field(body, "wikidata_qid", draft.wikidata_qid, body.text("wikidata_qid", 20));
  draft.input_problems = body.finish_into_list();
  return draft;
}

dm::DiplomaticMissionFilter read_mission_filter(QueryReader& query) {
  dm::DiplomaticMissionFilter filter;
  filter.text = query.text("q");
  filter.kind = query.optional_choice("kind", dm::kKinds);
  filter.status = query.optional_choice("status", dm::kStatuses);
  filter.sending_country = query.country("sending_country");
  filter.receiving_country = query.country("receiving_country");
  filter.covers = query.country("covers");
  filter.wikidata = query.boolean("wikidata");
  filter.sort = query.sort("receiving");
  return filter;
}

}  // namespace

Result<Response> list_diplomatic_missions(Context& context) {
  QueryReader query(context);
  auto filter = read_mission_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  return cached_json(context, dm::kChangeCounter, [&]() -> Result<std::string> {
    TAAWUN_TRY(page, dm::list(context.db(), context.actor(), filter));
    return page_json(
        page, [&](JsonWriter& json, const dm::DiplomaticMission& m) { write_mission(json, m, context.language); });
  });
}

// The list's filters and order, every row (up to kMaxExportRows), as CSV or XLSX.
Result<Response> export_diplomatic_missions(Context& context) {
  return export_list(
      context, read_mission_filter, dm::kMaxExportRows, dm::list,
      [&](const auto& items) { return dm::export_table(items, context.language); }, "taawun-diplomatic-missions");
}

// Every mission, compactly, for the map: one query, kept while no mission changes (ADR 0009).
Result<Response> diplomatic_missions_map(Context& context) {
  return cached_json(context, dm::kChangeCounter, [&]() -> Result<std::string> {
    TAAWUN_TRY(points, dm::map_points(context.db(), context.actor()));
    JsonWriter json;
    json.begin_object().key("items").begin_array();
    for (const auto& p : points) {
      json.begin_object()
          .field("id", p.id)
          .field("kind", p.kind)
          .field("status", p.status)
          .field("sending", p.sending_country)
          .field("receiving", p.receiving_country)
          .field("city", p.city)
          .field("lat", p.latitude)
          .field("lon", p.longitude)
          .field("jurisdiction", p.jurisdiction)
          .field("wikidata", p.wikidata)
          .end_object();
    }
    json.end_array().end_object();
    return json.str();
  });
}

// The import's template: its columns, no rows.
Result<Response> diplomatic_mission_import_template(Context& context) {
  QueryReader query(context);
  auto format = file_format(query);
  TAAWUN_CHECK(query.status());
  spreadsheet::Table table;
  table.columns = dm::import_template_columns();
  return file_response(context, table, format, "taawun-diplomatic-missions-template");
}

// Missions from a spreadsheet: the route's permission (diplomatic_missions create) refuses a
// caller who may not create before a byte of the file is read.
Result<Response> import_diplomatic_missions(Context& context) {
  TAAWUN_TRY(upload, read_upload(context));
  TAAWUN_TRY(report, dm::import_missions(context.db(), context.actor(), upload.table, upload.options));
  return import_response(context, report);
}

Result<Response> get_diplomatic_mission(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(mission, dm::get(context.db(), context.actor(), id));
  return mission_response(context, bhttp::status::ok, mission);
}

Result<Response> create_diplomatic_mission(Context& context) {
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(created, dm::create(context.db(), context.actor(), draft));
  Response response = mission_response(context, bhttp::status::created, created);
  response.set(bhttp::field::location, "/api/v1/diplomatic-missions/" + std::to_string(created.id));
  return response;
}

Result<Response> update_diplomatic_mission(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(updated, dm::update(context.db(), context.actor(), id, version, draft));
  return mission_response(context, bhttp::status::ok, updated);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// clang-format off
std::vector<Route> diplomatic_mission_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/diplomatic-missions", h::list_diplomatic_missions, signed_in, quick, {"diplomatic_missions", "read"}},
      {verb::post, "/api/v1/diplomatic-missions", h::create_diplomatic_mission, signed_in, quick, {"diplomatic_missions", "create"}},
      {verb::get, "/api/v1/diplomatic-missions/export", h::export_diplomatic_missions, signed_in, blocking, {"diplomatic_missions", "read"}},
      {verb::get, "/api/v1/diplomatic-missions/import-template", h::diplomatic_mission_import_template, signed_in, quick, {"diplomatic_missions", "create"}},
      {verb::post, "/api/v1/diplomatic-missions/import", h::import_diplomatic_missions, signed_in, blocking, {"diplomatic_missions", "create"}},
      {verb::get, "/api/v1/diplomatic-missions/map", h::diplomatic_missions_map, signed_in, quick, {"diplomatic_missions", "read"}},
      {verb::get, "/api/v1/diplomatic-missions/{id}", h::get_diplomatic_mission, signed_in, quick, {"diplomatic_missions", "read"}},
      {verb::patch, "/api/v1/diplomatic-missions/{id}", h::update_diplomatic_mission, signed_in, quick, {"diplomatic_missions", "update"}},
  };
}
// clang-format on

}  // namespace taawun::http
