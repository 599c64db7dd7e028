#include "areas/actions/action.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace act = taawun::actions;

namespace {

std::optional<std::string> name_or_null(const LocalisedName& name, Language language) {
  const std::string& text = name.in(language);
  if (text.empty()) return std::nullopt;
  return text;
}

void write_action(JsonWriter& json, const act::Action& a, Language language) {
  json.begin_object()
      .field("id", a.id)
      .field("action_type", a.action_type)
      .field("action_type_name", a.type_name.in(language))
      .field("domain", a.domain)
      .field("domain_name", a.domain_name.in(language))
      .field("title", a.title().in(language))
      .field("title_fr", a.title_fr)
      .field("title_ar", a.title_ar)
      .field("title_en", a.title_en)
      .field("modality", a.modality)
      .field("programme_id", a.programme_id)
      .field("programme_title", a.programme_id ? name_or_null(a.programme_title, language) : std::nullopt)
      .field("agreement_id", a.agreement_id)
      .field("agreement_reference", a.agreement_id ? a.agreement_reference : std::nullopt)
      .field("offer_id", a.offer_id)
      .field("host_organisation_id", a.host_organisation_id)
      .field("host_name", a.host_organisation_id ? name_or_null(a.host_name, language) : std::nullopt)
      .field("city", a.city)
      .field("country", a.country_code)
      .field("country_name", a.country_name.in(language))
      .field("start_date", a.start_date)
      .field("end_date", a.end_date)
      .field("language", a.language)
      .field("seats", a.seats)
      .field("seats_filled", a.filled)
      .field("status", a.status);
  json.key("next_statuses").begin_array();
  for (auto status : act::next_statuses(a.status)) json.value(status);
  json.end_array();
  json.key("quotas").begin_array();
  for (const auto& q : a.quotas)
    json.begin_object()
        .field("country", q.country)
        .field("country_name", q.country_name.in(language))
        .field("seats", q.seats)
        .field("filled", q.filled)
        .end_object();
  json.end_array();
  if (a.details_included) {
    json.field("estimated_cost", a.estimated_cost).field("actual_cost", a.actual_cost).field("currency", a.currency);
    json.key("sectors").begin_array();
    for (const auto& s : a.sectors)
      json.begin_object()
          .field("code", s.code)
          .field("name", s.name.in(language))
          .field("percentage", s.percentage)
          .end_object();
    json.end_array();
    json.key("funders").begin_array();
    for (const auto& f : a.funders)
      json.begin_object()
          .field("organisation_id", f.organisation_id)
          .field("name", f.name.in(language))
          .field("share", f.share)
          .end_object();
    json.end_array();
    json.array("sdg_targets", a.sdg_targets).array("request_ids", a.request_ids);
  }
  json.field("version", a.version).field("created_at", a.created_at).field("updated_at", a.updated_at).end_object();
}

Response action_response(Context& context, bhttp::status status, const act::Action& a) {
  JsonWriter json;
  write_action(json, a, context.language);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(a.version));
  return response;
}

Result<act::ActionDraft> read_draft(Context& context) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  act::ActionDraft draft;
  read_field(body, "action_type", draft.action_type, body.text("action_type", 40));
  read_field(body, "domain", draft.domain, body.text("domain", 40));
  read_field(body, "title_fr", draft.title_fr, body.text("title_fr", act::kMaxTitleLength));
  read_field(body, "title_ar", draft.title_ar, body.text("title_ar", act::kMaxTitleLength));
  read_field(body, "title_en", draft.title_en, body.text("title_en", act::kMaxTitleLength));
  read_field(body, "modality", draft.modality, body.text("modality", 20));
  read_field(body, "city", draft.city, body.text("city", act::kMaxCityLength));
  read_field(body, "country", draft.country, body.text("country", 2));
  read_field(body, "start_date", draft.start_date, body.text("start_date", 10));
  read_field(body, "end_date", draft.end_date, body.text("end_date", 10));
  read_field(body, "language", draft.language, body.text("language", 2));
  read_field(body, "currency", draft.currency, body.text("currency", 3));
  read_field(body, "programme_id", draft.programme_id, body.integer("programme_id"));
  read_field(body, "agreement_id", draft.agreement_id, body.integer("agreement_id"));
  read_field(body, "offer_id", draft.offer_id, body.integer("offer_id"));
  read_field(body, "host_organisation_id", draft.host_organisation_id, body.integer("host_organisation_id"));
  read_field(body, "seats", draft.seats, body.integer("seats"));
  read_field(body, "estimated_cost", draft.estimated_cost, body.integer("estimated_cost"));
  read_field(body, "actual_cost", draft.actual_cost, body.integer("actual_cost"));
  read_object_list(body, "sectors", act::kMaxSectors, {"code", "percentage"}, draft.sectors,
                   [](const nlohmann::json& item, const std::string& path, std::vector<FieldError>& problems) {
                     return act::SectorShare{nested_text(item, path, "code", 5, problems).value_or(""),
                                             nested_integer(item, path, "percentage", problems).value_or(0),
                                             {}};
                   });
  read_object_list(body, "funders", act::kMaxFunders, {"organisation_id", "share"}, draft.funders,
                   [](const nlohmann::json& item, const std::string& path, std::vector<FieldError>& problems) {
                     return act::FunderShare{nested_integer(item, path, "organisation_id", problems).value_or(0),
                                             nested_integer(item, path, "share", problems).value_or(0),
                                             {}};
                   });
  read_object_list(body, "quotas", act::kMaxQuotas, {"country", "seats"}, draft.quotas,
                   [](const nlohmann::json& item, const std::string& path, std::vector<FieldError>& problems) {
                     return act::Quota{nested_text(item, path, "country", 2, problems).value_or(""),
                                       nested_integer(item, path, "seats", problems).value_or(0),
                                       {},
                                       0};
                   });
  read_field(body, "sdg_targets", draft.sdg_targets, body.text_list("sdg_targets", act::kMaxSdgTargets, 10));
  read_field(body, "request_ids", draft.request_ids, body.integer_list("request_ids", act::kMaxRequests));
  draft.input_problems = body.finish_into_list();
  return draft;
}

}  // namespace

namespace {

act::ActionFilter read_action_filter(QueryReader& query) {
  act::ActionFilter filter;
  filter.text = query.text("q");
  filter.year = query.integer("year", 1990, 2100);
  filter.action_type = query.code("action_type", QueryReader::Codes::action_type);
  filter.domain = query.code("domain", QueryReader::Codes::cooperation_domain);
  filter.country = query.country("country");
  filter.status =
      query.optional_choice("status", {"planned", "open", "selection_closed", "ongoing", "completed", "cancelled"});
  filter.modality = query.optional_choice("modality", {"bilateral", "triangular"});
  filter.programme_id = query.integer("programme_id", 1, INT64_MAX);
  filter.agreement_id = query.integer("agreement_id", 1, INT64_MAX);
  filter.host_organisation_id = query.integer("host_organisation_id", 1, INT64_MAX);
  filter.offer_id = query.integer("offer_id", 1, INT64_MAX);
  filter.sort = query.choice("sort", {"start_date", "-start_date", "title", "-title", "updated_at", "-updated_at"},
                             "-start_date");
  return filter;
}

}  // namespace

Result<Response> list_actions(Context& context) {
  QueryReader query(context);
  auto filter = read_action_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, act::list(context.db(), context.actor(), filter));
  return json_response(context, bhttp::status::ok, page_json(page, [&](JsonWriter& json, const act::Action& a) {
                         write_action(json, a, context.language);
                       }));
}

// The list's filters and order, every row (up to kMaxExportRows), as CSV or XLSX.
Result<Response> export_actions(Context& context) {
  return export_list(
      context, read_action_filter, act::kMaxExportRows, act::list,
      [&](const auto& items) { return act::export_table(items, context.language); }, "taawun-actions");
}

Result<Response> get_action(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(action, act::get(context.db(), context.actor(), id));
  return action_response(context, bhttp::status::ok, action);
}

Result<Response> create_action(Context& context) {
  if (!act::can(context.actor(), act::Operation::create)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(created, act::create(context.db(), context.actor(), draft));
  Response response = action_response(context, bhttp::status::created, created);
  response.set(bhttp::field::location, "/api/v1/actions/" + std::to_string(created.id));
  return response;
}

Result<Response> update_action(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!act::can(context.actor(), act::Operation::update)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(updated, act::update(context.db(), context.actor(), id, version, draft));
  return action_response(context, bhttp::status::ok, updated);
}

Result<Response> change_action_status(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!act::can(context.actor(), act::Operation::change_status)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto status = body.text("status", 20);
  if (!status) body.problem({"status", "required"});
  TAAWUN_CHECK(body.finish());
  TAAWUN_TRY(updated, act::change_status(context.db(), context.actor(), id, version, *status));
  return action_response(context, bhttp::status::ok, updated);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> action_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/actions", h::list_actions, signed_in, quick, {"actions", "read"}},
      {verb::post, "/api/v1/actions", h::create_action, signed_in, quick, {"actions", "create"}},
      {verb::get, "/api/v1/actions/export", h::export_actions, signed_in, blocking, {"actions", "read"}},
      {verb::get, "/api/v1/actions/{id}", h::get_action, signed_in, quick, {"actions", "read"}},
      {verb::patch, "/api/v1/actions/{id}", h::update_action, signed_in, quick, {"actions", "update"}},
      {verb::post, "/api/v1/actions/{id}/status", h::change_action_status, signed_in, quick,
       {"actions", "change_status"}},
  };
}
// clang-format on

}  // namespace taawun::http
