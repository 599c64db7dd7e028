#include "areas/offers/offer_json.hpp"
#include "areas/requests/request.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace req = taawun::requests;

namespace {

std::optional<std::string> optional_text(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

void write_request(JsonWriter& json, const req::CooperationRequest& r, Language language) {
  json.begin_object()
      .field("id", r.id)
      .field("country", r.country_code)
      .field("country_name", r.country_name.in(language))
      .field("requesting_organisation_id", r.requesting_organisation_id)
      .field("requesting_organisation_name",
             r.requesting_organisation_id ? optional_text(r.requesting_organisation_name.in(language)) : std::nullopt)
      .field("domain", r.domain)
      .field("domain_name", r.domain_name.in(language))
      .field("action_type", r.action_type)
      .field("action_type_name", r.action_type ? optional_text(r.action_type_name.in(language)) : std::nullopt)
      .field("title", r.title);
  if (r.detail_included) json.field("description", r.description);
  json.field("people_count", r.people_count)
      .field("period_start", r.period_start)
      .field("period_end", r.period_end)
      .field("priority", r.priority)
      .field("channel", r.channel)
      .field("status", r.status);
  json.key("next_statuses").begin_array();
  for (auto status : req::next_statuses(r.status)) json.value(status);
  json.end_array();
  json.field("received_on", r.received_on);
  if (r.detail_included) {
    json.key("matched_offers").begin_array();
    for (const auto& offer : r.matched_offers)
      json.begin_object()
          .field("id", offer.offer_id)
          .field("title", offer.title.in(language))
          .field("host_organisation_id", offer.host_organisation_id)
          .field("host_name", offer.host_name.in(language))
          .field("active", offer.active)
          .field("matched_at", offer.matched_at)
          .end_object();
    json.end_array();
    json.key("served_by_actions").begin_array();
    for (const auto& action : r.served_by_actions)
      json.begin_object().field("id", action.action_id).field("title", action.title.in(language)).end_object();
    json.end_array();
  }
  json.field("version", r.version).field("created_at", r.created_at).field("updated_at", r.updated_at).end_object();
}

Response request_response(Context& context, bhttp::status status, const req::CooperationRequest& r) {
  JsonWriter json;
  write_request(json, r, context.language);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(r.version));
  return response;
}

Result<req::RequestDraft> read_draft(Context& context) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  req::RequestDraft draft;
  // The reader bounds only what it must hold; the domain checks the real limits.
  read_field(body, "country", draft.country, body.text("country", 2));
  read_field(body, "requesting_organisation_id", draft.requesting_organisation_id,
             body.integer("requesting_organisation_id"));
  read_field(body, "domain", draft.domain, body.text("domain", 50));
  read_field(body, "action_type", draft.action_type, body.text("action_type", 50));
  read_field(body, "title", draft.title, body.text("title", req::kMaxTitleLength));
  read_field(body, "description", draft.description, body.text("description", req::kMaxDescriptionLength));
  read_field(body, "people_count", draft.people_count, body.integer("people_count"));
  read_field(body, "period_start", draft.period_start, body.text("period_start", 30));
  read_field(body, "period_end", draft.period_end, body.text("period_end", 30));
  read_field(body, "priority", draft.priority, body.text("priority", 50));
  read_field(body, "channel", draft.channel, body.text("channel", 50));
  read_field(body, "status", draft.status, body.text("status", 50));
  read_field(body, "received_on", draft.received_on, body.text("received_on", 30));
  draft.input_problems = body.finish_into_list();
  return draft;
}

req::RequestFilter read_request_filter(QueryReader& query) {
  req::RequestFilter filter;
  filter.text = query.text("q");
  filter.country = query.country("country");
  filter.status = query.optional_choice("status", req::kStatuses);
  filter.domain = query.code("domain", QueryReader::Codes::cooperation_domain);
  filter.action_type = query.code("action_type", QueryReader::Codes::action_type);
  filter.priority = query.optional_choice("priority", req::kPriorities);
  filter.channel = query.optional_choice("channel", req::kChannels);
  filter.requesting_organisation_id = query.integer("requesting_organisation_id", 1, INT64_MAX);
  filter.sort = query.sort("-received_on");
  return filter;
}

}  // namespace

Result<Response> list_requests(Context& context) {
  QueryReader query(context);
  auto filter = read_request_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, req::list(context.db(), context.actor(), filter));
  return json_response(context, bhttp::status::ok,
                       page_json(page, [&](JsonWriter& json, const req::CooperationRequest& r) {
                         write_request(json, r, context.language);
                       }));
}

// The list's filters and order, every row (up to kMaxExportRows), as CSV or XLSX.
Result<Response> export_requests(Context& context) {
  return export_list(
      context, read_request_filter, req::kMaxExportRows, req::list,
      [&](const auto& items) { return req::export_table(items, context.language); }, "taawun-requests");
}

Result<Response> get_request(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(request, req::get(context.db(), context.actor(), id));
  return request_response(context, bhttp::status::ok, request);
}

Result<Response> create_request(Context& context) {
  // Refuse before reading the body: a role that may not create learns nothing from validation.
  if (!req::can(context.actor(), req::Action::create)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(created, req::create(context.db(), context.actor(), draft));
  Response response = request_response(context, bhttp::status::created, created);
  response.set(bhttp::field::location, "/api/v1/requests/" + std::to_string(created.id));
  return response;
}

Result<Response> update_request(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!req::can(context.actor(), req::Action::update)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(updated, req::update(context.db(), context.actor(), id, version, draft));
  return request_response(context, bhttp::status::ok, updated);
}

Result<Response> list_suggested_offers(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  QueryReader query(context);
  PageRequest page_request = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, req::suggested_offers(context.db(), context.actor(), id, page_request));
  return json_response(context, bhttp::status::ok,
                       page_json(page, [&](JsonWriter& json, const req::SuggestedOffer& suggestion) {
                         json.begin_object();
                         write_offer_fields(json, suggestion.offer, context.language);
                         json.field("same_domain", suggestion.same_domain)
                             .field("same_action_type", suggestion.same_action_type)
                             .field("linked", suggestion.linked)
                             .end_object();
                       }));
}

Result<Response> link_request_offer(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!req::can(context.actor(), req::Action::match)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, optional_version(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto offer_id = body.integer("offer_id");
  std::vector<FieldError> missing;
  if (!offer_id) missing.push_back({"offer_id", "required"});
  TAAWUN_CHECK(report(body.finish_into_list(), std::move(missing)));
  TAAWUN_TRY(updated, req::link_offer(context.db(), context.actor(), id, *offer_id, version));
  return request_response(context, bhttp::status::ok, updated);
}

Result<Response> unlink_request_offer(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(offer_id, id_parameter(context, 1));
  if (!req::can(context.actor(), req::Action::match)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, optional_version(context));
  TAAWUN_TRY(updated, req::unlink_offer(context.db(), context.actor(), id, offer_id, version));
  return request_response(context, bhttp::status::ok, updated);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> request_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/requests", h::list_requests, signed_in, quick, {"requests", "read"}},
      {verb::post, "/api/v1/requests", h::create_request, signed_in, quick, {"requests", "create"}},
      {verb::get, "/api/v1/requests/export", h::export_requests, signed_in, blocking, {"requests", "read"}},
      {verb::get, "/api/v1/requests/{id}", h::get_request, signed_in, quick, {"requests", "read"}},
      {verb::patch, "/api/v1/requests/{id}", h::update_request, signed_in, quick, {"requests", "update"}},
      {verb::get, "/api/v1/requests/{id}/suggested-offers", h::list_suggested_offers, signed_in, quick},
      {verb::post, "/api/v1/requests/{id}/offers", h::link_request_offer, signed_in, quick, {"requests", "match"}},
      // no body, and a request out of scope reads as 404 before 403: the use case decides
      {verb::delete_, "/api/v1/requests/{id}/offers/{offer_id}", h::unlink_request_offer, signed_in, quick},
  };
}
// clang-format on

}  // namespace taawun::http
