#include "areas/offers/offer.hpp"
#include "areas/offers/offer_json.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace off = taawun::offers;

void write_offer_fields(JsonWriter& json, const off::Offer& o, Language language) {
  json.field("id", o.id)
      .field("host_organisation_id", o.host_organisation_id)
      .field("host_name", o.host_name.in(language))
      .field("action_type", o.action_type)
      .field("action_type_name", o.action_type_name.in(language))
      .field("domain", o.domain)
      .field("domain_name", o.domain_name.in(language))
      .field("title", o.title().in(language))
      .field("title_fr", o.title_fr)
      .field("title_ar", o.title_ar)
      .field("title_en", o.title_en);
  if (o.descriptions_included)
    json.field("description_fr", o.description_fr)
        .field("description_ar", o.description_ar)
        .field("description_en", o.description_en);
  json.field("level", o.level)
      .field("duration_days", o.duration_days)
      .field("language", o.language)
      .field("seats_per_year", o.seats_per_year)
      .field("cost_per_participant", o.cost_per_participant)
      .field("currency", o.currency)
      .field("active", o.active)
      .field("version", o.version)
      .field("created_at", o.created_at)
      .field("updated_at", o.updated_at);
}

namespace {

void write_offer(JsonWriter& json, const off::Offer& o, Language language) {
  json.begin_object();
  write_offer_fields(json, o, language);
  json.end_object();
}

Response offer_response(Context& context, bhttp::status status, const off::Offer& o) {
  JsonWriter json;
  write_offer(json, o, context.language);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(o.version));
  return response;
}

Result<off::OfferDraft> read_draft(Context& context) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  off::OfferDraft draft;
  // The reader bounds only what it must hold; the domain checks the real limits.
  read_field(body, "host_organisation_id", draft.host_organisation_id, body.integer("host_organisation_id"));
  read_field(body, "action_type", draft.action_type, body.text("action_type", 50));
  read_field(body, "domain", draft.domain, body.text("domain", 50));
  read_field(body, "title_fr", draft.title_fr, body.text("title_fr", off::kMaxTitleLength));
  read_field(body, "title_ar", draft.title_ar, body.text("title_ar", off::kMaxTitleLength));
  read_field(body, "title_en", draft.title_en, body.text("title_en", off::kMaxTitleLength));
  read_field(body, "description_fr", draft.description_fr, body.text("description_fr", off::kMaxDescriptionLength));
  read_field(body, "description_ar", draft.description_ar, body.text("description_ar", off::kMaxDescriptionLength));
  read_field(body, "description_en", draft.description_en, body.text("description_en", off::kMaxDescriptionLength));
  read_field(body, "level", draft.level, body.text("level", 50));
  read_field(body, "duration_days", draft.duration_days, body.integer("duration_days"));
  read_field(body, "language", draft.language, body.text("language", 50));
  read_field(body, "seats_per_year", draft.seats_per_year, body.integer("seats_per_year"));
  read_field(body, "cost_per_participant", draft.cost_per_participant, body.integer("cost_per_participant"));
  read_field(body, "currency", draft.currency, body.text("currency", 3));
  read_field(body, "active", draft.active, body.boolean("active"));
  draft.input_problems = body.finish_into_list();
  return draft;
}

off::OfferFilter read_offer_filter(QueryReader& query) {
  off::OfferFilter filter;
  filter.text = query.text("q");
  filter.host_organisation_id = query.integer("host", 1, INT64_MAX);
  filter.action_type = query.code("action_type", QueryReader::Codes::action_type);
  filter.domain = query.code("domain", QueryReader::Codes::cooperation_domain);
  filter.language = query.optional_choice("language", off::kLanguages);
  auto active = query.choice("active", {"true", "false", "all"}, "true");
  if (active == "false")
    filter.active = off::OfferFilter::Active::inactive;
  else if (active == "all")
    filter.active = off::OfferFilter::Active::all;
  filter.sort = query.sort("title");
  return filter;
}

}  // namespace

Result<Response> list_offers(Context& context) {
  QueryReader query(context);
  auto filter = read_offer_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, off::list(context.db(), context.actor(), filter));
  return json_response(context, bhttp::status::ok, page_json(page, [&](JsonWriter& json, const off::Offer& o) {
                         write_offer(json, o, context.language);
                       }));
}

// The list's filters and order, every row (up to kMaxExportRows), as CSV or XLSX.
Result<Response> export_offers(Context& context) {
  return export_list(
      context, read_offer_filter, off::kMaxExportRows, off::list,
      [&](const auto& items) { return off::export_table(items, context.language); }, "taawun-offers");
}

Result<Response> get_offer(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(offer, off::get(context.db(), context.actor(), id));
  return offer_response(context, bhttp::status::ok, offer);
}

Result<Response> create_offer(Context& context) {
  // Refuse before reading the body: a role that may not create learns nothing from validation.
  if (!off::can(context.actor(), off::Action::create)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(created, off::create(context.db(), context.actor(), draft));
  Response response = offer_response(context, bhttp::status::created, created);
  response.set(bhttp::field::location, "/api/v1/offers/" + std::to_string(created.id));
  return response;
}

Result<Response> update_offer(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!off::can(context.actor(), off::Action::update)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(updated, off::update(context.db(), context.actor(), id, version, draft));
  return offer_response(context, bhttp::status::ok, updated);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> offer_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/offers", h::list_offers, signed_in, quick, {"offers", "read"}},
      {verb::post, "/api/v1/offers", h::create_offer, signed_in, quick, {"offers", "create"}},
      {verb::get, "/api/v1/offers/export", h::export_offers, signed_in, blocking, {"offers", "read"}},
      {verb::get, "/api/v1/offers/{id}", h::get_offer, signed_in, quick, {"offers", "read"}},
      {verb::patch, "/api/v1/offers/{id}", h::update_offer, signed_in, quick, {"offers", "update"}},
  };
}
// clang-format on

}  // namespace taawun::http
