#include "areas/reference/reference.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace {

void write_names(JsonWriter& json, const LocalisedName& name) {
  json.key("names").begin_object().field("fr", name.fr).field("ar", name.ar).field("en", name.en).end_object();
}

void write_country(JsonWriter& json, const reference::Country& c, Language language) {
  json.begin_object()
      .field("code", c.code)
      .field("alpha3", c.alpha3)
      .field("numeric", c.numeric_code)
      .field("name", c.name.in(language));
  write_names(json, c.name);
  json.key("region");
  if (c.region_code)
    json.begin_object().field("code", *c.region_code).field("name", c.region.in(language)).end_object();
  else
    json.null();
  json.key("subregion");
  if (c.subregion_code)
    json.begin_object().field("code", *c.subregion_code).field("name", c.subregion.in(language)).end_object();
  else
    json.null();
  json.field("ldc", c.ldc)
      .field("lldc", c.lldc)
      .field("sids", c.sids)
      .field("african_union", c.african_union)
      .end_object();
}

}  // namespace

Result<Response> list_countries(Context& context) {
  QueryReader query(context);
  reference::CountryFilter filter;
  filter.text = query.text("q");
  filter.region = query.text("region", 3);
  filter.subregion = query.text("subregion", 3);
  filter.ldc = query.boolean("ldc");
  filter.african_union = query.boolean("au");
  filter.sort = query.sort("name");
  filter.page = query.page();
  filter.language = context.language;
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, reference::list_countries(context.db(), filter));
  return json_response(context, bhttp::status::ok, page_json(page, [&](JsonWriter& json, const reference::Country& c) {
                         write_country(json, c, context.language);
                       }));
}

std::string country_code_parameter(const Context& context, std::size_t index) {
  std::string code = context.path_params.at(index);
  for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code;
}

Result<Response> get_country(Context& context) {
  auto country = reference::find_country(context.db(), country_code_parameter(context));
  if (!country) return Error::of(ErrorCode::not_found);
  JsonWriter json;
  write_country(json, *country, context.language);
  return json_response(context, bhttp::status::ok, json.str());
}

Result<Response> list_currencies(Context& context) {
  QueryReader query(context);
  reference::CurrencyFilter filter;
  filter.text = query.text("q");
  filter.sort = query.sort("code");
  filter.page = query.page();
  filter.language = context.language;
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, reference::list_currencies(context.db(), filter));
  return json_response(context, bhttp::status::ok, page_json(page, [&](JsonWriter& json, const reference::Currency& c) {
                         json.begin_object()
                             .field("code", c.code)
                             .field("numeric", c.numeric_code)
                             .field("name", c.name.in(context.language));
                         write_names(json, c.name);
                         json.end_object();
                       }));
}

Result<Response> list_codelists(Context& context) {
  auto lists = reference::list_codelists(context.db());
  return json_response(context, bhttp::status::ok,
                       all_json(lists, [](JsonWriter& json, const reference::CodelistSummary& list) {
                         json.begin_object().field("name", list.name).field("count", list.count).end_object();
                       }));
}

Result<Response> list_codelist(Context& context) {
  QueryReader query(context);
  reference::CodelistFilter filter;
  filter.text = query.text("q");
  filter.category = query.text("category", 20);
  filter.include_withdrawn = query.boolean("withdrawn").value_or(false);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, reference::list_codelist(context.db(), context.path_params.at(0), filter));
  return json_response(context, bhttp::status::ok,
                       page_json(page, [&](JsonWriter& json, const reference::CodelistEntry& e) {
                         json.begin_object()
                             .field("code", e.code)
                             .field("name", e.name.in(context.language))
                             .field("category", e.category)
                             .field("withdrawn", e.withdrawn)
                             .end_object();
                       }));
}

Result<Response> list_action_types(Context& context) {
  QueryReader query(context);
  auto text = query.text("q");
  TAAWUN_CHECK(query.status());
  auto types = reference::list_action_types(context.db(), text);
  return json_response(context, bhttp::status::ok,
                       all_json(types, [&](JsonWriter& json, const reference::ActionType& t) {
                         json.begin_object().field("code", t.code).field("name", t.name.in(context.language));
                         write_names(json, t.name);
                         json.field("aid_type", t.aid_type)
                             .field("aid_type_name", t.aid_type_name.in(context.language))
                             .field("place", t.place)
                             .end_object();
                       }));
}

Result<Response> list_cooperation_domains(Context& context) {
  QueryReader query(context);
  reference::CooperationDomainFilter filter;
  filter.text = query.text("q");
  filter.sector = query.text("sector", 5);
  filter.sort = query.sort("position");
  filter.language = context.language;
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(domains, reference::list_cooperation_domains(context.db(), filter));
  return json_response(
      context, bhttp::status::ok, all_json(domains, [&](JsonWriter& json, const reference::CooperationDomain& d) {
        json.begin_object().field("code", d.code).field("name", d.name.in(context.language));
        write_names(json, d.name);
        json.key("sectors").begin_array();
        for (const auto& sector : d.sectors)
          json.begin_object().field("code", sector.code).field("name", sector.name.in(context.language)).end_object();
        json.end_array().end_object();
      }));
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> reference_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/countries", h::list_countries, signed_in, quick},
      {verb::get, "/api/v1/countries/{code}", h::get_country, signed_in, quick},
      {verb::get, "/api/v1/currencies", h::list_currencies, signed_in, quick},
      {verb::get, "/api/v1/codelists", h::list_codelists, signed_in, quick},
      {verb::get, "/api/v1/codelists/{name}", h::list_codelist, signed_in, quick},
      {verb::get, "/api/v1/action-types", h::list_action_types, signed_in, quick},
      {verb::get, "/api/v1/cooperation-domains", h::list_cooperation_domains, signed_in, quick},
  };
}
// clang-format on

}  // namespace taawun::http
