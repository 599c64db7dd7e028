#include "areas/programmes/programme.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace prog = taawun::programmes;

namespace {

std::optional<std::string> optional_text(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

void write_programme(JsonWriter& json, const prog::Programme& p, Language language) {
  json.begin_object()
      .field("id", p.id)
      .field("kind", p.kind)
      .field("title", p.title().in(language))
      .field("title_fr", p.title_fr)
      .field("title_ar", p.title_ar)
      .field("title_en", p.title_en)
      .field("country", p.country_code)
      .field("country_name", p.country_code ? optional_text(p.country_name.in(language)) : std::nullopt)
      .field("funder_organisation_id", p.funder_organisation_id)
      .field("funder_name", p.funder_organisation_id ? optional_text(p.funder_name.in(language)) : std::nullopt)
      .field("start_year", p.start_year)
      .field("end_year", p.end_year)
      .field("agreement_number", p.agreement_number)
      .field("commission_session", p.commission_session)
      .field("agreement_id", p.agreement_id)
      .field("agreement_reference", p.agreement_id ? p.agreement_reference : std::nullopt)
      .field("version", p.version)
      .field("created_at", p.created_at)
      .field("updated_at", p.updated_at)
      .end_object();
}

Response programme_response(Context& context, bhttp::status status, const prog::Programme& p) {
  JsonWriter json;
  write_programme(json, p, context.language);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(p.version));
  return response;
}

Result<prog::ProgrammeDraft> read_draft(Context& context) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  prog::ProgrammeDraft draft;
  // The reader bounds only what it must hold; the domain checks the real limits.
  read_field(body, "kind", draft.kind, body.text("kind", 50));
  read_field(body, "title_fr", draft.title_fr, body.text("title_fr", prog::kMaxTitleLength));
  read_field(body, "title_ar", draft.title_ar, body.text("title_ar", prog::kMaxTitleLength));
  read_field(body, "title_en", draft.title_en, body.text("title_en", prog::kMaxTitleLength));
  read_field(body, "country", draft.country, body.text("country", 2));
  read_field(body, "funder_organisation_id", draft.funder_organisation_id, body.integer("funder_organisation_id"));
  read_field(body, "start_year", draft.start_year, body.integer("start_year"));
  read_field(body, "end_year", draft.end_year, body.integer("end_year"));
  read_field(body, "agreement_number", draft.agreement_number,
             body.text("agreement_number", prog::kMaxAgreementNumberLength));
  read_field(body, "commission_session", draft.commission_session,
             body.text("commission_session", prog::kMaxCommissionSessionLength));
  read_field(body, "agreement_id", draft.agreement_id, body.integer("agreement_id"));
  draft.input_problems = body.finish_into_list();
  return draft;
}

prog::ProgrammeFilter read_programme_filter(QueryReader& query) {
  prog::ProgrammeFilter filter;
  filter.text = query.text("q");
  filter.kind = query.optional_choice("kind", prog::kKinds);
  filter.country = query.country("country");
  filter.year = query.integer("year", prog::kFirstYear, prog::kLastYear);
  filter.agreement_id = query.integer("agreement_id", 1, INT64_MAX);
  filter.sort = query.sort("title");
  return filter;
}

}  // namespace

Result<Response> list_programmes(Context& context) {
  QueryReader query(context);
  auto filter = read_programme_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, prog::list(context.db(), context.actor(), filter));
  return json_response(context, bhttp::status::ok, page_json(page, [&](JsonWriter& json, const prog::Programme& p) {
                         write_programme(json, p, context.language);
                       }));
}

// The list's filters and order, every row (up to kMaxExportRows), as CSV or XLSX.
Result<Response> export_programmes(Context& context) {
  return export_list(
      context, read_programme_filter, prog::kMaxExportRows, prog::list,
      [&](const auto& items) { return prog::export_table(items, context.language); }, "taawun-programmes");
}

Result<Response> get_programme(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(programme, prog::get(context.db(), context.actor(), id));
  return programme_response(context, bhttp::status::ok, programme);
}

Result<Response> create_programme(Context& context) {
  // Refuse before reading the body: a role that may not create learns nothing from validation.
  if (!prog::can(context.actor(), prog::Action::create)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(created, prog::create(context.db(), context.actor(), draft));
  Response response = programme_response(context, bhttp::status::created, created);
  response.set(bhttp::field::location, "/api/v1/programmes/" + std::to_string(created.id));
  return response;
}

Result<Response> update_programme(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!prog::can(context.actor(), prog::Action::update)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(updated, prog::update(context.db(), context.actor(), id, version, draft));
  return programme_response(context, bhttp::status::ok, updated);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> programme_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/programmes", h::list_programmes, signed_in, quick, {"programmes", "read"}},
      {verb::post, "/api/v1/programmes", h::create_programme, signed_in, quick, {"programmes", "create"}},
      {verb::get, "/api/v1/programmes/export", h::export_programmes, signed_in, blocking, {"programmes", "read"}},
      {verb::get, "/api/v1/programmes/{id}", h::get_programme, signed_in, quick, {"programmes", "read"}},
      {verb::patch, "/api/v1/programmes/{id}", h::update_programme, signed_in, quick, {"programmes", "update"}},
  };
}
// clang-format on

}  // namespace taawun::http
